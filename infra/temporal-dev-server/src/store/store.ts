import type { Msg } from '../proto/proto';
import type { RunState } from '../model/run-state';
import type { SearchAttributeType } from '../visibility';

/** One run's part of an atomic commit. */
export interface RunWrite {
  run: RunState;
  /** Version the writer read; `null` when the run is being created. */
  expectedVersion: number | null;
  /** History events to append, with dense ids continuing the stored history. */
  newEvents: Msg[];
  /** Make this run the current run of its workflow id. */
  makeCurrent?: boolean;
  /** Earliest timer/timeout of the run after this write (undefined: none). */
  nextDeadline?: number;
}

/** A registered namespace. */
export interface NamespaceRecord {
  name: string;
  id: string;
  retentionDays: number;
  searchAttributes: Record<string, SearchAttributeType>;
}

/** Reference to a run. */
export interface RunRef {
  namespace: string;
  runId: string;
}

/** A visibility query: a list filter over one namespace's runs. */
export interface VisibilityQuery {
  /** The namespace, with the custom search attributes the filter is checked against. */
  namespace: NamespaceRecord;
  /** The list filter (`WorkflowType = 'x' ORDER BY StartTime`); empty for all runs. */
  query: string;
  /** The instant `NOW()` stands for (epoch ms). */
  now: number;
}

/** One page of a visibility query's matches, in the query's order. */
export interface VisibilityPage {
  runs: RunState[];
  /** Opaque token of the next page; absent on the last page. */
  nextPageToken?: Buffer;
}

/** Thrown by {@link Store.commit} when a run changed since it was read. */
export class ConcurrencyConflictError extends Error {
  constructor(runId: string) {
    super(`run ${runId} was modified concurrently`);
    this.name = 'ConcurrencyConflictError';
  }
}

/**
 * Persistence of runs, histories and namespaces. Every mutating RPC ends in exactly one
 * {@link Store.commit}, which must be atomic across all writes it carries.
 */
export interface Store {
  /** A snapshot of a namespace; callers must not modify it. */
  getNamespace(name: string): Promise<NamespaceRecord | undefined>;
  putNamespace(record: NamespaceRecord): Promise<void>;
  listNamespaces(): Promise<NamespaceRecord[]>;
  /** A snapshot of a run's state; callers must not modify it (copy before changing). */
  getRun(namespace: string, runId: string): Promise<RunState | undefined>;
  getCurrentRunId(namespace: string, workflowId: string): Promise<string | undefined>;
  /** History events with `event_id >= fromEventId`. */
  readHistory(namespace: string, runId: string, fromEventId?: number): Promise<Msg[]>;
  commit(writes: RunWrite[]): Promise<void>;
  /**
   * A page of at most `pageSize` runs matching a visibility query, starting after the page that
   * returned `pageToken`.
   * @throws VisibilityQueryError for an invalid filter or a token of another query.
   */
  listVisibility(query: VisibilityQuery, pageSize: number, pageToken?: Uint8Array): Promise<VisibilityPage>;
  /** How many runs match a visibility query. */
  countVisibility(query: VisibilityQuery): Promise<number>;
  /** Open runs of all namespaces (time skipping checks for outstanding tasks). */
  listOpenRuns(): Promise<RunState[]>;
  /** Runs with a workflow or activity task waiting in a task queue (rebuilding task queues at start). */
  listRunsWithQueuedTasks(): Promise<RunState[]>;
  /** Open runs whose workflow tasks go to `stickyQueue` (ShutdownWorker). */
  listRunsOnStickyQueue(namespace: string, stickyQueue: string): Promise<RunState[]>;
  /** Runs with a non-empty outbox of transfers (resumed at start). */
  listRunsWithTransfers(): Promise<RunState[]>;
  /** Runs whose earliest deadline is at or before `time`. */
  runsDueBy(time: number): Promise<RunRef[]>;
  /** Earliest deadline over all runs. */
  nextDeadline(): Promise<number | undefined>;
  /**
   * Deletes up to `limit` runs of `namespace` closed before `closedBefore`, with their history
   * and current-run pointer (retention). Returns how many were deleted.
   */
  deleteClosedRuns(namespace: string, closedBefore: number, limit: number): Promise<number>;
  /** Releases connections. */
  close(): Promise<void>;
}
