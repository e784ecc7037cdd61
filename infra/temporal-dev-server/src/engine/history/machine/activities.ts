/** Activities in the state machine: attempts handed to pollers, their outcomes, retries and timeouts. */
import type { Msg } from '../../../proto/proto';
import type { ActivityInfo, RunState } from '../../../model/run-state';
import { RpcError } from '../../errors';
import { decideRetry } from '../retry';
import { PENDING_STARTED_ID, type Transition } from '../transition';
import { addExternalEvent } from './run';

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
export function failActivity(
  tr: Transition,
  scheduledEventId: number,
  token: number,
  failure: Msg | undefined,
  lastHeartbeatDetails: Msg | undefined,
  identity: string,
): void {
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

/** Fires one activity timer or timeout (`kind` of a deadline, `ref` its scheduled event id). */
export function fireActivityDeadline(tr: Transition, kind: string, ref: string): void {
  const run = tr.run;
  const activity = run.activities[ref];
  if (!activity) return;
  switch (kind) {
    case 'activityRetry':
      if (activity.state !== 'backoff') return;
      activity.state = 'scheduled';
      tr.effect({
        kind: 'activityTask',
        namespace: run.namespace,
        runId: run.runId,
        taskQueue: activity.taskQueue,
        scheduledEventId: activity.scheduledEventId,
      });
      return;
    case 'activityScheduleToStart':
      if (activity.state !== 'scheduled') return;
      closeActivity(
        tr,
        activity,
        'EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT',
        {
          failure: timeoutFailure('TIMEOUT_TYPE_SCHEDULE_TO_START', activity, 'activity ScheduleToStart timeout'),
          retry_state: 'RETRY_STATE_NON_RETRYABLE_FAILURE',
        },
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
