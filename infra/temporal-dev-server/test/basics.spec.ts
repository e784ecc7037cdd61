import { temporal } from '@temporalio/proto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { startLocalEnv, testWorkflowBundle, uniqueId, withWorker } from './harness';
import { greetWorkflow } from './workflows';

describe('dev server basics (createLocal)', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    [env] = await Promise.all([startLocalEnv(), testWorkflowBundle()]);
  });
  afterAll(async () => {
    await env?.teardown();
  });

  it('answers GetSystemInfo and runs a workflow with one activity to completion', async () => {
    const taskQueue = uniqueId('basics');
    const result = await withWorker(env, taskQueue, () =>
      env.client.workflow.execute(greetWorkflow, { taskQueue, workflowId: uniqueId('greet'), args: ['Ketenregie'] }),
    );
    expect(result).toBe('Hello, Ketenregie!');
    const description = await env.client.workflowService.describeTaskQueue({
      namespace: env.namespace ?? 'default',
      taskQueue: { name: taskQueue },
      taskQueueType: temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
    });
    expect(description.pollers?.length).toBeGreaterThan(0);
  });

  it("hands a new workflow task to a poll that was already waiting, started under that poll's identity", async () => {
    const namespace = env.namespace ?? 'default';
    const taskQueue = uniqueId('waiting-poll');
    const { EventType } = temporal.api.enums.v1;
    const poll = env.client.workflowService.pollWorkflowTaskQueue({ namespace, taskQueue: { name: taskQueue }, identity: 'waiting-worker' });
    // Let the poll arrive first; a poll that arrives later takes the queued task the same way.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const handle = await env.client.workflow.start('anyWorkflow', { taskQueue, workflowId: uniqueId('handed') });
    const task = await poll;
    expect(task.workflowExecution?.runId).toBe(handle.firstExecutionRunId);
    const events = task.history?.events ?? [];
    expect(events.map((e) => e.eventType)).toEqual([
      EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED,
      EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED,
      EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED,
    ]);
    expect(events[2]?.workflowTaskStartedEventAttributes?.identity).toBe('waiting-worker');
    expect(Number(task.startedEventId)).toBe(3);

    await env.client.workflowService.respondWorkflowTaskCompleted({
      namespace,
      taskToken: task.taskToken,
      identity: 'waiting-worker',
      commands: [{ commandType: temporal.api.enums.v1.CommandType.COMMAND_TYPE_COMPLETE_WORKFLOW_EXECUTION, completeWorkflowExecutionCommandAttributes: {} }],
    });
    await handle.result();
    const history = await handle.fetchHistory();
    expect(history.events?.map((e) => e.eventType)).toEqual([
      EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED,
      EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED,
      EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED,
      EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED,
      EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED,
    ]);
  });
});
