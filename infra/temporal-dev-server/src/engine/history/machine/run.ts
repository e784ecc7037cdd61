/**
 * The life of a run in the state machine: creation, workflow task scheduling, external events
 * (signal, cancel request), continue-as-new/retry into a next run, and closing.
 */
import { duration, timestamp, type Msg } from '../../../proto/proto';
import type { ParentInfo, RunState, RunStatus } from '../../../model/run-state';
import { retryPolicyProto, workflowRetryPolicy } from '../retry';
import { Transition } from '../transition';

const DEFAULT_TASK_TIMEOUT_MS = 10_000;
const MAX_TASK_TIMEOUT_MS = 120_000;

/** Everything needed to create a run. */
export interface NewRunParams {
  namespace: string;
  workflowId: string;
  runId: string;
  firstExecutionRunId?: string;
  workflowType: string;
  taskQueue: string;
  input?: Msg;
  header?: Msg;
  memo?: Msg;
  searchAttributes?: Record<string, Msg>;
  executionTimeoutMs: number;
  runTimeoutMs: number;
  taskTimeoutMs: number;
  executionExpirationTime?: number;
  retryPolicy?: Msg;
  attempt?: number;
  parent?: ParentInfo;
  identity?: string;
  requestId?: string;
  startDelayMs?: number;
  continuedExecutionRunId?: string;
  initiator?: string;
  lastFailure?: Msg;
  lastCompletionResult?: Msg;
  idReusePolicy?: string;
  signal?: { name: string; input?: Msg; header?: Msg; identity?: string };
}

/** Creates a run with its WorkflowExecutionStarted event and first workflow task. */
export function createRun(params: NewRunParams, now: number, newId: () => string): Transition {
  const runTimeoutMs = params.runTimeoutMs || params.executionTimeoutMs;
  const taskTimeoutMs = Math.min(params.taskTimeoutMs || DEFAULT_TASK_TIMEOUT_MS, MAX_TASK_TIMEOUT_MS);
  const executionExpirationTime =
    params.executionExpirationTime ?? (params.executionTimeoutMs > 0 ? now + params.executionTimeoutMs + (params.startDelayMs ?? 0) : 0);
  const backoffMs = params.startDelayMs ?? 0;
  const run: RunState = {
    version: 0,
    namespace: params.namespace,
    workflowId: params.workflowId,
    runId: params.runId,
    firstExecutionRunId: params.firstExecutionRunId ?? params.runId,
    workflowType: params.workflowType,
    taskQueue: params.taskQueue,
    status: 'Running',
    startTime: now,
    executionTime: now + backoffMs,
    input: params.input,
    header: params.header,
    memo: params.memo,
    searchAttributes: { ...(params.searchAttributes ?? {}) },
    executionTimeoutMs: params.executionTimeoutMs,
    runTimeoutMs,
    taskTimeoutMs,
    executionExpirationTime,
    runExpirationTime: runTimeoutMs > 0 ? now + backoffMs + runTimeoutMs : 0,
    retryPolicy: workflowRetryPolicy(params.retryPolicy),
    attempt: params.attempt ?? 1,
    parent: params.parent,
    firstTaskBackoffUntil: backoffMs > 0 ? now + backoffMs : undefined,
    nextEventId: 1,
    lastCompletedTaskStartedEventId: 0,
    wft: { state: 'none', attempt: 1, taskQueue: params.taskQueue, sticky: false, scheduledTime: now, token: 0, updateIds: [] },
    stickyTimeoutMs: 0,
    bufferedEvents: [],
    activities: {},
    timers: {},
    children: {},
    signalsExternal: {},
    cancelsExternal: {},
    updates: {},
    cancelRequested: false,
    requestIds: params.requestId ? [params.requestId] : [],
    idReusePolicy: params.idReusePolicy,
    transfers: [],
    nextTransferId: 1,
  };
  const tr = new Transition(run, now, newId, true);
  tr.write('EVENT_TYPE_WORKFLOW_EXECUTION_STARTED', {
    workflow_type: { name: params.workflowType },
    parent_workflow_namespace: params.parent?.namespace,
    parent_workflow_execution: params.parent ? { workflow_id: params.parent.workflowId, run_id: params.parent.runId } : undefined,
    parent_initiated_event_id: params.parent?.initiatedEventId,
    task_queue: { name: params.taskQueue, kind: 'TASK_QUEUE_KIND_NORMAL' },
    input: params.input,
    workflow_execution_timeout: params.executionTimeoutMs ? duration(params.executionTimeoutMs) : undefined,
    workflow_run_timeout: runTimeoutMs ? duration(runTimeoutMs) : undefined,
    workflow_task_timeout: duration(taskTimeoutMs),
    continued_execution_run_id: params.continuedExecutionRunId,
    initiator: params.initiator,
    continued_failure: params.lastFailure,
    last_completion_result: params.lastCompletionResult,
    original_execution_run_id: params.runId,
    identity: params.identity,
    first_execution_run_id: run.firstExecutionRunId,
    retry_policy: run.retryPolicy ? retryPolicyProto(run.retryPolicy) : undefined,
    attempt: run.attempt,
    workflow_execution_expiration_time: executionExpirationTime ? timestamp(executionExpirationTime) : undefined,
    first_workflow_task_backoff: backoffMs ? duration(backoffMs) : undefined,
    memo: params.memo,
    search_attributes: params.searchAttributes ? { indexed_fields: params.searchAttributes } : undefined,
    header: params.header,
    workflow_id: params.workflowId,
  });
  if (params.signal) {
    tr.write('EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED', {
      signal_name: params.signal.name,
      input: params.signal.input,
      identity: params.signal.identity,
      header: params.signal.header,
    });
  }
  scheduleWorkflowTask(tr);
  return tr;
}

