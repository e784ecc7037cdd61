import { WithStartWorkflowOperation, WorkflowFailedError, WorkflowUpdateFailedError, QueryNotRegisteredError } from '@temporalio/client';
import {
  defineSearchAttributeKey,
  SearchAttributeType,
  ApplicationFailure,
  CancelledFailure,
  TerminatedFailure,
  TimeoutFailure,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
} from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { createWorker, startLocalEnv, testWorkflowBundle, uniqueId } from './harness';
import {
  abandoningParentWorkflow,
  addUpdate,
  blockingWorkflow,
  cancelExternalWorkflow,
  cancellableWorkflow,
  cancelChildWorkflow,
  continueAsNewWorkflow,
  countQuery,
  externalWorkflow,
  failingQuery,
  failingWorkflow,
  flakyTaskWorkflow,
  incrementSignal,
  parentWorkflow,
  searchAttributesWorkflow,
  signalQueryWorkflow,
  unblockSignal,
  updateWorkflow,
} from './workflows';

const regio = defineSearchAttributeKey('Regio', SearchAttributeType.KEYWORD);

describe('workflow lifecycle through the real client and worker', () => {
  let env: TestWorkflowEnvironment;
  let worker: Worker;
  let running: Promise<void>;
  const taskQueue = uniqueId('lifecycle');

  beforeAll(async () => {
    [env] = await Promise.all([startLocalEnv({ searchAttributes: [regio] }), testWorkflowBundle()]);
    worker = await createWorker(env, taskQueue);
    running = worker.run();
  });
  afterAll(async () => {
    worker?.shutdown();
    await running;
    await env?.teardown();
  });

  it('rejects a second start with the same workflow id as WorkflowExecutionAlreadyStarted', async () => {
    const workflowId = uniqueId('dup');
    const first = await env.client.workflow.start(signalQueryWorkflow, { taskQueue, workflowId });
    await expect(env.client.workflow.start(signalQueryWorkflow, { taskQueue, workflowId })).rejects.toBeInstanceOf(WorkflowExecutionAlreadyStartedError);
    const existing = await env.client.workflow.start(signalQueryWorkflow, { taskQueue, workflowId, workflowIdConflictPolicy: 'USE_EXISTING' });
    expect(existing.firstExecutionRunId).toBe(first.firstExecutionRunId);
    await first.signal(unblockSignal);
    await first.result();
    await expect(env.client.workflow.start(signalQueryWorkflow, { taskQueue, workflowId, workflowIdReusePolicy: 'REJECT_DUPLICATE' })).rejects.toBeInstanceOf(
      WorkflowExecutionAlreadyStartedError,
    );
    const again = await env.client.workflow.start(signalQueryWorkflow, { taskQueue, workflowId });
    expect(again.firstExecutionRunId).not.toBe(first.firstExecutionRunId);
    await again.terminate('done');
  });

  it('delivers signals and answers queries through query-only tasks, including failing handlers', async () => {
    const handle = await env.client.workflow.start(signalQueryWorkflow, { taskQueue, workflowId: uniqueId('signals') });
    await handle.signal(incrementSignal, 2);
    await handle.signal(incrementSignal, 3);
    expect(await handle.query(countQuery)).toBe(5);
    await expect(handle.query(failingQuery)).rejects.toBeInstanceOf(QueryNotRegisteredError);
    await handle.signal(unblockSignal);
    expect(await handle.result()).toBe(5);
    expect(await handle.query(countQuery)).toBe(5);
  });

  it('answers a query attached to a pending workflow task', async () => {
    const otherQueue = uniqueId('attached');
    const handle = await env.client.workflow.start(signalQueryWorkflow, { taskQueue: otherQueue, workflowId: uniqueId('attached') });
    const answer = handle.query(countQuery);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const late = await createWorker(env, otherQueue);
    const result = await late.runUntil(async () => {
      const value = await answer;
      await handle.signal(unblockSignal);
      await handle.result();
      return value;
    });
    expect(result).toBe(0);
  });

  it('signal-with-start starts once and signals the running execution afterwards', async () => {
    const workflowId = uniqueId('sws');
    const first = await env.client.workflow.signalWithStart(signalQueryWorkflow, { taskQueue, workflowId, signal: incrementSignal, signalArgs: [1] });
    const second = await env.client.workflow.signalWithStart(signalQueryWorkflow, { taskQueue, workflowId, signal: incrementSignal, signalArgs: [10] });
    expect(second.signaledRunId).toBe(first.signaledRunId);
    await first.signal(unblockSignal);
    expect(await first.result()).toBe(11);
  });

  it('accepts valid updates and rejects those the validator refuses', async () => {
    const handle = await env.client.workflow.start(updateWorkflow, { taskQueue, workflowId: uniqueId('update') });
    expect(await handle.executeUpdate(addUpdate, { args: [5] })).toBe(5);
    const started = await handle.startUpdate(addUpdate, { args: [2], waitForStage: 'ACCEPTED' });
    expect(await started.result()).toBe(7);
    await expect(handle.executeUpdate(addUpdate, { args: [-1] })).rejects.toBeInstanceOf(WorkflowUpdateFailedError);
    expect(await handle.query(countQuery)).toBe(7);
    await handle.signal(unblockSignal);
    expect(await handle.result()).toBe(7);
    const history = await handle.fetchHistory();
    const { EventType } = temporal.api.enums.v1;
    const types = history.events?.map((e) => e.eventType) ?? [];
    expect(types.filter((t) => t === EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED)).toHaveLength(2);
    expect(types.filter((t) => t === EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED)).toHaveLength(2);
  });

  it('follows a continue-as-new chain to the final result', async () => {
    const handle = await env.client.workflow.start(continueAsNewWorkflow, { taskQueue, workflowId: uniqueId('can'), args: [3] });
    expect(await handle.result()).toBe('runs=4 continued=yes');
    const firstRun = env.client.workflow.getHandle(handle.workflowId, handle.firstExecutionRunId);
    expect((await firstRun.describe()).status.name).toBe('CONTINUED_AS_NEW');
    const latest = env.client.workflow.getHandle(handle.workflowId);
    expect((await latest.describe()).status.name).toBe('COMPLETED');
  });

  it('cancels a workflow, which runs its cleanup and closes as cancelled', async () => {
    const handle = await env.client.workflow.start(cancellableWorkflow, { taskQueue, workflowId: uniqueId('cancel') });
    await handle.query(countQuery).catch(() => undefined);
    await handle.cancel();
    const error = await handle.result().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkflowFailedError);
    expect((error as WorkflowFailedError).cause).toBeInstanceOf(CancelledFailure);
    expect((await handle.describe()).status.name).toBe('CANCELLED');
    const events = (await handle.fetchHistory()).events ?? [];
    expect(events.filter((e) => e.timerCanceledEventAttributes)).toHaveLength(1);
    expect(events.filter((e) => e.workflowExecutionCancelRequestedEventAttributes)).toHaveLength(1);
  });

  it('terminates a workflow and reports the reason', async () => {
    const handle = await env.client.workflow.start(blockingWorkflow, { taskQueue, workflowId: uniqueId('terminate') });
    await handle.terminate('stop now');
    const error = await handle.result().catch((e: unknown) => e);
    expect((error as WorkflowFailedError).cause).toBeInstanceOf(TerminatedFailure);
    expect((error as WorkflowFailedError).message).toBe('stop now');
    await expect(handle.signal(unblockSignal)).rejects.toBeInstanceOf(WorkflowNotFoundError);
  });

  it('times out a run that exceeds its run timeout', async () => {
    const handle = await env.client.workflow.start(blockingWorkflow, { taskQueue, workflowId: uniqueId('timeout'), workflowRunTimeout: '1s' });
    const error = await handle.result().catch((e: unknown) => e);
    expect((error as WorkflowFailedError).cause).toBeInstanceOf(TimeoutFailure);
    expect((await handle.describe()).status.name).toBe('TIMED_OUT');
  });

  it('retries a failing workflow per its retry policy', async () => {
    const handle = await env.client.workflow.start(failingWorkflow, {
      taskQueue,
      workflowId: uniqueId('wfretry'),
      retry: { initialInterval: '100ms', maximumAttempts: 5 },
    });
    expect(await handle.result()).toBe('succeeded on attempt 3');
  });

  it('delivers child results and failures and reports a refused child start', async () => {
    const result = await env.client.workflow.execute(parentWorkflow, { taskQueue, workflowId: uniqueId('parent') });
    expect(result).toEqual(['child:a', 'failed:ChildError:child failed: b', 'start-failed:WorkflowExecutionAlreadyStartedError']);
  });

  it('applies the parent-close policy to children', async () => {
    const terminated = await env.client.workflow.execute(abandoningParentWorkflow, { taskQueue, workflowId: uniqueId('pcp-t'), args: ['TERMINATE'] });
    const abandoned = await env.client.workflow.execute(abandoningParentWorkflow, { taskQueue, workflowId: uniqueId('pcp-a'), args: ['ABANDON'] });
    const terminatedChild = env.client.workflow.getHandle(terminated);
    await expect(terminatedChild.result()).rejects.toBeInstanceOf(WorkflowFailedError);
    expect((await terminatedChild.describe()).status.name).toBe('TERMINATED');
    const abandonedChild = env.client.workflow.getHandle(abandoned);
    expect((await abandonedChild.describe()).status.name).toBe('RUNNING');
    await abandonedChild.signal(unblockSignal);
    expect(await abandonedChild.result()).toBe(0);
  });

  it('signals and cancels external workflows', async () => {
    const target = await env.client.workflow.start(signalQueryWorkflow, { taskQueue, workflowId: uniqueId('ext-target') });
    const outcome = await env.client.workflow.execute(externalWorkflow, { taskQueue, workflowId: uniqueId('ext'), args: [target.workflowId] });
    expect(outcome).toBe('signalled; missing: Unable to signal external workflow because it was not found');
    expect(await target.result()).toBe(5);
    const victim = await env.client.workflow.start(cancellableWorkflow, { taskQueue, workflowId: uniqueId('ext-victim') });
    await env.client.workflow.execute(cancelExternalWorkflow, { taskQueue, workflowId: uniqueId('ext-cancel'), args: [victim.workflowId] });
    const error = await victim.result().catch((e: unknown) => e);
    expect((error as WorkflowFailedError).cause).toBeInstanceOf(CancelledFailure);
  });

  it('keeps memo and upserted search attributes visible in describe', async () => {
    const handle = await env.client.workflow.start(searchAttributesWorkflow, {
      taskQueue,
      workflowId: uniqueId('sa'),
      memo: { team: 'regie' },
      searchAttributes: { CustomKeywordField: ['initial'] },
    });
    await handle.result();
    const description = await handle.describe();
    expect(description.memo).toEqual({ team: 'regie' });
    expect(description.searchAttributes['CustomKeywordField']).toEqual(['upserted']);
    expect(description.searchAttributes['CustomIntField']).toEqual([42]);
  });

  it('reports failures as ApplicationFailure through WorkflowFailedError', async () => {
    const handle = await env.client.workflow.start(failingWorkflow, { taskQueue, workflowId: uniqueId('fail') });
    const error = await handle.result().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkflowFailedError);
    expect((error as WorkflowFailedError).cause).toBeInstanceOf(ApplicationFailure);
    expect((error as WorkflowFailedError).cause?.message).toBe('attempt 1 failed');
  });

  it('retries failed workflow tasks, relying on the task timeout after the first reported failure', async () => {
    const handle = await env.client.workflow.start(flakyTaskWorkflow, { taskQueue, workflowId: uniqueId('wft'), workflowTaskTimeout: '1s' });
    expect(await handle.result()).toBe(9);
    const { EventType } = temporal.api.enums.v1;
    const types = ((await handle.fetchHistory()).events ?? []).map((e) => e.eventType);
    expect(types.slice(0, 9)).toEqual([
      EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED,
      EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED,
      EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED,
      EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED,
      EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED,
      EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED,
      EventType.EVENT_TYPE_WORKFLOW_TASK_TIMED_OUT,
      EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED,
      EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED,
    ]);
  });

  it('lists and counts executions by registered search attributes', async () => {
    const marker = uniqueId('regio');
    const handles = await Promise.all(
      ['noord', 'noord', 'zuid'].map((value) =>
        env.client.workflow.start(signalQueryWorkflow, {
          taskQueue,
          workflowId: uniqueId(marker),
          typedSearchAttributes: [{ key: regio, value: `${marker}-${value}` }],
        }),
      ),
    );
    const query = `Regio = "${marker}-noord" AND WorkflowType = "signalQueryWorkflow" AND ExecutionStatus = "Running"`;
    const listed: string[] = [];
    for await (const execution of env.client.workflow.list({ query })) listed.push(execution.workflowId);
    expect(listed.sort()).toEqual([handles[0]?.workflowId, handles[1]?.workflowId].sort());
    expect((await env.client.workflow.count(query)).count).toBe(2);
    const description = await handles[2]?.describe();
    expect(description?.typedSearchAttributes.get(regio)).toBe(`${marker}-zuid`);
    await Promise.all(handles.map((h) => h.terminate('done')));
    expect((await env.client.workflow.count(`Regio STARTS_WITH "${marker}" AND ExecutionStatus = "Terminated"`)).count).toBe(3);
  });

  it('cancels a child workflow from its parent', async () => {
    expect(await env.client.workflow.execute(cancelChildWorkflow, { taskQueue, workflowId: uniqueId('cancel-child') })).toBe('child cancelled');
  });

  it('update-with-start starts the workflow with the update, then updates the running execution', async () => {
    const workflowId = uniqueId('uws');
    const operation = () => new WithStartWorkflowOperation(updateWorkflow, { workflowId, taskQueue, workflowIdConflictPolicy: 'USE_EXISTING' });
    const firstStart = operation();
    expect(await env.client.workflow.executeUpdateWithStart(addUpdate, { args: [3], startWorkflowOperation: firstStart })).toBe(3);
    expect(await env.client.workflow.executeUpdateWithStart(addUpdate, { args: [4], startWorkflowOperation: operation() })).toBe(7);
    const handle = await firstStart.workflowHandle();
    await handle.signal(unblockSignal);
    expect(await handle.result()).toBe(7);
    await expect(
      env.client.workflow.executeUpdateWithStart(addUpdate, {
        args: [1],
        startWorkflowOperation: new WithStartWorkflowOperation(updateWorkflow, {
          workflowId,
          taskQueue,
          workflowIdConflictPolicy: 'FAIL',
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
        }),
      }),
    ).rejects.toBeInstanceOf(WorkflowExecutionAlreadyStartedError);
  });
});
