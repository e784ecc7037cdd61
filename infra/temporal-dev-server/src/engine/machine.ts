import { duration, fromDuration, packAny, timestamp, unpackAny, type Msg } from '../proto/proto';
import { activityRetryPolicy, decideRetry, retryPolicyProto, workflowRetryPolicy } from './retry';
import { attributesField, PENDING_STARTED_ID, runDeadlines, Transition } from './transition';
import type { ActivityInfo, ChildInfo, ParentInfo, RunState, RunStatus } from '../model/run-state';

/** A request the engine rejects; mapped to a gRPC status by the server layer. */
export class RpcError extends Error {
  constructor(
    readonly code: 'NOT_FOUND' | 'INVALID_ARGUMENT' | 'ALREADY_EXISTS' | 'FAILED_PRECONDITION' | 'UNIMPLEMENTED',
    message: string,
    readonly details?: { typeName: string; body: Msg },
  ) {
    super(message);
    this.name = 'RpcError';
  }
}

const DEFAULT_TASK_TIMEOUT_MS = 10_000;
/** Temporal suggests continue-as-new once a history passes this many events. */
const SUGGEST_CONTINUE_AS_NEW_EVENTS = 4096;
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

/** Result of a poll taking a workflow task. */
export interface StartedWorkflowTask {
  token: number;
  attempt: number;
  scheduledEventId: number;
  startedEventId: number;
  previousStartedEventId: number;
  scheduledTime: number;
  startedTime: number;
  sticky: boolean;
  /** Update requests delivered with this task. */
  messages: Msg[];
}

/** A poll takes the scheduled workflow task: Scheduled and Started are written now. */
export function startWorkflowTask(tr: Transition, pollQueue: string, identity: string, requestId: string): StartedWorkflowTask | undefined {
  const run = tr.run;
  if (run.status !== 'Running' || run.wft.state !== 'scheduled' || run.wft.taskQueue !== pollQueue) return undefined;
  const scheduledEventId = tr.write('EVENT_TYPE_WORKFLOW_TASK_SCHEDULED', {
    task_queue: run.wft.sticky
      ? { name: run.wft.taskQueue, kind: 'TASK_QUEUE_KIND_STICKY', normal_name: run.taskQueue }
      : { name: run.taskQueue, kind: 'TASK_QUEUE_KIND_NORMAL' },
    start_to_close_timeout: duration(run.taskTimeoutMs),
    attempt: run.wft.attempt,
  });
  const startedEventId = tr.write('EVENT_TYPE_WORKFLOW_TASK_STARTED', {
    scheduled_event_id: scheduledEventId,
    identity,
    request_id: requestId,
    history_size_bytes: 0,
    suggest_continue_as_new: run.nextEventId > SUGGEST_CONTINUE_AS_NEW_EVENTS,
  });
  const messages: Msg[] = [];
  const updateIds: string[] = [];
  for (const update of Object.values(run.updates)) {
    if (update.state !== 'admitted') continue;
    updateIds.push(update.updateId);
    messages.push({
      id: `${update.updateId}/request`,
      protocol_instance_id: update.updateId,
      event_id: scheduledEventId,
      body: packAny('temporal.api.update.v1.Request', update.request),
    });
  }
  run.wft = {
    ...run.wft,
    state: 'started',
    scheduledEventId,
    startedEventId,
    startedTime: tr.now,
    token: run.wft.token + 1,
    requestId,
    updateIds,
  };
  return {
    token: run.wft.token,
    attempt: run.wft.attempt,
    scheduledEventId,
    startedEventId,
    previousStartedEventId: run.lastCompletedTaskStartedEventId,
    scheduledTime: run.wft.scheduledTime,
    startedTime: tr.now,
    sticky: run.wft.sticky,
    messages,
  };
}

/** Moves a sticky workflow task (not yet started) back to the normal queue. */
export function unstickWorkflowTask(tr: Transition): void {
  const run = tr.run;
  run.stickyQueue = undefined;
  if (run.wft.state === 'scheduled' && run.wft.sticky) {
    run.wft = { ...run.wft, taskQueue: run.taskQueue, sticky: false, scheduledTime: tr.now };
    tr.effect({ kind: 'workflowTask', namespace: run.namespace, runId: run.runId, taskQueue: run.taskQueue });
  }
}

function checkTaskToken(run: RunState, token: number): void {
  if (run.status !== 'Running' || run.wft.state !== 'started' || run.wft.token !== token) {
    throw new RpcError('NOT_FOUND', 'Workflow task not found.');
  }
}

/** Ends the in-flight workflow task as failed and schedules the next attempt. */
function failStartedTask(tr: Transition, eventType: 'EVENT_TYPE_WORKFLOW_TASK_FAILED' | 'EVENT_TYPE_WORKFLOW_TASK_TIMED_OUT', attributes: Msg, nextAttempt: number): void {
  const run = tr.run;
  tr.write(eventType, { scheduled_event_id: run.wft.scheduledEventId, started_event_id: run.wft.startedEventId, ...attributes });
  run.wft = { ...run.wft, state: 'none', attempt: nextAttempt, updateIds: [] };
  run.stickyQueue = undefined;
  tr.flushBuffer();
  scheduleWorkflowTask(tr);
  tr.effect({ kind: 'runChanged', namespace: run.namespace, runId: run.runId });
}