/** Schedules a workflow task unless one is already pending or the run waits for its first backoff. */
export function scheduleWorkflowTask(tr: Transition): void {
  const run = tr.run;
  if (run.status !== 'Running' || run.wft.state !== 'none' || run.firstTaskBackoffUntil !== undefined) return;
  const sticky = run.stickyQueue !== undefined;
  run.wft = {
    ...run.wft,
    state: 'scheduled',
    taskQueue: run.stickyQueue ?? run.taskQueue,
    sticky,
    scheduledTime: tr.now,
    startedTime: undefined,
    scheduledEventId: undefined,
    startedEventId: undefined,
    updateIds: [],
  };
  tr.effect({ kind: 'workflowTask', namespace: run.namespace, runId: run.runId, taskQueue: run.wft.taskQueue });
}

/** Adds an external event and makes sure a workflow task will follow it. */
export function addExternalEvent(tr: Transition, eventType: string, attributes: Msg): number {
  const id = tr.add(eventType, attributes);
  scheduleWorkflowTask(tr);
  tr.effect({ kind: 'runChanged', namespace: tr.run.namespace, runId: tr.run.runId });
  return id;
}

/** True for a search attribute or memo payload that unsets the value. */
export function isEmptyPayload(payload: Msg | undefined): boolean {
  if (!payload) return true;
  const data = payload.data ? Buffer.from(payload.data).toString('utf8') : '';
  return data === '' || data === 'null' || data === '[]';
}

/** How a run continues in the next run of its chain (continue-as-new, retry). */
export interface NextRunOptions {
  initiator: string;
  backoffMs: number;
  attempt: number;
  lastFailure?: Msg;
  workflowType?: string;
  taskQueue?: string;
  input?: Msg;
  header?: Msg;
  memo?: Msg;
  searchAttributes?: Record<string, Msg>;
  runTimeoutMs?: number;
  taskTimeoutMs?: number;
  retryPolicy?: Msg;
}

/** Creates the next run of the chain in the same commit (continue-as-new, retry). */
export function startNextRun(tr: Transition, newRunId: string, options: NextRunOptions): void {
  const run = tr.run;
  const next = createRun(
    {
      namespace: run.namespace,
      workflowId: run.workflowId,
      runId: newRunId,
      firstExecutionRunId: run.firstExecutionRunId,
      workflowType: options.workflowType || run.workflowType,
      taskQueue: options.taskQueue || run.taskQueue,
      input: options.input ?? run.input,
      header: options.header ?? run.header,
      memo: options.memo ?? run.memo,
      searchAttributes: options.searchAttributes ?? run.searchAttributes,
      executionTimeoutMs: run.executionTimeoutMs,
      runTimeoutMs: options.runTimeoutMs ?? run.runTimeoutMs,
      taskTimeoutMs: options.taskTimeoutMs ?? run.taskTimeoutMs,
      executionExpirationTime: run.executionExpirationTime,
      retryPolicy: options.retryPolicy ?? (run.retryPolicy ? retryPolicyProto(run.retryPolicy) : undefined),
      attempt: options.attempt,
      parent: run.parent,
      startDelayMs: options.backoffMs,
      continuedExecutionRunId: run.runId,
      initiator: options.initiator,
      lastFailure: options.lastFailure,
      idReusePolicy: run.idReusePolicy,
    },
    tr.now,
    tr.newId,
  );
  tr.extraRuns.push({ run: next.run, events: next.events });
  for (const effect of next.effects) tr.effect(effect);
}

