import { randomUUID } from 'node:crypto';
import { createTestDatabase, testDatabaseBackends, type DisposableTestDatabase } from '@ketenregie/shared-testing';
import * as machine from '../engine/history/machine';
import { earliestDeadline, Transition } from '../engine/history/transition';
import type { RunState } from '../model/run-state';
import type { Msg } from '../proto/proto';
import { InMemoryStore } from './in-memory-store';
import { PgStore } from './pg-store';
import { ConcurrencyConflictError, type RunWrite, type Store } from './store';

/** A new run (WorkflowExecutionStarted, workflow task scheduled) as its creating write. */
function created(runId: string, workflowId = `wf-${runId}`): RunWrite {
  const tr = machine.createRun(
    { namespace: 'default', workflowId, runId, workflowType: 'T', taskQueue: 'q', executionTimeoutMs: 0, runTimeoutMs: 0, taskTimeoutMs: 10_000 },
    1_000,
    randomUUID,
  );
  tr.run.version = 0;
  return { run: tr.run, expectedVersion: null, newEvents: tr.events, makeCurrent: true, nextDeadline: earliestDeadline(tr.run) };
}

/** The write that applies `fn` to a stored run, as the engine builds it. */
function changed(run: RunState, now: number, fn: (tr: Transition) => void): RunWrite {
  const tr = new Transition(structuredClone(run), now, randomUUID);
  fn(tr);
  tr.run.version = run.version + 1;
  return { run: tr.run, expectedVersion: run.version, newEvents: tr.events, nextDeadline: earliestDeadline(tr.run) };
}

type Backend = 'memory' | 'postgres';
const backends: Backend[] = ['memory', ...testDatabaseBackends()];

