/** Timers and timeouts in the state machine: everything due at the transition's time fires. */
import { runDeadlines, type Transition } from '../transition';
import { fireActivityDeadline } from './activities';
import { addExternalEvent, forceClose, scheduleWorkflowTask } from './run';
import { failStartedTask, unstickWorkflowTask } from './workflow-task';

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
