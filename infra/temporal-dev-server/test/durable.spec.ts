import { Client, Connection, WorkflowNotFoundError } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { createTestDatabase, type DisposableTestDatabase } from '@ketenregie/shared-testing';
import { activities } from './activities';
import { spawnDevServer, testWorkflowBundle, uniqueId, type SpawnedServer } from './harness';
import {
  addUpdate,
  continueAsNewWorkflow,
  countQuery,
  greetWorkflow,
  incrementSignal,
  parentWorkflow,
  restartWorkflow,
  retryWorkflow,
  signalQueryWorkflow,
  unblockSignal,
  updateWorkflow,
} from './workflows';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The server on the PostgreSQL store: a representative part of the conformance suite, then
 * kill -9 of the server with workflows in flight and a restart on the same database, then
 * retention, on a fresh database (`--database-url`). The embedded cluster of `--db-filename`
 * is the same PostgreSQL; its own start, lock and kill -9 are in single-server.spec.ts.
 */
describe('dev server on PostgreSQL', () => {
  let database: DisposableTestDatabase | undefined;
  let server: SpawnedServer;
  let connection: Connection;
  let client: Client;
  let nativeConnection: NativeConnection;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    const storeArgs = ['--database-url', database.url];
    [server] = await Promise.all([spawnDevServer([...storeArgs, '--retention', '8s']), testWorkflowBundle()]);
    connection = await Connection.connect({ address: server.address });
    client = new Client({ connection });
    nativeConnection = await NativeConnection.connect({ address: server.address });
  }, 120_000);

  afterAll(async () => {
    await nativeConnection?.close();
    await connection?.close();
    await server?.stop();
    await database?.dispose();
  }, 60_000);

  const worker = async (taskQueue: string) =>
    Worker.create({ connection: nativeConnection, taskQueue, workflowBundle: await testWorkflowBundle(), activities, stickyQueueScheduleToStartTimeout: '1s' });

  it('runs activities with retries, signals, queries, updates, children and continue-as-new', async () => {
    const taskQueue = uniqueId('pg-conformance');
    await (
      await worker(taskQueue)
    ).runUntil(async () => {
      const [greeting, retried, children, chain] = await Promise.all([
        client.workflow.execute(greetWorkflow, { taskQueue, workflowId: uniqueId('greet'), args: ['PostgreSQL'] }),
        client.workflow.execute(retryWorkflow, { taskQueue, workflowId: uniqueId('retry'), args: [3, 5] }),
        client.workflow.execute(parentWorkflow, { taskQueue, workflowId: uniqueId('parent') }),
        client.workflow.execute(continueAsNewWorkflow, { taskQueue, workflowId: uniqueId('can'), args: [2] }),
      ]);
      expect(greeting).toBe('Hello, PostgreSQL!');
      expect(retried).toContain('succeeded on attempt 3');
      expect(children[0]).toBe('child:a');
      expect(chain).toBe('runs=3 continued=yes');

      const signalled = await client.workflow.start(signalQueryWorkflow, { taskQueue, workflowId: uniqueId('signal') });
      await signalled.signal(incrementSignal, 2);
      await signalled.signal(incrementSignal, 3);
      expect(await signalled.query(countQuery)).toBe(5);
      await signalled.signal(unblockSignal);
      expect(await signalled.result()).toBe(5);

      const updated = await client.workflow.start(updateWorkflow, { taskQueue, workflowId: uniqueId('update') });
      expect(await updated.executeUpdate(addUpdate, { args: [4] })).toBe(4);
      await expect(updated.executeUpdate(addUpdate, { args: [-1] })).rejects.toMatchObject({
        message: 'Workflow Update failed',
        cause: { message: 'negative values are rejected' },
      });
      await updated.signal(unblockSignal);
      expect(await updated.result()).toBe(4);

      const listed: string[] = [];
      for await (const execution of client.workflow.list({ query: `WorkflowType = 'greetWorkflow' AND ExecutionStatus = 'Completed'` })) {
        listed.push(execution.workflowId);
      }
      expect(listed.length).toBeGreaterThanOrEqual(1);
    });
  }, 120_000);

  it('resumes every open workflow after kill -9 of the server: timers that passed while down fire, nothing lost or duplicated', async () => {
    const taskQueue = uniqueId('pg-crash');
    const w = await worker(taskQueue);
    const running = w.run();
    try {
      const timed = await client.workflow.start(restartWorkflow, { taskQueue, workflowId: uniqueId('crash-timer') });
      const signalled = await client.workflow.start(signalQueryWorkflow, { taskQueue, workflowId: uniqueId('crash-signal') });
      await signalled.signal(incrementSignal, 7);
      for (;;) {
        const history = await timed.fetchHistory();
        if ((history.events ?? []).some((e) => e.timerStartedEventAttributes)) break;
        await sleep(50);
      }
      await server.kill();
      await sleep(2000);
      await server.restart();
      await signalled.signal(incrementSignal, 1);
      await signalled.signal(unblockSignal);
      expect(await timed.result()).toBe('Hello, first!|Hello, second!');
      expect(await signalled.result()).toBe(8);
      for (const handle of [timed, signalled]) {
        const history = await handle.fetchHistory();
        const ids = (history.events ?? []).map((e) => Number(e.eventId));
        expect(ids).toEqual(ids.map((_, i) => i + 1));
        expect((history.events ?? []).filter((e) => e.workflowExecutionCompletedEventAttributes)).toHaveLength(1);
      }
      const timerEvents = (await timed.fetchHistory()).events ?? [];
      expect(timerEvents.filter((e) => e.activityTaskCompletedEventAttributes)).toHaveLength(2);
      expect(timerEvents.filter((e) => e.timerFiredEventAttributes)).toHaveLength(1);
      const histories = client.workflow.list({ query: `WorkflowId = '${timed.workflowId}' OR WorkflowId = '${signalled.workflowId}'` }).intoHistories();
      const replayed = Worker.runReplayHistories({ workflowBundle: await testWorkflowBundle() }, histories);
      let count = 0;
      for await (const result of replayed) {
        expect(result.error).toBeUndefined();
        count += 1;
      }
      expect(count).toBe(2);
    } finally {
      w.shutdown();
      await running;
    }
  }, 120_000);

  it('deletes closed executions after the retention period', async () => {
    const taskQueue = uniqueId('pg-retention');
    const workflowId = uniqueId('retained');
    await (await worker(taskQueue)).runUntil(client.workflow.execute(greetWorkflow, { taskQueue, workflowId, args: ['retention'] }));
    await expect(client.workflow.getHandle(workflowId).describe()).resolves.toBeDefined();
    const deadline = Date.now() + 25_000;
    for (;;) {
      try {
        await client.workflow.getHandle(workflowId).describe();
      } catch (error) {
        expect(error).toBeInstanceOf(WorkflowNotFoundError);
        return;
      }
      if (Date.now() > deadline) throw new Error('the closed execution was not deleted after its retention period');
      await sleep(250);
    }
  }, 60_000);
});