/** RespondWorkflowTaskFailed. */
export function failWorkflowTask(tr: Transition, token: number, request: Msg): void {
  checkTaskToken(tr.run, token);
  failStartedTask(
    tr,
    'EVENT_TYPE_WORKFLOW_TASK_FAILED',
    { cause: request.cause ?? 'WORKFLOW_TASK_FAILED_CAUSE_UNSPECIFIED', failure: request.failure, identity: request.identity },
    tr.run.wft.attempt + 1,
  );
}

/** Outcome of RespondWorkflowTaskCompleted beyond the committed state. */
export interface CompletionOutcome {
  /** The completion was refused because new events arrived (`UnhandledCommand`). */
  unhandledCommand: boolean;
  queryResults: Record<string, Msg>;
}

const CLOSE_COMMANDS = new Set([
  'COMMAND_TYPE_COMPLETE_WORKFLOW_EXECUTION',
  'COMMAND_TYPE_FAIL_WORKFLOW_EXECUTION',
  'COMMAND_TYPE_CANCEL_WORKFLOW_EXECUTION',
  'COMMAND_TYPE_CONTINUE_AS_NEW_WORKFLOW_EXECUTION',
]);

/** Context the engine supplies for validating commands. */
export interface CompletionContext {
  /** Converts a workflow id reuse check for child workflows etc. Not needed now. */
  normalizeSearchAttributes(fields: Record<string, Msg> | undefined): Record<string, Msg> | undefined;
}

/** RespondWorkflowTaskCompleted: applies commands and protocol messages in order. */
export function completeWorkflowTask(tr: Transition, token: number, request: Msg, ctx: CompletionContext): CompletionOutcome {
  const run = tr.run;
  checkTaskToken(run, token);
  const commands: Msg[] = request.commands ?? [];
  const queryResults: Record<string, Msg> = request.query_results ?? {};
  const closes = commands.some((c) => CLOSE_COMMANDS.has(c.command_type));
  const undeliveredUpdates = Object.values(run.updates).some((u) => u.state === 'admitted' && !run.wft.updateIds.includes(u.updateId));
  if (closes && (run.bufferedEvents.length > 0 || undeliveredUpdates)) {
    failStartedTask(
      tr,
      'EVENT_TYPE_WORKFLOW_TASK_FAILED',
      { cause: 'WORKFLOW_TASK_FAILED_CAUSE_UNHANDLED_COMMAND', identity: request.identity, failure: { message: 'UnhandledCommand' } },
      1,
    );
    return { unhandledCommand: true, queryResults };
  }
  const completedEventId = tr.write('EVENT_TYPE_WORKFLOW_TASK_COMPLETED', {
    scheduled_event_id: run.wft.scheduledEventId,
    started_event_id: run.wft.startedEventId,
    identity: request.identity,
    sdk_metadata: request.sdk_metadata,
    metering_metadata: request.metering_metadata,
  });
  run.lastCompletedTaskStartedEventId = run.wft.startedEventId ?? 0;
  const deliveredUpdates = run.wft.updateIds;
  run.wft = { ...run.wft, state: 'none', attempt: 1, updateIds: [] };
  const sticky = request.sticky_attributes?.worker_task_queue?.name;
  if (sticky) {
    run.stickyQueue = sticky;
    run.stickyTimeoutMs = fromDuration(request.sticky_attributes.schedule_to_start_timeout) || 5000;
  } else {
    run.stickyQueue = undefined;
  }
  const messages = new Map<string, Msg>((request.messages ?? []).map((m: Msg) => [m.id, m]));
  let needsTask = false;
  for (const command of commands) {
    if (run.status !== 'Running') break;
    if (command.command_type === 'COMMAND_TYPE_PROTOCOL_MESSAGE') {
      const id = command.protocol_message_command_attributes?.message_id;
      const message = messages.get(id);
      if (message) {
        messages.delete(id);
        applyProtocolMessage(tr, message);
      }
      continue;
    }
    needsTask = applyCommand(tr, command, completedEventId, ctx) || needsTask;
  }
  if (run.status === 'Running') for (const message of messages.values()) applyProtocolMessage(tr, message);
  if (run.status === 'Running') {
    for (const id of deliveredUpdates) {
      const update = run.updates[id];
      if (update && update.state === 'admitted') needsTask = true;
    }
    if (Object.values(run.updates).some((u) => u.state === 'admitted')) needsTask = true;
    const flushed = tr.flushBuffer();
    if (flushed > 0 || needsTask || request.force_create_new_workflow_task) scheduleWorkflowTask(tr);
  }
  tr.effect({ kind: 'runChanged', namespace: run.namespace, runId: run.runId });
  return { unhandledCommand: false, queryResults };
}

