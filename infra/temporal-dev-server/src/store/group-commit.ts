/** A write waiting for its group's statement. */
interface Pending<T> {
  key: string;
  item: T;
  resolve(applied: boolean): void;
  reject(error: unknown): void;
}

/**
 * Group commit: concurrent writes share one statement. A write goes out at once while fewer than
 * `maxInFlight` statements run; otherwise it waits and goes with the others that waited, in the
 * next statement that frees up. So an idle store adds no delay, and a busy one sends fewer,
 * larger statements. A group holds at most one write per key (a later write of the same row
 * waits for the next group) and at most `maxGroup` writes.
 *
 * `write` answers, per item, whether it was applied (false: its row had changed); if it throws,
 * every write of the group fails with its error.
 */
export class GroupCommit<T> {
  private queue: Pending<T>[] = [];
  private inFlight = 0;

  constructor(
    private readonly write: (items: T[]) => Promise<boolean[]>,
    private readonly maxInFlight: number,
    private readonly maxGroup: number,
  ) {}

  /** Resolves once the write's statement has committed: true if it was applied. */
  submit(key: string, item: T): Promise<boolean> {
    return new Promise<boolean>((resolve, reject) => {
      this.queue.push({ key, item, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.maxInFlight && this.queue.length > 0) {
      const group: Pending<T>[] = [];
      const keys = new Set<string>();
      const later: Pending<T>[] = [];
      for (const pending of this.queue) {
        if (group.length < this.maxGroup && !keys.has(pending.key)) {
          keys.add(pending.key);
          group.push(pending);
        } else {
          later.push(pending);
        }
      }
      this.queue = later;
      this.inFlight += 1;
      this.write(group.map((pending) => pending.item))
        .then(
          (applied) => group.forEach((pending, i) => pending.resolve(applied[i] === true)),
          (error: unknown) => group.forEach((pending) => pending.reject(error)),
        )
        .finally(() => {
          this.inFlight -= 1;
          this.pump();
        });
    }
  }
}
