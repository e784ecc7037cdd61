import { spawn } from 'node:child_process';
import * as path from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { createWorker, startLocalEnv, testWorkflowBundle, testWorkflowBundlePath, uniqueId } from './harness';
import { incrementSignal, signalQueryWorkflow, unblockSignal } from './workflows';

describe('sticky queue fallback after a worker crash', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    [env] = await Promise.all([startLocalEnv(), testWorkflowBundle()]);
  });
  afterAll(async () => {
    await env?.teardown();
  });

  it("moves the task from the dead worker's sticky queue to the normal queue and replays there", async () => {
    const taskQueue = uniqueId('sticky');
    const handle = await env.client.workflow.start(signalQueryWorkflow, { taskQueue, workflowId: uniqueId('sticky') });
    const child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', path.join(__dirname, 'crash-worker.ts'), env.address, taskQueue, await testWorkflowBundlePath()],
      {
        stdio: ['ignore', 'ignore', 'ignore'],
      },
    );
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      for (;;) {
        const history = await handle.fetchHistory();
        if ((history.events ?? []).some((e) => e.workflowTaskCompletedEventAttributes)) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      child.kill('SIGKILL');
    }
    // Let the server see the dead connection first; a poll still open would take the task and
    // leave it to the workflow task timeout (as with a real server).
    await exited;
    await new Promise((resolve) => setTimeout(resolve, 300));
    await handle.signal(incrementSignal, 4);
    await handle.signal(unblockSignal);
    const survivor = await createWorker(env, taskQueue);
    const started = Date.now();
    const result = await survivor.runUntil(handle.result());
    expect(result).toBe(4);
    // Well below the 10 s workflow task timeout: the task moved after the 1 s sticky timeout.
    expect(Date.now() - started).toBeLessThan(8000);
    const scheduled = ((await handle.fetchHistory()).events ?? []).filter((e) => e.workflowTaskScheduledEventAttributes);
    expect(scheduled.at(-1)?.workflowTaskScheduledEventAttributes?.taskQueue?.name).toBe(taskQueue);
  }, 120_000);
});
