import {
  ActivityFailure,
  ApplicationFailure,
  CancellationScope,
  ChildWorkflowFailure,
  condition,
  continueAsNew,
  defineQuery,
  defineSignal,
  defineUpdate,
  executeChild,
  getExternalWorkflowHandle,
  isCancellation,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  sleep,
  startChild,
  TimeoutFailure,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { TestActivities } from '../activities';

const quick = proxyActivities<TestActivities>({ startToCloseTimeout: '10s' });

export const unblockSignal = defineSignal('unblock');
export const incrementSignal = defineSignal<[number]>('increment');
export const countQuery = defineQuery<number>('count');
export const failingQuery = defineQuery<number>('failing');
export const addUpdate = defineUpdate<number, [number]>('add');

/** One activity, then done. */
export async function greetWorkflow(name: string): Promise<string> {
  return await quick.greet(name);
}

/** Activity that fails until `succeedOnAttempt`; returns the attempt numbers seen. */
export async function retryWorkflow(succeedOnAttempt: number, maximumAttempts: number, nonRetryableTypes: string[] = []): Promise<string> {
  const acts = proxyActivities<TestActivities>({
    startToCloseTimeout: '10s',
    retry: { initialInterval: '100ms', backoffCoefficient: 2, maximumAttempts, nonRetryableErrorTypes: nonRetryableTypes },
  });
  return await acts.flaky(workflowInfo().workflowId, succeedOnAttempt);
}

/** Activity that throws a non-retryable ApplicationFailure. */
export async function nonRetryableWorkflow(): Promise<string> {
  const acts = proxyActivities<TestActivities>({ startToCloseTimeout: '10s', retry: { initialInterval: '50ms', maximumAttempts: 5 } });
  try {
    return await acts.failHard(workflowInfo().workflowId);
  } catch (error) {
    if (error instanceof ActivityFailure && error.cause instanceof ApplicationFailure) {
      return `${error.cause.type ?? ''}:${error.cause.nonRetryable ? 'non-retryable' : 'retryable'}`;
    }
    throw error;
  }
}

/** Activity that outlives its start-to-close timeout on every attempt. */
export async function activityTimeoutWorkflow(): Promise<string> {
  const acts = proxyActivities<TestActivities>({ startToCloseTimeout: '300ms', retry: { initialInterval: '50ms', maximumAttempts: 2 } });
  try {
    await acts.slow(2000);
    return 'completed';
  } catch (error) {
    if (error instanceof ActivityFailure) return `${error.cause?.name ?? ''}:${String(error.retryState)}`;
    throw error;
  }
}

/** Heartbeating activity that misses its heartbeat timeout on attempt 1 and resumes from the details on attempt 2. */
export async function heartbeatWorkflow(): Promise<number> {
  const acts = proxyActivities<TestActivities>({
    startToCloseTimeout: '20s',
    heartbeatTimeout: '500ms',
    retry: { initialInterval: '50ms', maximumAttempts: 3 },
  });
  return await acts.resumeFromHeartbeat();
}

/** An activity that heartbeats for longer than its heartbeat timeout: every heartbeat extends the attempt. */
export async function heartbeatKeepsAliveWorkflow(ms: number): Promise<number> {
  const acts = proxyActivities<TestActivities>({ startToCloseTimeout: '20s', heartbeatTimeout: '3s', retry: { maximumAttempts: 1 } });
  return await acts.heartbeatFor(ms, 100);
}

/** An activity that never heartbeats: every attempt times out after the heartbeat timeout, long before start-to-close. */
export async function silentActivityWorkflow(workflowId: string): Promise<string> {
  const acts = proxyActivities<TestActivities>({ startToCloseTimeout: '20s', heartbeatTimeout: '1s', retry: { initialInterval: '50ms', maximumAttempts: 2 } });
  try {
    await acts.silent(workflowId, 3000);
    return 'completed';
  } catch (error) {
    if (error instanceof ActivityFailure && error.cause instanceof TimeoutFailure) return `${error.cause.timeoutType}:${String(error.retryState)}`;
    throw error;
  }
}

/** Starts a heartbeating activity and cancels it. */
export async function cancelActivityWorkflow(): Promise<string> {
  const acts = proxyActivities<TestActivities>({ startToCloseTimeout: '20s', heartbeatTimeout: '2s', cancellationType: 'WAIT_CANCELLATION_COMPLETED' });
  try {
    await CancellationScope.cancellable(async () => {
      const pending = acts.waitForCancel();
      await sleep(300);
      CancellationScope.current().cancel();
      await pending;
    });
    return 'not cancelled';
  } catch (error) {
    if (isCancellation(error)) return 'cancelled';
    throw error;
  }
}

/** Waits for the unblock signal; counts increments; answers queries. */
export async function signalQueryWorkflow(): Promise<number> {
  let count = 0;
  let unblocked = false;
  setHandler(incrementSignal, (by) => {
    count += by;
  });
  setHandler(unblockSignal, () => {
    unblocked = true;
  });
  setHandler(countQuery, () => count);
  setHandler(failingQuery, () => {
    throw new Error('query refused');
  });
  await condition(() => unblocked);
  return count;
}

/** Update handler with a validator; completes on unblock. */
export async function updateWorkflow(): Promise<number> {
  let total = 0;
  let unblocked = false;
  setHandler(
    addUpdate,
    async (value) => {
      total += value;
      await sleep(10);
      return total;
    },
    {
      validator: (value) => {
        if (value < 0) throw new Error('negative values are rejected');
      },
    },
  );
  setHandler(unblockSignal, () => {
    unblocked = true;
  });
  setHandler(countQuery, () => total);
  await condition(() => unblocked);
  return total;
}

/** Continues as new `remaining` times, accumulating the run count. */
export async function continueAsNewWorkflow(remaining: number, runs = 1): Promise<string> {
  if (remaining > 0) {
    await continueAsNew<typeof continueAsNewWorkflow>(remaining - 1, runs + 1);
  }
  return `runs=${runs} continued=${workflowInfo().continuedFromExecutionRunId ? 'yes' : 'no'}`;
}

/** Child that returns or fails. */
export async function childWorkflow(mode: 'ok' | 'fail', value: string): Promise<string> {
  if (mode === 'fail') throw ApplicationFailure.create({ message: `child failed: ${value}`, type: 'ChildError', nonRetryable: true });
  return `child:${value}`;
}

/** Runs children and reports their results and failures. */
export async function parentWorkflow(): Promise<string[]> {
  const results: string[] = [];
  results.push(await executeChild(childWorkflow, { args: ['ok', 'a'], workflowId: `${workflowInfo().workflowId}-child-ok` }));
  try {
    await executeChild(childWorkflow, { args: ['fail', 'b'], workflowId: `${workflowInfo().workflowId}-child-fail` });
  } catch (error) {
    if (error instanceof ChildWorkflowFailure && error.cause instanceof ApplicationFailure)
      results.push(`failed:${error.cause.type ?? ''}:${error.cause.message}`);
    else throw error;
  }
  try {
    await executeChild(childWorkflow, { args: ['ok', 'dup'], workflowId: `${workflowInfo().workflowId}-child-ok`, workflowIdReusePolicy: 'REJECT_DUPLICATE' });
  } catch (error) {
    results.push(`start-failed:${(error as Error).name}`);
  }
  return results;
}

/** Starts a long-running child and completes, leaving the parent-close policy to act. */
export async function abandoningParentWorkflow(policy: 'TERMINATE' | 'ABANDON' | 'REQUEST_CANCEL'): Promise<string> {
  const child = await startChild(signalQueryWorkflow, { workflowId: `${workflowInfo().workflowId}-child`, parentClosePolicy: policy });
  return child.workflowId;
}

/** Signals and cancels other workflows by id. */
export async function externalWorkflow(targetId: string): Promise<string> {
  const target = getExternalWorkflowHandle(targetId);
  await target.signal(incrementSignal, 5);
  await target.signal(unblockSignal);
  try {
    await getExternalWorkflowHandle(`${targetId}-missing`).signal(unblockSignal);
    return 'missing target signalled?';
  } catch (error) {
    return `signalled; missing: ${(error as Error).message}`;
  }
}

/** Cancels another workflow by id. */
export async function cancelExternalWorkflow(targetId: string): Promise<string> {
  await getExternalWorkflowHandle(targetId).cancel();
  return 'cancel requested';
}

/** Waits for cancellation and completes as cancelled after cleanup. */
export async function cancellableWorkflow(): Promise<string> {
  try {
    await sleep('1 day');
    return 'slept';
  } catch (error) {
    if (isCancellation(error)) {
      await CancellationScope.nonCancellable(() => quick.greet('cleanup'));
      throw error;
    }
    throw error;
  }
}

/** Sleeps for days of workflow time. */
export async function longSleepWorkflow(days: number): Promise<number> {
  const start = Date.now();
  for (let day = 0; day < days; day++) await sleep('1 day');
  return Date.now() - start;
}

/** Activity then timer then activity: used for the worker restart test. */
export async function restartWorkflow(): Promise<string> {
  const first = await quick.greet('first');
  await condition(() => false, '1500ms');
  const second = await quick.greet('second');
  return `${first}|${second}`;
}

/** Upserts search attributes and memo-visible state. */
export async function searchAttributesWorkflow(): Promise<string> {
  upsertSearchAttributes({ CustomKeywordField: ['upserted'], CustomIntField: [42] });
  await sleep(10);
  return 'done';
}

/** Fails the workflow (used with a workflow retry policy). */
export async function failingWorkflow(): Promise<string> {
  const attempt = workflowInfo().attempt;
  if (attempt < 3) throw ApplicationFailure.create({ message: `attempt ${attempt} failed` });
  return `succeeded on attempt ${attempt}`;
}

/** Throws a non-deterministic-looking bug on first task attempt only to exercise task retries. */
export async function blockingWorkflow(): Promise<string> {
  await condition(() => false);
  return 'never';
}

/** Fails its first two workflow task attempts: the history grows with every attempt. */
export async function flakyTaskWorkflow(): Promise<number> {
  const length = workflowInfo().historyLength;
  if (length < 9) throw new Error(`workflow task failure at history length ${length}`);
  return length;
}

/** Schedules an activity on a queue nobody polls: it must time out schedule-to-start. */
export async function scheduleToStartWorkflow(): Promise<string> {
  const acts = proxyActivities<TestActivities>({ taskQueue: `${workflowInfo().taskQueue}-nobody`, scheduleToStartTimeout: '300ms', startToCloseTimeout: '5s' });
  try {
    await acts.greet('nobody');
    return 'completed';
  } catch (error) {
    if (error instanceof ActivityFailure && error.cause instanceof TimeoutFailure) return `${error.cause.timeoutType}:${String(error.retryState)}`;
    throw error;
  }
}

/** Retries a slow activity until its schedule-to-close budget runs out. */
export async function scheduleToCloseWorkflow(): Promise<string> {
  const acts = proxyActivities<TestActivities>({
    scheduleToCloseTimeout: '900ms',
    startToCloseTimeout: '200ms',
    retry: { initialInterval: '50ms', backoffCoefficient: 1 },
  });
  try {
    await acts.slow(1000);
    return 'completed';
  } catch (error) {
    if (error instanceof ActivityFailure && error.cause instanceof TimeoutFailure) return `timeout:${String(error.retryState)}`;
    throw error;
  }
}

/** Starts a child and cancels it; reports how the child ended. */
export async function cancelChildWorkflow(): Promise<string> {
  try {
    await CancellationScope.cancellable(async () => {
      const child = executeChild(cancellableWorkflow, { workflowId: `${workflowInfo().workflowId}-child` });
      await sleep(200);
      CancellationScope.current().cancel();
      await child;
    });
    return 'child completed';
  } catch (error) {
    if (error instanceof ChildWorkflowFailure && isCancellation(error.cause)) return 'child cancelled';
    if (isCancellation(error)) return 'cancelled';
    throw error;
  }
}

/** Runs one slow activity. */
export async function slowActivityWorkflow(ms: number): Promise<string> {
  await quick.slow(ms);
  return 'done';
}

/** Runs local activities, one of which retries through a local backoff. */
export async function localActivityWorkflow(): Promise<string> {
  const local = proxyLocalActivities<TestActivities>({ startToCloseTimeout: '5s', retry: { initialInterval: '50ms', maximumAttempts: 5 } });
  const greeting = await local.greet('local');
  const retried = await local.flaky(`${workflowInfo().workflowId}-local`, 3);
  return `${greeting} ${retried}`;
}

/** A local activity that outlives the workflow task timeout: the worker heartbeats the task. */
export async function longLocalActivityWorkflow(ms: number): Promise<string> {
  const local = proxyLocalActivities<TestActivities>({ startToCloseTimeout: '10s' });
  await local.slow(ms);
  return 'local done';
}