describe.each(backends)('Store contract [%s]', (backend) => {
  let database: DisposableTestDatabase | undefined;
  let store: Store;

  beforeAll(async () => {
    if (backend === 'memory') {
      store = new InMemoryStore();
      return;
    }
    database = await createTestDatabase(backend);
    store = await PgStore.open({ url: database.url, poolSize: 4 });
  }, 120_000);

  afterAll(async () => {
    await store?.close();
    await database?.dispose();
  }, 60_000);

  it('commits a run with its history and current pointer, and reads them back', async () => {
    const write = created('r1');
    await store.commit([write]);
    expect(await store.getCurrentRunId('default', write.run.workflowId)).toBe('r1');
    const run = await store.getRun('default', 'r1');
    expect(run).toMatchObject({ runId: 'r1', status: 'Running', version: 0 });
    const history = await store.readHistory('default', 'r1');
    expect(history.map((e) => e.event_id)).toEqual([1]);
    expect(history[0]?.event_type).toBe('EVENT_TYPE_WORKFLOW_EXECUTION_STARTED');
    expect(await store.listRunsWithQueuedTasks()).toEqual(expect.arrayContaining([expect.objectContaining({ runId: 'r1' })]));
  });

  it('refuses a write against a stale version and a second creation of the same run, leaving nothing behind', async () => {
    await store.commit([created('r2')]);
    const run = (await store.getRun('default', 'r2')) as RunState;
    const first = changed(run, 1_100, (tr) => machine.startWorkflowTask(tr, 'q', 'worker', 'req-1'));
    const second = changed(run, 1_100, (tr) => machine.startWorkflowTask(tr, 'q', 'worker', 'req-2'));
    await store.commit([first]);
    await expect(store.commit([second])).rejects.toBeInstanceOf(ConcurrencyConflictError);
    await expect(store.commit([created('r2')])).rejects.toBeInstanceOf(ConcurrencyConflictError);
    expect((await store.readHistory('default', 'r2')).map((e) => e.event_id)).toEqual([1, 2, 3]);
    expect((await store.getRun('default', 'r2'))?.wft.requestId).toBe('req-1');
  });

  it('commits several runs atomically: a conflict in one writes none', async () => {
    await store.commit([created('r3')]);
    const stale = changed((await store.getRun('default', 'r3')) as RunState, 1_100, (tr) => machine.signal(tr, { signal_name: 's' }));
    await store.commit([changed((await store.getRun('default', 'r3')) as RunState, 1_100, (tr) => machine.signal(tr, { signal_name: 's' }))]);
    await expect(store.commit([created('r4'), stale])).rejects.toBeInstanceOf(ConcurrencyConflictError);
    expect(await store.getRun('default', 'r4')).toBeUndefined();
  });

  it('commits concurrent updates of many runs independently: only the stale one is refused, the rest is written with its events', async () => {
    const ids = Array.from({ length: 40 }, (_, i) => `g${i}`);
    for (const id of ids) await store.commit([created(id)]);
    const runs = await Promise.all(ids.map(async (id) => (await store.getRun('default', id)) as RunState));
    // g0 is changed once more before the batch, so the batch's write of g0 is stale.
    await store.commit([changed(runs[0] as RunState, 1_050, (tr) => machine.signal(tr, { signal_name: 'first' }))]);
    // Two writes of g1 from the same version: exactly one of them may win.
    const writes = [...runs, runs[1] as RunState].map((run, i) => changed(run, 1_100, (tr) => machine.signal(tr, { signal_name: `batch-${i}` })));
    const results = await Promise.allSettled(writes.map((write) => store.commit([write])));
    const refused = results.flatMap((r, i) => (r.status === 'rejected' ? [i] : []));
    for (const i of refused) expect((results[i] as PromiseRejectedResult).reason).toBeInstanceOf(ConcurrencyConflictError);
    expect(refused).toContain(0);
    expect(refused.filter((i) => i === 1 || i === ids.length)).toHaveLength(1);
    expect(refused).toHaveLength(2);

    const signalsOf = async (store: Store, id: string) =>
      (await store.readHistory('default', id)).map((e) => e.workflow_execution_signaled_event_attributes?.signal_name ?? e.event_type);
    const check = async (reader: Store) => {
      expect(await signalsOf(reader, 'g0')).toEqual(['EVENT_TYPE_WORKFLOW_EXECUTION_STARTED', 'first']);
      expect((await signalsOf(reader, 'g1')).slice(1)).toEqual([refused.includes(1) ? `batch-${ids.length}` : 'batch-1']);
      for (let i = 2; i < ids.length; i++) {
        expect(await signalsOf(reader, `g${i}`)).toEqual(['EVENT_TYPE_WORKFLOW_EXECUTION_STARTED', `batch-${i}`]);
        expect((await reader.getRun('default', `g${i}`))?.version).toBe(1);
      }
    };
    await check(store);
    if (backend !== 'memory') {
      const second = await PgStore.open({ url: (database as DisposableTestDatabase).url, poolSize: 1 });
      try {
        await check(second);
      } finally {
        await second.close();
      }
    }
  });

  it('reads back every event of a long history from any event on, also after a failed commit and from a second store', async () => {
    await store.commit([created('r6')]);
    // 100 commits of one event each: more than the store keeps of a run in memory.
    for (let i = 0; i < 100; i++) {
      const run = (await store.getRun('default', 'r6')) as RunState;
      await store.commit([changed(run, 1_100 + i, (tr) => machine.signal(tr, { signal_name: `s${i}` }))]);
    }
    const stale = changed((await store.getRun('default', 'r6')) as RunState, 1_000, (tr) => machine.signal(tr, { signal_name: 'late' }));
    await store.commit([changed((await store.getRun('default', 'r6')) as RunState, 1_300, (tr) => machine.signal(tr, { signal_name: 's100' }))]);
    await expect(store.commit([stale])).rejects.toBeInstanceOf(ConcurrencyConflictError);
    const signals = (events: Msg[]) => events.map((e) => e.workflow_execution_signaled_event_attributes?.signal_name ?? e.event_type);
    const all = Array.from({ length: 101 }, (_, i) => `s${i}`);
    const full = await store.readHistory('default', 'r6');
    expect(full.map((e) => e.event_id)).toEqual(Array.from({ length: 102 }, (_, i) => i + 1));
    expect(signals(full)).toEqual(['EVENT_TYPE_WORKFLOW_EXECUTION_STARTED', ...all]);
    for (const from of [2, 30, 60, 95, 102, 103]) expect(signals(await store.readHistory('default', 'r6', from))).toEqual(all.slice(from - 2));

    await store.commit([changed((await store.getRun('default', 'r6')) as RunState, 1_400, (tr) => machine.signal(tr, { signal_name: 's101' }))]);
    expect(signals(await store.readHistory('default', 'r6', 100))).toEqual(['s98', 's99', 's100', 's101']);
    if (backend !== 'memory') {
      const second = await PgStore.open({ url: (database as DisposableTestDatabase).url, poolSize: 1 });
      try {
        expect(signals(await second.readHistory('default', 'r6', 100))).toEqual(['s98', 's99', 's100', 's101']);
        expect(await second.readHistory('default', 'r6')).toEqual(await store.readHistory('default', 'r6'));
      } finally {
        await second.close();
      }
    }
  });

  it('knows the next deadline after the runs it hands out as due, and an earlier one committed since', async () => {
    const startedAt = async (runId: string, now: number) => {
      await store.commit([created(runId)]);
      await store.commit([changed((await store.getRun('default', runId)) as RunState, now, (tr) => machine.startWorkflowTask(tr, 'q', 'worker', 'req'))]);
    };
    // Started tasks time out 10 s after they started.
    await startedAt('r7', 100_000);
    await startedAt('r8', 101_000);
    const due = await store.runsDueBy(110_000);
    expect(due.map((r) => r.runId)).toContain('r7');
    expect(due.map((r) => r.runId)).not.toContain('r8');
    // The engine fires what is due; here the due runs end.
    for (const ref of due) {
      await store.commit([changed((await store.getRun('default', ref.runId)) as RunState, 110_000, (tr) => machine.terminate(tr, 'due', undefined, 'test'))]);
    }
    expect(await store.nextDeadline()).toBe(111_000);
    await startedAt('r9', 50_000);
    expect(await store.nextDeadline()).toBe(60_000);
    expect((await store.runsDueBy(111_000)).map((r) => r.runId).sort()).toEqual(['r8', 'r9']);
    if (backend !== 'memory') {
      // A store that has not seen the due runs (a restarted server) reads their states with them.
      const second = await PgStore.open({ url: (database as DisposableTestDatabase).url, poolSize: 1 });
      try {
        expect((await second.runsDueBy(111_000)).map((r) => r.runId).sort()).toEqual(['r8', 'r9']);
        expect(await second.getRun('default', 'r8')).toEqual(await store.getRun('default', 'r8'));
        // ... and their newest events: the task a firing schedules reads its history without a query.
        const r8 = changed((await second.getRun('default', 'r8')) as RunState, 111_000, (tr) => machine.signal(tr, { signal_name: 'due' }));
        await second.commit([r8]);
        const pool = (second as unknown as { pool: { query(...args: unknown[]): unknown } }).pool;
        const queries = jest.spyOn(pool, 'query');
        const tail = await second.readHistory('default', 'r8', 2);
        expect(queries).not.toHaveBeenCalled();
        queries.mockRestore();
        expect(tail).toEqual(await store.readHistory('default', 'r8', 2));
        expect(tail.map((e) => e.event_id)).toEqual(Array.from({ length: r8.run.nextEventId - 2 }, (_, i) => i + 2));
        // A state the store committed itself stays, with its history, when the run is read as due again.
        const r9 = changed((await second.getRun('default', 'r9')) as RunState, 111_000, (tr) => machine.signal(tr, { signal_name: 'late' }));
        await second.commit([r9]);
        await second.runsDueBy(111_000);
        expect((await second.getRun('default', 'r9'))?.version).toBe(r9.run.version);
        const ids = Array.from({ length: r9.run.nextEventId - 1 }, (_, i) => i + 1);
        expect((await second.readHistory('default', 'r9')).map((e) => e.event_id)).toEqual(ids);
        expect((await second.readHistory('default', 'r9', 2)).map((e) => e.event_id)).toEqual(ids.slice(1));
      } finally {
        await second.close();
      }
    }
  });

  it('finds runs by their earliest deadline and deletes closed runs after retention', async () => {
    const write = created('r5');
    await store.commit([write]);
    const run = (await store.getRun('default', 'r5')) as RunState;
    const started = changed(run, 2_000, (tr) => machine.startWorkflowTask(tr, 'q', 'worker', 'req'));
    await store.commit([started]);
    // The started task times out 10 s later.
    expect(await store.nextDeadline()).toBeLessThanOrEqual(12_000);
    expect((await store.runsDueBy(12_000)).map((r) => r.runId)).toContain('r5');
    expect((await store.runsDueBy(11_999)).map((r) => r.runId)).not.toContain('r5');

    const terminated = changed((await store.getRun('default', 'r5')) as RunState, 3_000, (tr) => machine.terminate(tr, 'done', undefined, 'test'));
    await store.commit([terminated]);
    expect((await store.runsDueBy(20_000)).map((r) => r.runId)).not.toContain('r5');
    expect(await store.deleteClosedRuns('default', 3_000, 100)).toBe(0);
    expect(await store.deleteClosedRuns('default', 3_001, 100)).toBe(1);
    expect(await store.getRun('default', 'r5')).toBeUndefined();
    expect(await store.readHistory('default', 'r5')).toEqual([]);
    expect(await store.getCurrentRunId('default', 'wf-r5')).toBeUndefined();
  });
});