function applyProtocolMessage(tr: Transition, message: Msg): void {
  const run = tr.run;
  const unpacked = unpackAny(message.body);
  if (!unpacked) return;
  const updateId: string = message.protocol_instance_id;
  const update = run.updates[updateId];
  switch (unpacked.typeName) {
    case 'temporal.api.update.v1.Acceptance': {
      const acceptedEventId = tr.write('EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED', {
        protocol_instance_id: updateId,
        accepted_request_message_id: unpacked.body.accepted_request_message_id,
        accepted_request_sequencing_event_id: unpacked.body.accepted_request_sequencing_event_id,
        accepted_request: unpacked.body.accepted_request ?? update?.request,
      });
      run.updates[updateId] = {
        updateId,
        request: unpacked.body.accepted_request ?? update?.request ?? {},
        state: 'accepted',
        acceptedEventId,
      };
      break;
    }
    case 'temporal.api.update.v1.Rejection': {
      if (update) {
        update.state = 'rejected';
        update.outcome = { failure: unpacked.body.failure };
      }
      break;
    }
    case 'temporal.api.update.v1.Response': {
      const acceptedEventId = update?.acceptedEventId ?? 0;
      tr.write('EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED', {
        meta: unpacked.body.meta,
        accepted_event_id: acceptedEventId,
        outcome: unpacked.body.outcome,
      });
      run.updates[updateId] = {
        updateId,
        request: update?.request ?? {},
        state: 'completed',
        acceptedEventId,
        outcome: unpacked.body.outcome,
      };
      break;
    }
    default:
      break;
  }
}

const DEFAULT_PARENT_CLOSE_POLICY = 'PARENT_CLOSE_POLICY_TERMINATE';

/** Events that end an activity. */
const ACTIVITY_FINISH_EVENTS: ReadonlySet<string> = new Set([
  'EVENT_TYPE_ACTIVITY_TASK_COMPLETED',
  'EVENT_TYPE_ACTIVITY_TASK_FAILED',
  'EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT',
  'EVENT_TYPE_ACTIVITY_TASK_CANCELED',
]);

