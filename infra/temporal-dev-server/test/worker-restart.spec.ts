import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { createWorker, startLocalEnv, testWorkflowBundle, uniqueId } from './harness';
import { restartWorkflow } from './workflows';

describe('worker restart in the middle of a workflow', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    [env] = await Promise.all([startLocalEnv(), testWorkflowBundle()]);
  });
  afterAll(async () => {
    await env?.teardown();
  });

  it('replays the history on a new worker and finishes the workflow', async () => {
    const taskQueue = uniqueId('restart');
    const handle = await env.client.workflow.start(restartWorkflow, { taskQueue, workflowId: uniqueId('restart') });
    const first = await createWorker(env, taskQueue);
    await first.runUntil(async () => {
      for (;;) {
        const history = await handle.fetchHistory();
        if ((history.events ?? []).some((e) => e.timerStartedEventAttributes)) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    });
    const second = await createWorker(env, taskQueue);
    const result = await second.runUntil(handle.result());
    expect(result).toBe('Hello, first!|Hello, second!');
    const history = await handle.fetchHistory();
    const ids = (history.events ?? []).map((e) => Number(e.eventId));
    expect(ids).toEqual(ids.map((_, i) => i + 1));
  });
});
