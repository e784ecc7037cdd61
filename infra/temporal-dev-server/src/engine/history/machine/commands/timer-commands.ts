/** Commands that start or cancel a user timer. */
import { fromDuration, type Msg } from '../../../../proto/proto';
import type { Transition } from '../../transition';

/** StartTimer: armed at now + start_to_fire_timeout. */
export function startTimer(tr: Transition, a: Msg, completedEventId: number): boolean {
  const timeout = fromDuration(a.start_to_fire_timeout);
  const startedEventId = tr.write('EVENT_TYPE_TIMER_STARTED', {
    timer_id: a.timer_id,
    start_to_fire_timeout: a.start_to_fire_timeout,
    workflow_task_completed_event_id: completedEventId,
  });
  tr.run.timers[a.timer_id] = { timerId: a.timer_id, startedEventId, deadline: tr.now + timeout };
  return false;
}

/** CancelTimer, also of a timer that fired while the task was in flight. */
export function cancelTimer(tr: Transition, a: Msg, completedEventId: number): boolean {
  const run = tr.run;
  const timerId = a.timer_id;
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
