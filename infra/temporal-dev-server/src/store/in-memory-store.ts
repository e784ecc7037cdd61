import type { Msg } from '../proto/proto';
import type { RunState } from '../model/run-state';
import { compileListQuery, type VisibilityRecord } from '../visibility';
import { ConcurrencyConflictError, type NamespaceRecord, type RunRef, type RunWrite, type Store, type VisibilityPage, type VisibilityQuery } from './store';
import { visibilityRecordOf } from './visibility-record';

interface StoredRun {
  state: RunState;
  history: Msg[];
}

/**
 * {@link Store} kept in process memory; commits are atomic because they run synchronously.
 * Committed run states are never modified afterwards (writers commit new objects), so reads
 * return them without copying.
 */
export class InMemoryStore implements Store {
  private readonly namespaces = new Map<string, NamespaceRecord>();
  private readonly runs = new Map<string, StoredRun>();
  private readonly current = new Map<string, string>();
  private readonly deadlines = new Map<string, number>();

  private static key(namespace: string, id: string): string {
    return `${namespace}\u0000${id}`;
  }

  async getNamespace(name: string): Promise<NamespaceRecord | undefined> {
    return this.namespaces.get(name);
  }

  async putNamespace(record: NamespaceRecord): Promise<void> {
    this.namespaces.set(record.name, structuredClone(record));
  }

  async listNamespaces(): Promise<NamespaceRecord[]> {
    return [...this.namespaces.values()].map((r) => structuredClone(r));
  }

  async getRun(namespace: string, runId: string): Promise<RunState | undefined> {
    return this.runs.get(InMemoryStore.key(namespace, runId))?.state;
  }

  async getCurrentRunId(namespace: string, workflowId: string): Promise<string | undefined> {
    return this.current.get(InMemoryStore.key(namespace, workflowId));
  }

  async readHistory(namespace: string, runId: string, fromEventId = 1): Promise<Msg[]> {
    const stored = this.runs.get(InMemoryStore.key(namespace, runId));
    if (!stored) return [];
    return stored.history.slice(Math.max(0, fromEventId - 1));
  }

  async commit(writes: RunWrite[]): Promise<void> {
    for (const write of writes) {
      const stored = this.runs.get(InMemoryStore.key(write.run.namespace, write.run.runId));
      if (write.expectedVersion === null ? stored !== undefined : stored?.state.version !== write.expectedVersion) {
        throw new ConcurrencyConflictError(write.run.runId);
      }
      const firstNew = write.newEvents[0]?.event_id;
      if (firstNew !== undefined && firstNew !== (stored?.history.length ?? 0) + 1) {
        throw new Error(`history of ${write.run.runId} would not be dense`);
      }
    }
    for (const write of writes) {
      const key = InMemoryStore.key(write.run.namespace, write.run.runId);
      const stored = this.runs.get(key);
      const history = stored ? stored.history : [];
      history.push(...write.newEvents);
      this.runs.set(key, { state: write.run, history });
      if (write.makeCurrent) this.current.set(InMemoryStore.key(write.run.namespace, write.run.workflowId), write.run.runId);
      if (write.nextDeadline === undefined) this.deadlines.delete(key);
      else this.deadlines.set(key, write.nextDeadline);
    }
  }

  /** Pages are offsets into the sorted matches, recomputed for every page. */
  async listVisibility(query: VisibilityQuery, pageSize: number, pageToken?: Uint8Array): Promise<VisibilityPage> {
    const matching = this.visibilityMatches(query);
    const offset = pageToken?.length ? Number(Buffer.from(pageToken).toString('utf8')) || 0 : 0;
    const runs = matching.slice(offset, offset + pageSize);
    const next = offset + runs.length;
    return { runs, nextPageToken: next < matching.length ? Buffer.from(String(next)) : undefined };
  }

  async countVisibility(query: VisibilityQuery): Promise<number> {
    return this.visibilityMatches(query).length;
  }

  private visibilityMatches({ namespace, query, now }: VisibilityQuery): RunState[] {
    const compiled = compileListQuery(query, namespace.searchAttributes, { now: new Date(now) });
    const entries: { run: RunState; record: VisibilityRecord }[] = [];
    for (const { state } of this.runs.values()) {
      if (state.namespace !== namespace.name) continue;
      const record = visibilityRecordOf(state, namespace.searchAttributes);
      if (compiled.matches(record)) entries.push({ run: state, record });
    }
    entries.sort((a, b) => compiled.compare(a.record, b.record));
    return entries.map((e) => e.run);
  }

  async listOpenRuns(): Promise<RunState[]> {
    return [...this.runs.values()].filter((r) => r.state.status === 'Running').map((r) => r.state);
  }

  async listRunsWithQueuedTasks(): Promise<RunState[]> {
    return [...this.runs.values()]
      .map((r) => r.state)
      .filter((run) => run.wft.state === 'scheduled' || Object.values(run.activities).some((a) => a.state === 'scheduled'));
  }

  async listRunsOnStickyQueue(namespace: string, stickyQueue: string): Promise<RunState[]> {
    return [...this.runs.values()]
      .map((r) => r.state)
      .filter((run) => run.namespace === namespace && run.status === 'Running' && run.stickyQueue === stickyQueue);
  }

  async listRunsWithTransfers(): Promise<RunState[]> {
    return [...this.runs.values()].filter((r) => r.state.transfers.length > 0).map((r) => r.state);
  }

  async runsDueBy(time: number): Promise<RunRef[]> {
    const due: RunRef[] = [];
    for (const [key, deadline] of this.deadlines) {
      if (deadline <= time) {
        const stored = this.runs.get(key);
        if (stored) due.push({ namespace: stored.state.namespace, runId: stored.state.runId });
      }
    }
    return due;
  }

  async nextDeadline(): Promise<number | undefined> {
    let min: number | undefined;
    for (const deadline of this.deadlines.values()) if (min === undefined || deadline < min) min = deadline;
    return min;
  }

  async deleteClosedRuns(namespace: string, closedBefore: number, limit: number): Promise<number> {
    let deleted = 0;
    for (const [key, stored] of this.runs) {
      if (deleted >= limit) break;
      const run = stored.state;
      if (run.namespace !== namespace || run.closeTime === undefined || run.closeTime >= closedBefore) continue;
      this.runs.delete(key);
      this.deadlines.delete(key);
      const currentKey = InMemoryStore.key(run.namespace, run.workflowId);
      if (this.current.get(currentKey) === run.runId) this.current.delete(currentKey);
      deleted += 1;
    }
    return deleted;
  }

  async close(): Promise<void> {
    return;
  }
}
