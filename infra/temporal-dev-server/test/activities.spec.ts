import { temporal } from '@temporalio/proto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { attemptLog } from './activities';
import { createWorker, startLocalEnv, testWorkflowBundle, uniqueId } from './harness';
import {
  longLocalActivityWorkflow,
  localActivityWorkflow,
  slowActivityWorkflow,
  scheduleToCloseWorkflow,
  scheduleToStartWorkflow,
  activityTimeoutWorkflow,
  cancelActivityWorkflow,
  heartbeatKeepsAliveWorkflow,
  heartbeatWorkflow,
  silentActivityWorkflow,
  nonRetryableWorkflow,
  retryWorkflow,
} from './workflows';

describe('activities through the real worker', () => {
  let env: TestWorkflowEnvironment;
  let worker: Worker;
  let running: Promise<void>;
  const taskQueue = uniqueId('activities');

  beforeAll(async () => {
    [env] = await Promise.all([startLocalEnv(), testWorkflowBundle()]);
    worker = await createWorker(env, taskQueue);
    running = worker.run();
  });
  afterAll(async () => {
    worker?.shutdown();
    await running;
    await env?.teardown();
  });

  it('retries with exponential backoff until the activity succeeds', async () => {
    const workflowId = uniqueId('retry');
    const result = await env.client.workflow.execute(retryWorkflow, { taskQueue, workflowId, args: [4, 10] });
    expect(result).toBe('succeeded on attempt 4');
    const attempts = attemptLog.get(workflowId) ?? [];
    expect(attempts.map((a) => a.attempt)).toEqual([1, 2, 3, 4]);
    const gaps = attempts.slice(1).map((a, i) => a.at - (attempts[i]?.at ?? 0));
    // initial 100 ms, coefficient 2: 100, 200, 400 ms
    expect(gaps[0]).toBeGreaterThanOrEqual(90);
    expect(gaps[1]).toBeGreaterThanOrEqual(190);
    expect(gaps[2]).toBeGreaterThanOrEqual(390);
    expect(gaps[2]).toBeLessThan(1500);
  });

  it('stops at maximum attempts and fails the activity', async () => {
    const workflowId = uniqueId('maxattempts');
    const handle = await env.client.workflow.start(retryWorkflow, { taskQueue, workflowId, args: [10, 3] });
    await expect(handle.result()).rejects.toThrow('Workflow execution failed');
    expect((attemptLog.get(workflowId) ?? []).map((a) => a.attempt)).toEqual([1, 2, 3]);
  });

  it('does not retry non-retryable error types or non-retryable failures', async () => {
    const byType = uniqueId('nonretryable-type');
    await expect(env.client.workflow.execute(retryWorkflow, { taskQueue, workflowId: byType, args: [10, 10, ['Flaky']] })).rejects.toThrow();
    expect(attemptLog.get(byType)).toHaveLength(1);
    const flagged = uniqueId('nonretryable-flag');
    expect(await env.client.workflow.execute(nonRetryableWorkflow, { taskQueue, workflowId: flagged })).toBe('Permanent:non-retryable');
    expect(attemptLog.get(flagged)).toHaveLength(1);
  });

  it('times out attempts after start-to-close and reports the retry state', async () => {
    const result = await env.client.workflow.execute(activityTimeoutWorkflow, { taskQueue, workflowId: uniqueId('s2c') });
    expect(result).toBe('TimeoutFailure:MAXIMUM_ATTEMPTS_REACHED');
  });

  it('hands heartbeat details of a timed-out attempt to the next attempt', async () => {
    expect(await env.client.workflow.execute(heartbeatWorkflow, { taskQueue, workflowId: uniqueId('hb') })).toBe(72);
  });

  it('times out an attempt that does not heartbeat within the heartbeat timeout (TIMEOUT_TYPE_HEARTBEAT) and retries it', async () => {
    const workflowId = uniqueId('hbsilent');
    const handle = await env.client.workflow.start(silentActivityWorkflow, { taskQueue, workflowId, args: [workflowId] });
    expect(await handle.result()).toBe('HEARTBEAT:MAXIMUM_ATTEMPTS_REACHED');
    const attempts = attemptLog.get(workflowId) ?? [];
    expect(attempts.map((a) => a.attempt)).toEqual([1, 2]);
    // The retry came one heartbeat timeout (1 s) plus the backoff after attempt 1, not after start-to-close (20 s).
    const gap = (attempts[1]?.at ?? 0) - (attempts[0]?.at ?? 0);
    expect(gap).toBeGreaterThanOrEqual(900);
    expect(gap).toBeLessThan(5000);
    const events = (await handle.fetchHistory()).events ?? [];
    const { TIMEOUT_TYPE_HEARTBEAT } = temporal.api.enums.v1.TimeoutType;
    // Only the last attempt's started event is written; it carries the previous attempt's timeout.
    const started = events.flatMap((e) => (e.activityTaskStartedEventAttributes ? [e.activityTaskStartedEventAttributes] : []));
    expect(started.map((a) => a.attempt)).toEqual([2]);
    expect(started[0]?.lastFailure?.timeoutFailureInfo?.timeoutType).toBe(TIMEOUT_TYPE_HEARTBEAT);
    const timedOut = events.find((e) => e.activityTaskTimedOutEventAttributes)?.activityTaskTimedOutEventAttributes;
    expect(timedOut?.failure?.timeoutFailureInfo?.timeoutType).toBe(TIMEOUT_TYPE_HEARTBEAT);
    expect(timedOut?.retryState).toBe(temporal.api.enums.v1.RetryState.RETRY_STATE_MAXIMUM_ATTEMPTS_REACHED);
  });

  it('keeps a heartbeating attempt alive past its heartbeat timeout', async () => {
    // 7 s of work under a 3 s heartbeat timeout, one attempt allowed: each heartbeat extends it
    // (the SDK sends one at most every 80 % of the timeout, 2.4 s).
    expect(await env.client.workflow.execute(heartbeatKeepsAliveWorkflow, { taskQueue, workflowId: uniqueId('hbalive'), args: [7000] })).toBe(1);
  });

  it('delivers cancellation to a heartbeating activity', async () => {
    const handle = await env.client.workflow.start(cancelActivityWorkflow, { taskQueue, workflowId: uniqueId('actcancel') });
    expect(await handle.result()).toBe('cancelled');
    const history = await handle.fetchHistory();
    const types = (history.events ?? []).map((e) => e.activityTaskCanceledEventAttributes ?? e.activityTaskCancelRequestedEventAttributes).filter(Boolean);
    expect(types).toHaveLength(2);
  });

  it('times out an activity nobody picks up (schedule-to-start) without retrying', async () => {
    expect(await env.client.workflow.execute(scheduleToStartWorkflow, { taskQueue, workflowId: uniqueId('s2s') })).toBe(
      'SCHEDULE_TO_START:NON_RETRYABLE_FAILURE',
    );
  });

  it('stops retrying when the schedule-to-close budget is spent', async () => {
    const started = Date.now();
    expect(await env.client.workflow.execute(scheduleToCloseWorkflow, { taskQueue, workflowId: uniqueId('sched2close') })).toBe('timeout:TIMEOUT');
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('describes a running activity as pending and started', async () => {
    const handle = await env.client.workflow.start(slowActivityWorkflow, { taskQueue, workflowId: uniqueId('describe'), args: [1500] });
    let pending: unknown[] = [];
    for (let i = 0; i < 50 && pending.length === 0; i++) {
      const description = await handle.describe();
      pending = (description.raw.pendingActivities ?? []).filter((a) => a.state === temporal.api.enums.v1.PendingActivityState.PENDING_ACTIVITY_STATE_STARTED);
      if (pending.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(pending).toHaveLength(1);
    expect(await handle.result()).toBe('done');
    expect((await handle.describe()).raw.pendingActivities ?? []).toHaveLength(0);
  });

  it('records local activities as markers and retries them', async () => {
    const handle = await env.client.workflow.start(localActivityWorkflow, { taskQueue, workflowId: uniqueId('local') });
    expect(await handle.result()).toBe('Hello, local! succeeded on attempt 3');
    const markers = ((await handle.fetchHistory()).events ?? []).filter((e) => e.markerRecordedEventAttributes);
    expect(markers).toHaveLength(2);
  });

  it('keeps a workflow task alive while a local activity outlives the task timeout', async () => {
    const handle = await env.client.workflow.start(longLocalActivityWorkflow, {
      taskQueue,
      workflowId: uniqueId('lalong'),
      args: [2500],
      workflowTaskTimeout: '1s',
    });
    expect(await handle.result()).toBe('local done');
    const events = (await handle.fetchHistory()).events ?? [];
    expect(events.filter((e) => e.workflowTaskTimedOutEventAttributes)).toHaveLength(0);
    expect(events.filter((e) => e.workflowTaskCompletedEventAttributes).length).toBeGreaterThanOrEqual(3);
  });
});