/** Applies one command; returns true when it produced an event the workflow must see. */
function applyCommand(tr: Transition, command: Msg, completedEventId: number, ctx: CompletionContext): boolean {
  const run = tr.run;
  switch (command.command_type) {
    case 'COMMAND_TYPE_SCHEDULE_ACTIVITY_TASK': {
      const a = command.schedule_activity_task_command_attributes;
      const limit = run.runExpirationTime > 0 ? run.runExpirationTime - tr.now : 0;
      let scheduleToClose = fromDuration(a.schedule_to_close_timeout);
      if (limit > 0 && (scheduleToClose === 0 || scheduleToClose > limit)) scheduleToClose = limit;
      let startToClose = fromDuration(a.start_to_close_timeout) || scheduleToClose;
      if (scheduleToClose > 0 && startToClose > scheduleToClose) startToClose = scheduleToClose;
      let scheduleToStart = fromDuration(a.schedule_to_start_timeout) || scheduleToClose;
      if (scheduleToClose > 0 && scheduleToStart > scheduleToClose) scheduleToStart = scheduleToClose;
      const heartbeat = Math.min(fromDuration(a.heartbeat_timeout), startToClose || Infinity);
      const retryPolicy = activityRetryPolicy(a.retry_policy);
      const taskQueue = a.task_queue?.name || run.taskQueue;
      const scheduledEventId = tr.write('EVENT_TYPE_ACTIVITY_TASK_SCHEDULED', {
        activity_id: a.activity_id,
        activity_type: a.activity_type,
        task_queue: { name: taskQueue, kind: 'TASK_QUEUE_KIND_NORMAL' },
        header: a.header,
        input: a.input,
        schedule_to_close_timeout: duration(scheduleToClose),
        schedule_to_start_timeout: duration(scheduleToStart),
        start_to_close_timeout: duration(startToClose),
        heartbeat_timeout: duration(heartbeat),
        workflow_task_completed_event_id: completedEventId,
        retry_policy: retryPolicyProto(retryPolicy),
        use_workflow_build_id: a.use_workflow_build_id,
        priority: a.priority,
      });
      const activity: ActivityInfo = {
        scheduledEventId,
        activityId: a.activity_id || String(scheduledEventId),
        activityType: a.activity_type?.name ?? '',
        taskQueue,
        input: a.input,
        header: a.header,
        scheduleToCloseMs: scheduleToClose,
        scheduleToStartMs: scheduleToStart,
        startToCloseMs: startToClose,
        heartbeatMs: heartbeat,
        retryPolicy,
        state: 'scheduled',
        attempt: 1,
        firstScheduledTime: tr.now,
        attemptScheduledTime: tr.now,
        cancelRequested: false,
        token: 0,
      };
      run.activities[String(scheduledEventId)] = activity;
      tr.effect({ kind: 'activityTask', namespace: run.namespace, runId: run.runId, taskQueue, scheduledEventId });
      return false;
    }
    case 'COMMAND_TYPE_REQUEST_CANCEL_ACTIVITY_TASK': {
      const scheduledEventId = command.request_cancel_activity_task_command_attributes.scheduled_event_id;
      const activity = run.activities[String(scheduledEventId)];
      if (!activity) {
        // It finished while this task was in flight (its result is buffered): as in Temporal, the
        // request is recorded and nothing else happens, so replay sees the command's event.
        if (run.bufferedEvents.some((e) => ACTIVITY_FINISH_EVENTS.has(e.event_type) && e[attributesField(e.event_type)]?.scheduled_event_id === scheduledEventId)) {
          tr.write('EVENT_TYPE_ACTIVITY_TASK_CANCEL_REQUESTED', { scheduled_event_id: scheduledEventId, workflow_task_completed_event_id: completedEventId });
        }
        return false;
      }
      const requestedId = tr.write('EVENT_TYPE_ACTIVITY_TASK_CANCEL_REQUESTED', {
        scheduled_event_id: scheduledEventId,
        workflow_task_completed_event_id: completedEventId,
      });
      if (activity.state !== 'started') {
        tr.write('EVENT_TYPE_ACTIVITY_TASK_CANCELED', {
          scheduled_event_id: scheduledEventId,
          latest_cancel_requested_event_id: requestedId,
          started_event_id: 0,
        });
        delete run.activities[String(scheduledEventId)];
        return true;
      }
      activity.cancelRequested = true;
      activity.cancelRequestedEventId = requestedId;
      return false;
    }
    case 'COMMAND_TYPE_START_TIMER': {
      const a = command.start_timer_command_attributes;
      const timeout = fromDuration(a.start_to_fire_timeout);
      const startedEventId = tr.write('EVENT_TYPE_TIMER_STARTED', {
        timer_id: a.timer_id,
        start_to_fire_timeout: a.start_to_fire_timeout,
        workflow_task_completed_event_id: completedEventId,
      });
      run.timers[a.timer_id] = { timerId: a.timer_id, startedEventId, deadline: tr.now + timeout };
      return false;
    }
    case 'COMMAND_TYPE_CANCEL_TIMER': {
      const timerId = command.cancel_timer_command_attributes.timer_id;
      const timer = run.timers[timerId];
      let startedEventId = timer?.startedEventId;
      if (!timer) {
        // It fired while this task was in flight: as in Temporal, the buffered TimerFired (which
        // the workflow has not seen) gives way to TimerCanceled, or replay would not match.
        const index = run.bufferedEvents.findIndex((e) => e.event_type === 'EVENT_TYPE_TIMER_FIRED' && e.timer_fired_event_attributes?.timer_id === timerId);
        if (index < 0) return false;
        startedEventId = run.bufferedEvents.splice(index, 1)[0]?.timer_fired_event_attributes.started_event_id;
      }
      tr.write('EVENT_TYPE_TIMER_CANCELED', {
        timer_id: timerId,
        started_event_id: startedEventId,
        workflow_task_completed_event_id: completedEventId,
      });
      delete run.timers[timerId];
      return false;
    }
    case 'COMMAND_TYPE_RECORD_MARKER': {
      const a = command.record_marker_command_attributes;
      tr.write('EVENT_TYPE_MARKER_RECORDED', { ...a, workflow_task_completed_event_id: completedEventId });
      return false;
    }
    case 'COMMAND_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES': {
      const fields = ctx.normalizeSearchAttributes(command.upsert_workflow_search_attributes_command_attributes?.search_attributes?.indexed_fields) ?? {};
      tr.write('EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES', {
        workflow_task_completed_event_id: completedEventId,
        search_attributes: { indexed_fields: fields },
      });
      for (const [name, payload] of Object.entries(fields)) {
        if (isEmptyPayload(payload)) delete run.searchAttributes[name];
        else run.searchAttributes[name] = payload;
      }
      return false;
    }
    case 'COMMAND_TYPE_MODIFY_WORKFLOW_PROPERTIES': {
      const memo = command.modify_workflow_properties_command_attributes?.upserted_memo;
      tr.write('EVENT_TYPE_WORKFLOW_PROPERTIES_MODIFIED', { workflow_task_completed_event_id: completedEventId, upserted_memo: memo });
      const fields = { ...(run.memo?.fields ?? {}) };
      for (const [name, payload] of Object.entries((memo?.fields ?? {}) as Record<string, Msg>)) {
        if (isEmptyPayload(payload)) delete fields[name];
        else fields[name] = payload;
      }
      run.memo = { fields };
      return false;
    }
    case 'COMMAND_TYPE_COMPLETE_WORKFLOW_EXECUTION': {
      const result = command.complete_workflow_execution_command_attributes?.result;
      run.completionPayloads = result;
      const closeEventId = tr.write('EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED', { result, workflow_task_completed_event_id: completedEventId });
      closeRun(tr, 'Completed', closeEventId);
      return false;
    }
    case 'COMMAND_TYPE_FAIL_WORKFLOW_EXECUTION': {
      const failure = command.fail_workflow_execution_command_attributes?.failure;
      const decision = decideRetry(run.retryPolicy, run.attempt, failure, tr.now, run.executionExpirationTime);
      if (decision.retry) {
        const newRunId = tr.newId();
        const closeEventId = tr.write('EVENT_TYPE_WORKFLOW_EXECUTION_FAILED', {
          failure,
          retry_state: 'RETRY_STATE_IN_PROGRESS',
          workflow_task_completed_event_id: completedEventId,
          new_execution_run_id: newRunId,
        });
        run.failure = failure;
        run.newExecutionRunId = newRunId;
        closeRun(tr, 'Failed', closeEventId, true);
        startNextRun(tr, newRunId, {
          initiator: 'CONTINUE_AS_NEW_INITIATOR_RETRY',
          backoffMs: decision.backoffMs,
          attempt: run.attempt + 1,
          lastFailure: failure,
        });
        return false;
      }
      const closeEventId = tr.write('EVENT_TYPE_WORKFLOW_EXECUTION_FAILED', {
        failure,
        retry_state: decision.retryState,
        workflow_task_completed_event_id: completedEventId,
      });
      run.failure = failure;
      closeRun(tr, 'Failed', closeEventId);
      return false;
    }
    case 'COMMAND_TYPE_CANCEL_WORKFLOW_EXECUTION': {
      const details = command.cancel_workflow_execution_command_attributes?.details;
      const closeEventId = tr.write('EVENT_TYPE_WORKFLOW_EXECUTION_CANCELED', { details, workflow_task_completed_event_id: completedEventId });
      closeRun(tr, 'Canceled', closeEventId);
      return false;
    }
    case 'COMMAND_TYPE_CONTINUE_AS_NEW_WORKFLOW_EXECUTION': {
      const a = command.continue_as_new_workflow_execution_command_attributes;
      const newRunId = tr.newId();
      const taskQueue = a.task_queue?.name || run.taskQueue;
      const runTimeoutMs = fromDuration(a.workflow_run_timeout) || run.runTimeoutMs;
      const taskTimeoutMs = fromDuration(a.workflow_task_timeout) || run.taskTimeoutMs;
      const closeEventId = tr.write('EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW', {
        new_execution_run_id: newRunId,
        workflow_type: a.workflow_type ?? { name: run.workflowType },
        task_queue: { name: taskQueue, kind: 'TASK_QUEUE_KIND_NORMAL' },
        input: a.input,
        workflow_run_timeout: runTimeoutMs ? duration(runTimeoutMs) : undefined,
        workflow_task_timeout: duration(taskTimeoutMs),
        workflow_task_completed_event_id: completedEventId,
        backoff_start_interval: a.backoff_start_interval,
        initiator: 'CONTINUE_AS_NEW_INITIATOR_WORKFLOW',
        header: a.header,
        memo: a.memo,
        search_attributes: a.search_attributes,
      });
      run.newExecutionRunId = newRunId;
      closeRun(tr, 'ContinuedAsNew', closeEventId, true);
      startNextRun(tr, newRunId, {
        initiator: 'CONTINUE_AS_NEW_INITIATOR_WORKFLOW',
        backoffMs: fromDuration(a.backoff_start_interval),
        attempt: 1,
        workflowType: a.workflow_type?.name,
        taskQueue,
        input: a.input,
        header: a.header,
        memo: a.memo,
        searchAttributes: ctx.normalizeSearchAttributes(a.search_attributes?.indexed_fields),
        runTimeoutMs,
        taskTimeoutMs,
        retryPolicy: a.retry_policy,
      });
      return false;
    }
    case 'COMMAND_TYPE_START_CHILD_WORKFLOW_EXECUTION': {
      const a = command.start_child_workflow_execution_command_attributes;
      const namespace = a.namespace || run.namespace;
      const initiatedEventId = tr.write('EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED', {
        ...a,
        namespace,
        task_queue: { name: a.task_queue?.name || run.taskQueue, kind: 'TASK_QUEUE_KIND_NORMAL' },
        parent_close_policy: a.parent_close_policy ?? DEFAULT_PARENT_CLOSE_POLICY,
        workflow_task_completed_event_id: completedEventId,
      });
      const child: ChildInfo = {
        initiatedEventId,
        namespace,
        workflowId: a.workflow_id,
        workflowType: a.workflow_type?.name ?? '',
        parentClosePolicy: a.parent_close_policy && a.parent_close_policy !== 'PARENT_CLOSE_POLICY_UNSPECIFIED' ? a.parent_close_policy : DEFAULT_PARENT_CLOSE_POLICY,
      };
      run.children[String(initiatedEventId)] = child;
      tr.transfer({
        kind: 'startChild',
        parentNamespace: run.namespace,
        parentRunId: run.runId,
        initiatedEventId,
        attributes: { ...a, namespace, task_queue: { name: a.task_queue?.name || run.taskQueue } },
      });
      return false;
    }
    case 'COMMAND_TYPE_SIGNAL_EXTERNAL_WORKFLOW_EXECUTION': {
      const a = command.signal_external_workflow_execution_command_attributes;
      const namespace = a.namespace || run.namespace;
      const initiatedEventId = tr.write('EVENT_TYPE_SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_INITIATED', {
        ...a,
        namespace,
        workflow_task_completed_event_id: completedEventId,
      });
      run.signalsExternal[String(initiatedEventId)] = {
        initiatedEventId,
        namespace,
        workflowId: a.execution?.workflow_id,
        runId: a.execution?.run_id || undefined,
        control: a.control,
      };
      tr.transfer({ kind: 'signalExternal', namespace: run.namespace, runId: run.runId, initiatedEventId, attributes: { ...a, namespace } });
      return false;
    }
    case 'COMMAND_TYPE_REQUEST_CANCEL_EXTERNAL_WORKFLOW_EXECUTION': {
      const a = command.request_cancel_external_workflow_execution_command_attributes;
      const namespace = a.namespace || run.namespace;
      const initiatedEventId = tr.write('EVENT_TYPE_REQUEST_CANCEL_EXTERNAL_WORKFLOW_EXECUTION_INITIATED', {
        namespace,
        workflow_execution: { workflow_id: a.workflow_id, run_id: a.run_id || undefined },
        control: a.control,
        child_workflow_only: a.child_workflow_only,
        reason: a.reason,
        workflow_task_completed_event_id: completedEventId,
      });
      run.cancelsExternal[String(initiatedEventId)] = {
        initiatedEventId,
        namespace,
        workflowId: a.workflow_id,
        runId: a.run_id || undefined,
        control: a.control,
      };
      tr.transfer({ kind: 'cancelExternal', namespace: run.namespace, runId: run.runId, initiatedEventId, attributes: { ...a, namespace } });
      return false;
    }
    default:
      throw new RpcError('INVALID_ARGUMENT', `Unsupported command ${String(command.command_type)}`);
  }
}