/**
 * Closes a run: drops pending work, tells the parent (unless the chain continues in a new run)
 * and applies parent-close policies to children.
 */
export function closeRun(tr: Transition, status: RunStatus, closeEventId: number, continues = false): void {
  const run = tr.run;
  run.status = status;
  run.closeTime = tr.now;
  run.closeEventId = closeEventId;
  if (run.wft.state === 'started') run.bufferedEvents = [];
  run.wft = { ...run.wft, state: 'none', updateIds: [] };
  run.activities = {};
  run.timers = {};
  run.stickyQueue = undefined;
  run.firstTaskBackoffUntil = undefined;
  const children = Object.values(run.children).filter((c) => c.parentClosePolicy !== 'PARENT_CLOSE_POLICY_ABANDON');
  if (children.length > 0) tr.transfer({ kind: 'parentClosed', children, reason: `parent ${status}` });
  run.children = {};
  if (run.parent && !continues) {
    const closeEvent = tr.events.find((e) => e.event_id === closeEventId);
    if (closeEvent) {
      tr.transfer({
        kind: 'notifyParent',
        parent: run.parent,
        childWorkflowId: run.workflowId,
        childRunId: run.runId,
        closeEvent,
        workflowType: run.workflowType,
      });
    }
  }
  tr.effect({ kind: 'queriesFailed', runId: run.runId, message: 'workflow closed' });
  tr.effect({ kind: 'runChanged', namespace: run.namespace, runId: run.runId });
}

/** Closes a run from outside (terminate, timeout): an in-flight task is failed first. */
export function forceClose(tr: Transition, eventType: string, attributes: Msg, status: RunStatus): void {
  const run = tr.run;
  if (run.wft.state === 'started') {
    tr.write('EVENT_TYPE_WORKFLOW_TASK_FAILED', {
      scheduled_event_id: run.wft.scheduledEventId,
      started_event_id: run.wft.startedEventId,
      cause: 'WORKFLOW_TASK_FAILED_CAUSE_FORCE_CLOSE_COMMAND',
    });
    run.wft = { ...run.wft, state: 'none' };
    tr.flushBuffer();
  }
  const closeEventId = tr.write(eventType, attributes);
  closeRun(tr, status, closeEventId);
}

/** TerminateWorkflowExecution. */
export function terminate(tr: Transition, reason: string, details: Msg | undefined, identity: string | undefined): void {
  forceClose(tr, 'EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED', { reason, details, identity }, 'Terminated');
}

/** SignalWorkflowExecution (and signals from other workflows). */
export function signal(tr: Transition, request: Msg, external?: Msg): void {
  if (request.request_id) {
    if (tr.run.requestIds.includes(request.request_id)) return;
    tr.run.requestIds.push(request.request_id);
  }
  addExternalEvent(tr, 'EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED', {
    signal_name: request.signal_name,
    input: request.input,
    identity: request.identity,
    header: request.header,
    external_workflow_execution: external,
  });
}

/** RequestCancelWorkflowExecution (and cancels from other workflows). */
export function requestCancel(tr: Transition, request: Msg, external?: { initiatedEventId: number; execution: Msg }): void {
  if (tr.run.cancelRequested) return;
  tr.run.cancelRequested = true;
  addExternalEvent(tr, 'EVENT_TYPE_WORKFLOW_EXECUTION_CANCEL_REQUESTED', {
    cause: request.reason,
    identity: request.identity,
    external_initiated_event_id: external?.initiatedEventId,
    external_workflow_execution: external?.execution,
  });
}
