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
});
