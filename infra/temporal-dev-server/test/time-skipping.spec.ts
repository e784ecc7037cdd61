import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { createWorker, startTimeSkippingEnv, testWorkflowBundle, uniqueId } from './harness';
import { countQuery, greetWorkflow, longSleepWorkflow, signalQueryWorkflow, unblockSignal } from './workflows';

const DAY_MS = 24 * 3600_000;

describe('time skipping (createTimeSkipping with the bin)', () => {
  let env: TestWorkflowEnvironment;
  let worker: Worker;
  let running: Promise<void>;
  const taskQueue = uniqueId('skip');

  beforeAll(async () => {
    [env] = await Promise.all([startTimeSkippingEnv(), testWorkflowBundle()]);
    worker = await createWorker(env, taskQueue);
    running = worker.run();
  });
  afterAll(async () => {
    worker?.shutdown();
    await running;
    await env?.teardown();
  });

  it('lets 3 days of workflow time pass in a few seconds of wall time', async () => {
    const wallStart = Date.now();
    const serverStart = await env.currentTimeMs();
    const elapsed = await env.client.workflow.execute(longSleepWorkflow, { taskQueue, workflowId: uniqueId('days'), args: [3] });
    const wall = Date.now() - wallStart;
    expect(elapsed).toBeGreaterThanOrEqual(3 * DAY_MS);
    expect((await env.currentTimeMs()) - serverStart).toBeGreaterThanOrEqual(3 * DAY_MS);
    expect(wall).toBeLessThan(5000);
  });

  it('keeps time locked outside result() and moves it with env.sleep', async () => {
    const before = await env.currentTimeMs();
    const handle = await env.client.workflow.start(longSleepWorkflow, { taskQueue, workflowId: uniqueId('locked'), args: [1] });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await env.currentTimeMs()) - before).toBeLessThan(60_000);
    await env.sleep(2 * DAY_MS);
    expect((await env.currentTimeMs()) - before).toBeGreaterThanOrEqual(2 * DAY_MS);
    expect(await handle.result()).toBeGreaterThanOrEqual(DAY_MS);
  });

  it('does not skip while a workflow waits only on a signal, and still runs activities', async () => {
    const handle = await env.client.workflow.start(signalQueryWorkflow, { taskQueue, workflowId: uniqueId('signal') });
    expect(await handle.query(countQuery)).toBe(0);
    await handle.signal(unblockSignal);
    expect(await handle.result()).toBe(0);
    expect(await env.client.workflow.execute(greetWorkflow, { taskQueue, workflowId: uniqueId('greet'), args: ['skip'] })).toBe('Hello, skip!');
  });

  it('skips time for concurrent result() calls on several workflows', async () => {
    const handles = await Promise.all(
      [1, 2].map((days) => env.client.workflow.start(longSleepWorkflow, { taskQueue, workflowId: uniqueId('concurrent'), args: [days] })),
    );
    const [one, two] = await Promise.all(handles.map((h) => h.result()));
    expect(one).toBeGreaterThanOrEqual(DAY_MS);
    expect(two).toBeGreaterThanOrEqual(2 * DAY_MS);
  });
});
