/**
 * The persistent data model of runs, shared by the engine (which changes it) and the store (which
 * keeps it): plain data only, no behaviour.
 */
import type { Msg } from '../proto/proto';

/** Execution status names as used by visibility and `WORKFLOW_EXECUTION_STATUS_*`. */
export type RunStatus = 'Running' | 'Completed' | 'Failed' | 'Canceled' | 'Terminated' | 'ContinuedAsNew' | 'TimedOut';

/** Temporal retry policy with every default applied, durations in milliseconds. */
export interface RetryPolicy {
  initialIntervalMs: number;
  backoffCoefficient: number;
  /** 0 means unbounded. */
  maximumIntervalMs: number;
  /** 0 means unlimited. */
  maximumAttempts: number;
  nonRetryableErrorTypes: string[];
}

/** Workflow task bookkeeping of a run. */
export interface WorkflowTaskInfo {
  state: 'none' | 'scheduled' | 'started';
  attempt: number;
  /** Queue the task is (or will be) dispatched to: sticky or normal. */
  taskQueue: string;
  sticky: boolean;
  scheduledTime: number;
  startedTime?: number;
  scheduledEventId?: number;
  startedEventId?: number;
  /** Increments on every start: task tokens carrying an older value are stale. */
  token: number;
  requestId?: string;
  /** Update ids delivered with this task. */
  updateIds: string[];
}

/** An activity of a run, from scheduling until it closes. */
export interface ActivityInfo {
  scheduledEventId: number;
  activityId: string;
  activityType: string;
  taskQueue: string;
  input?: Msg;
  header?: Msg;
  scheduleToCloseMs: number;
  scheduleToStartMs: number;
  startToCloseMs: number;
  heartbeatMs: number;
  retryPolicy: RetryPolicy;
  state: 'scheduled' | 'started' | 'backoff';
  attempt: number;
  /** Time of the ActivityTaskScheduled event. */
  firstScheduledTime: number;
  /** Time the current attempt was (or will be) handed to the task queue. */
  attemptScheduledTime: number;
  startedTime?: number;
  lastHeartbeatTime?: number;
  heartbeatDetails?: Msg;
  lastFailure?: Msg;
  lastWorkerIdentity?: string;
  startedRequestId?: string;
  cancelRequested: boolean;
  cancelRequestedEventId?: number;
  token: number;
}

/** A user timer. */
export interface TimerInfo {
  timerId: string;
  startedEventId: number;
  deadline: number;
}

/** A child workflow started by a run. */
export interface ChildInfo {
  initiatedEventId: number;
  startedEventId?: number;
  namespace: string;
  workflowId: string;
  runId?: string;
  workflowType: string;
  parentClosePolicy: string;
}

/** A workflow update known to a run. */
export interface UpdateInfo {
  updateId: string;
  request: Msg;
  state: 'admitted' | 'accepted' | 'completed' | 'rejected';
  acceptedEventId?: number;
  outcome?: Msg;
}

/** A pending signal-external or cancel-external command. */
export interface ExternalRequestInfo {
  initiatedEventId: number;
  namespace: string;
  workflowId: string;
  runId?: string;
  control?: string;
}

/** Parent of a child run. */
export interface ParentInfo {
  namespace: string;
  workflowId: string;
  runId: string;
  initiatedEventId: number;
}

/**
 * Complete persistent state of one workflow run except its history. Plain data only, so a
 * store can serialize it as one row.
 */
export interface RunState {
  version: number;
  namespace: string;
  workflowId: string;
  runId: string;
  firstExecutionRunId: string;
  workflowType: string;
  taskQueue: string;
  status: RunStatus;
  startTime: number;
  executionTime: number;
  closeTime?: number;
  input?: Msg;
  header?: Msg;
  memo?: Msg;
  searchAttributes: Record<string, Msg>;
  executionTimeoutMs: number;
  runTimeoutMs: number;
  taskTimeoutMs: number;
  /** Absolute deadline across the continue-as-new/retry chain; 0 = none. */
  executionExpirationTime: number;
  runExpirationTime: number;
  retryPolicy?: RetryPolicy;
  attempt: number;
  parent?: ParentInfo;
  /** First workflow task waits until this time (start delay or retry backoff). */
  firstTaskBackoffUntil?: number;
  nextEventId: number;
  lastCompletedTaskStartedEventId: number;
  wft: WorkflowTaskInfo;
  stickyQueue?: string;
  stickyTimeoutMs: number;
  /** Events waiting for the in-flight workflow task to finish (no event ids yet). */
  bufferedEvents: Msg[];
  activities: Record<string, ActivityInfo>;
  timers: Record<string, TimerInfo>;
  children: Record<string, ChildInfo>;
  signalsExternal: Record<string, ExternalRequestInfo>;
  cancelsExternal: Record<string, ExternalRequestInfo>;
  updates: Record<string, UpdateInfo>;
  cancelRequested: boolean;
  /** Request ids already applied (start/signal/cancel idempotency). */
  requestIds: string[];
  closeEventId?: number;
  newExecutionRunId?: string;
  /** Result of a completed run, for describe and parent notification. */
  completionPayloads?: Msg;
  failure?: Msg;
  idReusePolicy?: string;
  /** Outbox of work on other runs, see {@link Transfer}. */
  transfers: Transfer[];
  nextTransferId: number;
}

/**
 * Work on other runs that must follow a committed change (Temporal's transfer tasks). Stored in
 * the run's state by the same commit (an outbox) and removed once done, so a persistent store
 * can resume them after a crash; every kind is idempotent.
 */
export type Transfer =
  | { kind: 'startChild'; id: number; parentNamespace: string; parentRunId: string; initiatedEventId: number; attributes: Msg }
  | { kind: 'notifyParent'; id: number; parent: ParentInfo; childWorkflowId: string; childRunId: string; closeEvent: Msg; workflowType: string }
  | { kind: 'signalExternal'; id: number; namespace: string; runId: string; initiatedEventId: number; attributes: Msg }
  | { kind: 'cancelExternal'; id: number; namespace: string; runId: string; initiatedEventId: number; attributes: Msg }
  | { kind: 'parentClosed'; id: number; children: ChildInfo[]; reason: string };

/** Distributes `Omit` over a union. */
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

/** A transfer before it has been numbered by its run. */
export type NewTransfer = WithoutId<Transfer>;
