import { spawn } from 'node:child_process';
import * as path from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { createWorker, startLocalEnv, testWorkflowBundle, uniqueId } from './harness';
import { incrementSignal, signalQueryWorkflow, unblockSignal } from './workflows';

describe('sticky queue fallback after a worker crash', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    [env] = await Promise.all([startLocalEnv(), testWorkflowBundle()]);
  });
  afterAll(async () => {
    await env?.teardown();
  });

  it('moves the task from the dead worker\'s sticky queue to the normal queue and replays there', async () => {
    const taskQueue = uniqueId('sticky');
    const handle = await env.client.workflow.start(signalQueryWorkflow, { taskQueue, workflowId: uniqueId('sticky') });
    const child = spawn(process.execPath, ['-r', '@swc-node/register', path.join(__dirname, 'crash-worker.ts'), env.address, taskQueue], {
      stdio: ['ignore', 'ignore', 'ignore'],
    });
    try {
      for (;;) {
        const history = await handle.fetchHistory();
        if ((history.events ?? []).some((e) => e.workflowTaskCompletedEventAttributes)) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      child.kill('SIGKILL');
    }
    await handle.signal(incrementSignal, 4);
    await handle.signal(unblockSignal);
    const survivor = await createWorker(env, taskQueue);
    const result = await survivor.runUntil(handle.result());
    expect(result).toBe(4);
    const scheduled = ((await handle.fetchHistory()).events ?? []).filter((e) => e.workflowTaskScheduledEventAttributes);
    expect(scheduled.at(-1)?.workflowTaskScheduledEventAttributes?.taskQueue?.name).toBe(taskQueue);
  }, 120_000);
});
