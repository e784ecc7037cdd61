import { GroupCommit } from './group-commit';

/** A statement writer that holds each statement until released, recording what it carried. */
function heldWriter() {
  const statements: { items: string[]; release(applied?: boolean[]): void; fail(error: Error): void }[] = [];
  const write = (items: string[]) =>
    new Promise<boolean[]>((resolve, reject) => {
      statements.push({ items, release: (applied) => resolve(applied ?? items.map(() => true)), fail: reject });
    });
  return { statements, write };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('GroupCommit', () => {
  it('sends a write at once while statements are free, and groups the writes that wait for one', async () => {
    const writer = heldWriter();
    const group = new GroupCommit(writer.write, 2, 10);
    const first = group.submit('a', 'a1');
    const second = group.submit('b', 'b1');
    const waiting = ['c', 'd', 'e'].map((key) => group.submit(key, `${key}1`));
    expect(writer.statements.map((s) => s.items)).toEqual([['a1'], ['b1']]);
    writer.statements[0]?.release();
    await expect(first).resolves.toBe(true);
    await tick();
    expect(writer.statements.map((s) => s.items)).toEqual([['a1'], ['b1'], ['c1', 'd1', 'e1']]);
    writer.statements[2]?.release([true, false, true]);
    await expect(Promise.all(waiting)).resolves.toEqual([true, false, true]);
    writer.statements[1]?.release();
    await expect(second).resolves.toBe(true);
  });

  it('puts a later write of the same key in a later statement, and caps a statement at its maximum', async () => {
    const writer = heldWriter();
    const group = new GroupCommit(writer.write, 1, 2);
    const all = [group.submit('a', 'a1'), group.submit('a', 'a2'), group.submit('b', 'b1'), group.submit('c', 'c1'), group.submit('a', 'a3')];
    for (let i = 0; i < 4; i++) {
      writer.statements[i]?.release();
      await tick();
    }
    expect(writer.statements.map((s) => s.items)).toEqual([['a1'], ['a2', 'b1'], ['c1', 'a3']]);
    await expect(Promise.all(all)).resolves.toEqual([true, true, true, true, true]);
  });

  it('fails every write of a statement that fails, and goes on with the next', async () => {
    const writer = heldWriter();
    const group = new GroupCommit(writer.write, 1, 10);
    const first = group.submit('a', 'a1');
    const grouped = [group.submit('b', 'b1'), group.submit('c', 'c1')];
    writer.statements[0]?.release();
    await tick();
    writer.statements[1]?.fail(new Error('connection lost'));
    for (const write of grouped) await expect(write).rejects.toThrow('connection lost');
    await expect(first).resolves.toBe(true);
    const after = group.submit('d', 'd1');
    writer.statements[2]?.release();
    await expect(after).resolves.toBe(true);
  });
});
