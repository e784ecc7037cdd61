import { randomUUID } from 'node:crypto';
import type { Msg } from '../../proto/proto';
import * as machine from './machine';
import { Transition } from './transition';
import type { RunState } from '../../model/run-state';

const ctx: machine.CompletionContext = { normalizeSearchAttributes: (fields) => fields };

function newRun(now = 1_000): { run: RunState; history: Msg[] } {
  const tr = machine.createRun(
    { namespace: 'default', workflowId: 'wf', runId: 'run-1', workflowType: 'T', taskQueue: 'q', executionTimeoutMs: 0, runTimeoutMs: 0, taskTimeoutMs: 0 },
    now,
    randomUUID,
  );
  return { run: tr.run, history: [...tr.events] };
}

/** Applies `fn` to a copy of the run and appends its events, like a store commit would. */
function step<T>(state: { run: RunState; history: Msg[] }, now: number, fn: (tr: Transition) => T): T {
  const tr = new Transition(structuredClone(state.run), now, randomUUID);
  const result = fn(tr);
  state.run = tr.run;
  state.history.push(...tr.events);
  return result;
}

const types = (history: Msg[]) => history.map((e) => String(e.event_type).replace('EVENT_TYPE_', ''));

describe('run state machine', () => {
  it('writes WorkflowTaskScheduled/Started when a poll takes the task, with dense event ids', () => {
    const state = newRun();
    expect(state.run.wft.state).toBe('scheduled');
    const started = step(state, 1_010, (tr) => machine.startWorkflowTask(tr, 'q', 'worker', 'req'));
    expect(started).toMatchObject({ scheduledEventId: 2, startedEventId: 3, attempt: 1 });
    expect(types(state.history)).toEqual(['WORKFLOW_EXECUTION_STARTED', 'WORKFLOW_TASK_SCHEDULED', 'WORKFLOW_TASK_STARTED']);
    expect(state.history.map((e) => e.event_id)).toEqual([1, 2, 3]);
  });

  it('buffers events that arrive while a task is in flight and schedules a new task after completion', () => {
    const state = newRun();
    const started = step(state, 1_010, (tr) => machine.startWorkflowTask(tr, 'q', 'worker', 'req'));
    step(state, 1_020, (tr) => machine.signal(tr, { signal_name: 's' }));
    expect(state.history).toHaveLength(3);
    expect(state.run.bufferedEvents).toHaveLength(1);
    step(state, 1_030, (tr) => machine.completeWorkflowTask(tr, started?.token ?? 0, { commands: [] }, ctx));
    expect(types(state.history).slice(3)).toEqual(['WORKFLOW_TASK_COMPLETED', 'WORKFLOW_EXECUTION_SIGNALED']);
    expect(state.run.wft.state).toBe('scheduled');
    expect(state.history.map((e) => e.event_id)).toEqual([1, 2, 3, 4, 5]);
  });

  it('cancels a timer that fired while the cancelling task was in flight: TimerCanceled, no TimerFired, no new task', () => {
    const state = newRun();
    const first = step(state, 1_010, (tr) => machine.startWorkflowTask(tr, 'q', 'worker', 'req'));
    const startTimer = { command_type: 'COMMAND_TYPE_START_TIMER', start_timer_command_attributes: { timer_id: '4', start_to_fire_timeout: { seconds: 1 } } };
    step(state, 1_020, (tr) => machine.completeWorkflowTask(tr, first?.token ?? 0, { commands: [startTimer] }, ctx));
    step(state, 1_030, (tr) => machine.signal(tr, { signal_name: 's' }));
    const second = step(state, 1_040, (tr) => machine.startWorkflowTask(tr, 'q', 'worker', 'req2'));
    step(state, 2_100, (tr) => machine.fireDueDeadlines(tr));
    expect(types(state.run.bufferedEvents)).toEqual(['TIMER_FIRED']);
    const cancelTimer = { command_type: 'COMMAND_TYPE_CANCEL_TIMER', cancel_timer_command_attributes: { timer_id: '4' } };
    step(state, 2_200, (tr) => machine.completeWorkflowTask(tr, second?.token ?? 0, { commands: [cancelTimer] }, ctx));
    const timerStarted = state.history.find((e) => e.event_type === 'EVENT_TYPE_TIMER_STARTED');
    expect(types(state.history).slice(-2)).toEqual(['WORKFLOW_TASK_COMPLETED', 'TIMER_CANCELED']);
    expect(types(state.history)).not.toContain('TIMER_FIRED');
    expect(state.history.at(-1)?.timer_canceled_event_attributes).toMatchObject({ timer_id: '4', started_event_id: timerStarted?.event_id });
    expect(state.run.wft.state).toBe('none');
  });

  it('records a cancel request for an activity that completed while the cancelling task was in flight', () => {
    const state = newRun();
    const first = step(state, 1_010, (tr) => machine.startWorkflowTask(tr, 'q', 'worker', 'req'));
    const schedule = {
      command_type: 'COMMAND_TYPE_SCHEDULE_ACTIVITY_TASK',
      schedule_activity_task_command_attributes: { activity_id: '1', activity_type: { name: 'A' }, start_to_close_timeout: { seconds: 5 } },
    };
    step(state, 1_020, (tr) => machine.completeWorkflowTask(tr, first?.token ?? 0, { commands: [schedule] }, ctx));
    const scheduledEventId = 5;
    const activity = step(state, 1_030, (tr) => machine.startActivity(tr, scheduledEventId, 'worker', 'a1'));
    step(state, 1_040, (tr) => machine.signal(tr, { signal_name: 's' }));
    const second = step(state, 1_050, (tr) => machine.startWorkflowTask(tr, 'q', 'worker', 'req2'));
    step(state, 1_060, (tr) => machine.completeActivity(tr, scheduledEventId, activity?.token ?? 0, undefined, 'worker'));
    const cancel = {
      command_type: 'COMMAND_TYPE_REQUEST_CANCEL_ACTIVITY_TASK',
      request_cancel_activity_task_command_attributes: { scheduled_event_id: scheduledEventId },
    };
    step(state, 1_070, (tr) => machine.completeWorkflowTask(tr, second?.token ?? 0, { commands: [cancel] }, ctx));
    expect(types(state.history).slice(-4)).toEqual([
      'WORKFLOW_TASK_COMPLETED',
      'ACTIVITY_TASK_CANCEL_REQUESTED',
      'ACTIVITY_TASK_STARTED',
      'ACTIVITY_TASK_COMPLETED',
    ]);
    expect(state.run.wft.state).toBe('scheduled');
    expect(state.history.at(-3)?.activity_task_cancel_requested_event_attributes.scheduled_event_id).toBe(scheduledEventId);
  });

  it('refuses a completion that closes the workflow while new events are buffered (UnhandledCommand)', () => {
    const state = newRun();
    const started = step(state, 1_010, (tr) => machine.startWorkflowTask(tr, 'q', 'worker', 'req'));
    step(state, 1_020, (tr) => machine.signal(tr, { signal_name: 's' }));
    const outcome = step(state, 1_030, (tr) =>
      machine.completeWorkflowTask(
        tr,
        started?.token ?? 0,
        { commands: [{ command_type: 'COMMAND_TYPE_COMPLETE_WORKFLOW_EXECUTION', complete_workflow_execution_command_attributes: {} }] },
        ctx,
      ),
    );
    expect(outcome.unhandledCommand).toBe(true);
    expect(state.run.status).toBe('Running');
    expect(types(state.history).slice(3)).toEqual(['WORKFLOW_TASK_FAILED', 'WORKFLOW_EXECUTION_SIGNALED']);
    expect(state.history[3]?.workflow_task_failed_event_attributes.cause).toBe('WORKFLOW_TASK_FAILED_CAUSE_UNHANDLED_COMMAND');
    expect(state.run.wft.state).toBe('scheduled');
  });

  it('times out a started workflow task and schedules the next attempt on the normal queue', () => {
    const state = newRun();
    const started = step(state, 1_010, (tr) => machine.startWorkflowTask(tr, 'q', 'worker', 'req'));
    step(state, 1_020, (tr) =>
      machine.completeWorkflowTask(tr, started?.token ?? 0, { commands: [], sticky_attributes: { worker_task_queue: { name: 'sticky' } } }, ctx),
    );
    step(state, 1_030, (tr) => machine.signal(tr, { signal_name: 's' }));
    expect(state.run.wft).toMatchObject({ state: 'scheduled', taskQueue: 'sticky', sticky: true });
    const second = step(state, 1_040, (tr) => machine.startWorkflowTask(tr, 'sticky', 'worker', 'req2'));
    expect(second?.previousStartedEventId).toBe(3);
    step(state, 1_040 + 10_000, (tr) => machine.fireDueDeadlines(tr));
    expect(types(state.history).at(-1)).toBe('WORKFLOW_TASK_TIMED_OUT');
    expect(state.run.wft).toMatchObject({ state: 'scheduled', taskQueue: 'q', sticky: false, attempt: 2 });
  });

  it('falls back from the sticky queue to the normal queue after the sticky schedule-to-start timeout', () => {
    const state = newRun();
    const started = step(state, 1_010, (tr) => machine.startWorkflowTask(tr, 'q', 'worker', 'req'));
    step(state, 1_020, (tr) =>
      machine.completeWorkflowTask(
        tr,
        started?.token ?? 0,
        { commands: [], sticky_attributes: { worker_task_queue: { name: 'sticky' }, schedule_to_start_timeout: { seconds: 1 } } },
        ctx,
      ),
    );
    step(state, 1_030, (tr) => machine.signal(tr, { signal_name: 's' }));
    step(state, 2_030, (tr) => machine.fireDueDeadlines(tr));
    expect(state.run.wft).toMatchObject({ state: 'scheduled', taskQueue: 'q', sticky: false });
    expect(state.run.stickyQueue).toBeUndefined();
  });

  it('writes ActivityTaskStarted lazily with the attempt that closed the activity', () => {
    const state = newRun();
    const started = step(state, 1_010, (tr) => machine.startWorkflowTask(tr, 'q', 'worker', 'req'));
    step(state, 1_020, (tr) =>
      machine.completeWorkflowTask(
        tr,
        started?.token ?? 0,
        {
          commands: [
            {
              command_type: 'COMMAND_TYPE_SCHEDULE_ACTIVITY_TASK',
              schedule_activity_task_command_attributes: {
                activity_id: '1',
                activity_type: { name: 'A' },
                start_to_close_timeout: { seconds: 5 },
                retry_policy: { initial_interval: { seconds: 1 }, maximum_attempts: 3 },
              },
            },
          ],
        },
        ctx,
      ),
    );
    const scheduledEventId = 5;
    const first = step(state, 1_030, (tr) => machine.startActivity(tr, scheduledEventId, 'worker', 'a1'));
    step(state, 1_040, (tr) =>
      machine.failActivity(tr, scheduledEventId, first?.token ?? 0, { message: 'boom', application_failure_info: { type: 'X' } }, undefined, 'worker'),
    );
    expect(state.run.activities['5']).toMatchObject({ state: 'backoff', attempt: 2, attemptScheduledTime: 2_040 });
    expect(state.history).toHaveLength(5);
    step(state, 2_040, (tr) => machine.fireDueDeadlines(tr));
    const second = step(state, 2_050, (tr) => machine.startActivity(tr, scheduledEventId, 'worker', 'a2'));
    step(state, 2_060, (tr) => machine.completeActivity(tr, scheduledEventId, second?.token ?? 0, undefined, 'worker'));
    expect(types(state.history).slice(5)).toEqual(['ACTIVITY_TASK_STARTED', 'ACTIVITY_TASK_COMPLETED']);
    expect(state.history[5]?.activity_task_started_event_attributes.attempt).toBe(2);
    expect(state.history[6]?.activity_task_completed_event_attributes.started_event_id).toBe(6);
  });

  it("keeps work on other runs in the run's outbox, committed with the change that caused it", () => {
    const tr = machine.createRun(
      {
        namespace: 'default',
        workflowId: 'child',
        runId: 'child-run',
        workflowType: 'T',
        taskQueue: 'q',
        executionTimeoutMs: 0,
        runTimeoutMs: 0,
        taskTimeoutMs: 0,
        parent: { namespace: 'default', workflowId: 'parent', runId: 'parent-run', initiatedEventId: 5 },
      },
      1_000,
      randomUUID,
    );
    const state = { run: tr.run, history: [...tr.events] };
    step(state, 1_010, (t) => machine.terminate(t, 'stop', undefined, undefined));
    expect(state.run.transfers).toEqual([
      expect.objectContaining({
        id: 1,
        kind: 'notifyParent',
        parent: expect.objectContaining({ runId: 'parent-run', initiatedEventId: 5 }),
        childRunId: 'child-run',
      }),
    ]);
  });
});
