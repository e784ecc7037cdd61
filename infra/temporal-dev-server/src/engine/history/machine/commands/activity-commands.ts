/** Commands that schedule or cancel an activity. */
import { duration, fromDuration, type Msg } from '../../../../proto/proto';
import type { ActivityInfo } from '../../../../model/run-state';
import { activityRetryPolicy, retryPolicyProto } from '../../retry';
import { attributesField, type Transition } from '../../transition';

/** Events that end an activity. */
const ACTIVITY_FINISH_EVENTS: ReadonlySet<string> = new Set([
  'EVENT_TYPE_ACTIVITY_TASK_COMPLETED',
  'EVENT_TYPE_ACTIVITY_TASK_FAILED',
  'EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT',
  'EVENT_TYPE_ACTIVITY_TASK_CANCELED',
]);

/** ScheduleActivityTask: timeouts bounded by the run's timeout and each other, then dispatched. */
export function scheduleActivityTask(tr: Transition, a: Msg, completedEventId: number): boolean {
  const run = tr.run;
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

/** RequestCancelActivityTask: a scheduled activity is canceled at once, a started one is asked to stop. */
export function requestCancelActivityTask(tr: Transition, a: Msg, completedEventId: number): boolean {
  const run = tr.run;
  const scheduledEventId = a.scheduled_event_id;
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