/** True for a search attribute or memo payload that unsets the value. */
export function isEmptyPayload(payload: Msg | undefined): boolean {
  if (!payload) return true;
  const data = payload.data ? Buffer.from(payload.data).toString('utf8') : '';
  return data === '' || data === 'null' || data === '[]';
}

interface NextRunOptions {
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

function startNextRun(tr: Transition, newRunId: string, options: NextRunOptions): void {
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
function forceClose(tr: Transition, eventType: string, attributes: Msg, status: RunStatus): void {
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

/** Admits an update; it reaches the worker with the next workflow task. */
export function admitUpdate(tr: Transition, request: Msg): void {
  const updateId = request.meta?.update_id;
  if (!updateId) throw new RpcError('INVALID_ARGUMENT', 'Update id is not set.');
  if (tr.run.updates[updateId]) return;
  tr.run.updates[updateId] = { updateId, request, state: 'admitted' };
  scheduleWorkflowTask(tr);
}

/** Hands an activity attempt to a poller. Returns undefined when the task is no longer available. */
export function startActivity(tr: Transition, scheduledEventId: number, identity: string, requestId: string): ActivityInfo | undefined {
  const activity = tr.run.activities[String(scheduledEventId)];
  if (tr.run.status !== 'Running' || !activity || activity.state !== 'scheduled') return undefined;
  activity.state = 'started';
  activity.startedTime = tr.now;
  activity.lastHeartbeatTime = undefined;
  activity.lastWorkerIdentity = identity;
  activity.startedRequestId = requestId;
  activity.token += 1;
  return activity;
}

function startedActivity(run: RunState, scheduledEventId: number, token: number): ActivityInfo {
  const activity = run.activities[String(scheduledEventId)];
  if (run.status !== 'Running' || !activity || activity.state !== 'started' || activity.token !== token) {
    throw new RpcError('NOT_FOUND', 'Activity task not found.');
  }
  return activity;
}

/** Writes the (lazily recorded) ActivityTaskStarted event and returns its id or the pending marker. */
function writeActivityStarted(tr: Transition, activity: ActivityInfo): number {
  const id = tr.add('EVENT_TYPE_ACTIVITY_TASK_STARTED', {
    scheduled_event_id: activity.scheduledEventId,
    identity: activity.lastWorkerIdentity,
    request_id: activity.startedRequestId,
    attempt: activity.attempt,
    last_failure: activity.lastFailure,
  });
  return id === 0 ? PENDING_STARTED_ID : id;
}

function closeActivity(tr: Transition, activity: ActivityInfo, eventType: string, attributes: Msg, wasStarted: boolean): void {
  const startedEventId = wasStarted ? writeActivityStarted(tr, activity) : 0;
  delete tr.run.activities[String(activity.scheduledEventId)];
  addExternalEvent(tr, eventType, { ...attributes, scheduled_event_id: activity.scheduledEventId, started_event_id: startedEventId });
}

/** RespondActivityTaskCompleted. */
export function completeActivity(tr: Transition, scheduledEventId: number, token: number, result: Msg | undefined, identity: string): void {
  const activity = startedActivity(tr.run, scheduledEventId, token);
  closeActivity(tr, activity, 'EVENT_TYPE_ACTIVITY_TASK_COMPLETED', { result, identity }, true);
}

/** RespondActivityTaskCanceled. */
export function cancelActivity(tr: Transition, scheduledEventId: number, token: number, details: Msg | undefined, identity: string): void {
  const activity = startedActivity(tr.run, scheduledEventId, token);
  closeActivity(
    tr,
    activity,
    'EVENT_TYPE_ACTIVITY_TASK_CANCELED',
    { details, identity, latest_cancel_requested_event_id: activity.cancelRequestedEventId ?? 0 },
    true,
  );
}

/** RespondActivityTaskFailed: retries per policy or closes the activity. */
export function failActivity(tr: Transition, scheduledEventId: number, token: number, failure: Msg | undefined, lastHeartbeatDetails: Msg | undefined, identity: string): void {
  const activity = startedActivity(tr.run, scheduledEventId, token);
  if (lastHeartbeatDetails) activity.heartbeatDetails = lastHeartbeatDetails;
  retryOrClose(tr, activity, failure, identity, undefined);
}

function activityExpiration(activity: ActivityInfo): number {
  return activity.scheduleToCloseMs > 0 ? activity.firstScheduledTime + activity.scheduleToCloseMs : 0;
}

function retryOrClose(tr: Transition, activity: ActivityInfo, failure: Msg | undefined, identity: string | undefined, timeoutType: string | undefined): void {
  const decision = activity.cancelRequested
    ? ({ retry: false, retryState: 'RETRY_STATE_CANCEL_REQUESTED' } as const)
    : decideRetry(activity.retryPolicy, activity.attempt, failure, tr.now, activityExpiration(activity));
  if (decision.retry) {
    activity.state = 'backoff';
    activity.lastFailure = failure;
    activity.attempt += 1;
    activity.attemptScheduledTime = tr.now + decision.backoffMs;
    activity.startedTime = undefined;
    return;
  }
  if (timeoutType) {
    closeActivity(tr, activity, 'EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT', { failure, retry_state: decision.retryState }, true);
  } else {
    closeActivity(tr, activity, 'EVENT_TYPE_ACTIVITY_TASK_FAILED', { failure, retry_state: decision.retryState, identity }, true);
  }
}

/** RecordActivityTaskHeartbeat: returns whether cancellation was requested. */
export function heartbeatActivity(tr: Transition, scheduledEventId: number, token: number, details: Msg | undefined): boolean {
  const activity = startedActivity(tr.run, scheduledEventId, token);
  activity.lastHeartbeatTime = tr.now;
  if (details) activity.heartbeatDetails = details;
  return activity.cancelRequested;
}

function timeoutFailure(timeoutType: string, activity: ActivityInfo | undefined, message: string): Msg {
  return {
    message,
    source: 'Server',
    timeout_failure_info: { timeout_type: timeoutType, last_heartbeat_details: activity?.heartbeatDetails },
    cause: activity?.lastFailure,
  };
}

/** Fires every timer and timeout of the run that is due at `tr.now`. */
export function fireDueDeadlines(tr: Transition): void {
  const run = tr.run;
  const due = runDeadlines(run)
    .filter((d) => d.deadline <= tr.now)
    .sort((a, b) => a.deadline - b.deadline);
  for (const d of due) {
    if (run.status !== 'Running') return;
    switch (d.kind) {
      case 'executionTimeout':
      case 'runTimeout': {
        forceClose(tr, 'EVENT_TYPE_WORKFLOW_EXECUTION_TIMED_OUT', { retry_state: 'RETRY_STATE_TIMEOUT' }, 'TimedOut');
        return;
      }
      case 'firstTaskBackoff':
        run.firstTaskBackoffUntil = undefined;
        scheduleWorkflowTask(tr);
        break;
      case 'workflowTaskTimeout':
        if (run.wft.state === 'started') {
          failStartedTask(tr, 'EVENT_TYPE_WORKFLOW_TASK_TIMED_OUT', { timeout_type: 'TIMEOUT_TYPE_START_TO_CLOSE' }, run.wft.attempt + 1);
        }
        break;
      case 'stickyTimeout':
        unstickWorkflowTask(tr);
        break;
      case 'userTimer': {
        const timer = run.timers[d.ref ?? ''];
        if (!timer) break;
        delete run.timers[timer.timerId];
        addExternalEvent(tr, 'EVENT_TYPE_TIMER_FIRED', { timer_id: timer.timerId, started_event_id: timer.startedEventId });
        break;
      }
      default:
        fireActivityDeadline(tr, d.kind, d.ref ?? '');
    }
  }
}

function fireActivityDeadline(tr: Transition, kind: string, ref: string): void {
  const run = tr.run;
  const activity = run.activities[ref];
  if (!activity) return;
  switch (kind) {
    case 'activityRetry':
      if (activity.state !== 'backoff') return;
      activity.state = 'scheduled';
      tr.effect({ kind: 'activityTask', namespace: run.namespace, runId: run.runId, taskQueue: activity.taskQueue, scheduledEventId: activity.scheduledEventId });
      return;
    case 'activityScheduleToStart':
      if (activity.state !== 'scheduled') return;
      closeActivity(
        tr,
        activity,
        'EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT',
        { failure: timeoutFailure('TIMEOUT_TYPE_SCHEDULE_TO_START', activity, 'activity ScheduleToStart timeout'), retry_state: 'RETRY_STATE_NON_RETRYABLE_FAILURE' },
        false,
      );
      return;
    case 'activityScheduleToClose':
      closeActivity(
        tr,
        activity,
        'EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT',
        { failure: timeoutFailure('TIMEOUT_TYPE_SCHEDULE_TO_CLOSE', activity, 'activity ScheduleToClose timeout'), retry_state: 'RETRY_STATE_TIMEOUT' },
        activity.state === 'started',
      );
      return;
    case 'activityStartToClose':
    case 'activityHeartbeat': {
      if (activity.state !== 'started') return;
      const timeoutType = kind === 'activityHeartbeat' ? 'TIMEOUT_TYPE_HEARTBEAT' : 'TIMEOUT_TYPE_START_TO_CLOSE';
      const failure = timeoutFailure(timeoutType, activity, kind === 'activityHeartbeat' ? 'activity Heartbeat timeout' : 'activity StartToClose timeout');
      retryOrClose(tr, activity, failure, undefined, timeoutType);
      return;
    }
    default:
      return;
  }
}

/** Records the start (or failed start) of a child on the parent. */
export function childStarted(tr: Transition, initiatedEventId: number, execution: Msg, workflowType: string, header: Msg | undefined): void {
  const child = tr.run.children[String(initiatedEventId)];
  if (!child || child.runId || tr.run.status !== 'Running') return;
  child.runId = execution.run_id;
  const id = addExternalEvent(tr, 'EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_STARTED', {
    namespace: child.namespace,
    initiated_event_id: initiatedEventId,
    workflow_execution: execution,
    workflow_type: { name: workflowType },
    header,
  });
  if (id > 0) child.startedEventId = id;
}

/** StartChildWorkflowExecutionFailed (workflow id already in use). */
export function childStartFailed(tr: Transition, initiatedEventId: number, cause: string): void {
  const child = tr.run.children[String(initiatedEventId)];
  if (!child || tr.run.status !== 'Running') return;
  delete tr.run.children[String(initiatedEventId)];
  addExternalEvent(tr, 'EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_FAILED', {
    namespace: child.namespace,
    workflow_id: child.workflowId,
    workflow_type: { name: child.workflowType },
    cause,
    initiated_event_id: initiatedEventId,
  });
}

const CHILD_CLOSE_EVENTS: Record<string, string> = {
  EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED: 'EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_COMPLETED',
  EVENT_TYPE_WORKFLOW_EXECUTION_FAILED: 'EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_FAILED',
  EVENT_TYPE_WORKFLOW_EXECUTION_CANCELED: 'EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_CANCELED',
  EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED: 'EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_TERMINATED',
  EVENT_TYPE_WORKFLOW_EXECUTION_TIMED_OUT: 'EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_TIMED_OUT',
};

/** Records a child's close event on the parent. */
export function childClosed(tr: Transition, initiatedEventId: number, execution: Msg, workflowType: string, closeEvent: Msg): void {
  const child = tr.run.children[String(initiatedEventId)];
  if (!child || tr.run.status !== 'Running') return;
  const eventType = CHILD_CLOSE_EVENTS[closeEvent.event_type];
  if (!eventType) return;
  const source = closeEvent[`${closeEvent.event_type.replace(/^EVENT_TYPE_/, '').toLowerCase()}_event_attributes`] ?? {};
  delete tr.run.children[String(initiatedEventId)];
  addExternalEvent(tr, eventType, {
    namespace: child.namespace,
    workflow_execution: execution,
    workflow_type: { name: workflowType },
    initiated_event_id: initiatedEventId,
    started_event_id: child.startedEventId ?? PENDING_STARTED_ID,
    result: source.result,
    failure: source.failure,
    retry_state: source.retry_state,
    details: source.details,
  });
}

/** Outcome of a signal-external or cancel-external request on the initiating run. */
export function externalRequestResolved(tr: Transition, kind: 'signal' | 'cancel', initiatedEventId: number, ok: boolean): void {
  const run = tr.run;
  const table = kind === 'signal' ? run.signalsExternal : run.cancelsExternal;
  const request = table[String(initiatedEventId)];
  if (!request || run.status !== 'Running') return;
  delete table[String(initiatedEventId)];
  const execution = { workflow_id: request.workflowId, run_id: request.runId };
  if (kind === 'signal') {
    addExternalEvent(
      tr,
      ok ? 'EVENT_TYPE_EXTERNAL_WORKFLOW_EXECUTION_SIGNALED' : 'EVENT_TYPE_SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_FAILED',
      ok
        ? { initiated_event_id: initiatedEventId, namespace: request.namespace, workflow_execution: execution, control: request.control }
        : {
            cause: 'SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_FAILED_CAUSE_EXTERNAL_WORKFLOW_EXECUTION_NOT_FOUND',
            initiated_event_id: initiatedEventId,
            namespace: request.namespace,
            workflow_execution: execution,
            control: request.control,
          },
    );
  } else {
    addExternalEvent(
      tr,
      ok ? 'EVENT_TYPE_EXTERNAL_WORKFLOW_EXECUTION_CANCEL_REQUESTED' : 'EVENT_TYPE_REQUEST_CANCEL_EXTERNAL_WORKFLOW_EXECUTION_FAILED',
      ok
        ? { initiated_event_id: initiatedEventId, namespace: request.namespace, workflow_execution: execution }
        : {
            cause: 'CANCEL_EXTERNAL_WORKFLOW_EXECUTION_FAILED_CAUSE_EXTERNAL_WORKFLOW_EXECUTION_NOT_FOUND',
            initiated_event_id: initiatedEventId,
            namespace: request.namespace,
            workflow_execution: execution,
            control: request.control,
          },
    );
  }
}
