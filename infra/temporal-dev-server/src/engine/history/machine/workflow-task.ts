/**
 * Workflow tasks in the state machine: a poll starting the scheduled task, its completion
 * (commands and protocol messages in order), failure and the sticky-queue fallback.
 */
import { duration, fromDuration, packAny, type Msg } from '../../../proto/proto';
import type { RunState } from '../../../model/run-state';
import { RpcError } from '../../errors';
import type { Transition } from '../transition';
import { applyCommand, CLOSE_COMMANDS, type CompletionContext } from './commands/command-table';
import { scheduleWorkflowTask } from './run';
import { applyProtocolMessage } from './updates';

export type { CompletionContext } from './commands/command-table';

/** Temporal suggests continue-as-new once a history passes this many events. */
const SUGGEST_CONTINUE_AS_NEW_EVENTS = 4096;

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
export function failStartedTask(
  tr: Transition,
  eventType: 'EVENT_TYPE_WORKFLOW_TASK_FAILED' | 'EVENT_TYPE_WORKFLOW_TASK_TIMED_OUT',
  attributes: Msg,
  nextAttempt: number,
): void {
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
