/**
 * Issue 3 bench: throughput of the reference workflow (one activity, one short timer, one signal,
 * one query) against our dev server with 1 and with 4 concurrent clients, and in the same run the
 * limit: the same histories replayed by Worker.runReplayHistories (the worker's cost without a
 * server). Bounded by BENCH_WORKFLOWS per phase and BENCH_SECONDS per phase.
 */
import { Client, Connection, WorkflowHandle } from '@temporalio/client';
import { bundleWorkflowCode, DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import type { HistoryAndWorkflowId } from '@temporalio/client';
import { startDevServer } from './src/dev-server';
import { referenceActivities } from './src/reference.activities';
import { approveSignal, referenceWorkflow, stepQuery } from './src/reference.workflow';

const WORKFLOWS = Number(process.env['BENCH_WORKFLOWS'] ?? 200);
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 20);
const TIMER_MS = Number(process.env['BENCH_TIMER_MS'] ?? 10);
const WARMUP = 10;
const TASK_QUEUE = 'bench-reference';

interface PhaseResult {
  clients: number;
  completed: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
}

async function runOne(client: Client, workflowId: string): Promise<void> {
  const handle: WorkflowHandle<typeof referenceWorkflow> = await client.workflow.start(referenceWorkflow, {
    taskQueue: TASK_QUEUE,
    workflowId,
    args: [workflowId, TIMER_MS],
  });
  await handle.query(stepQuery);
  await handle.signal(approveSignal, 'bench');
  const result = await handle.result();
  if (result !== `${workflowId}/bench`) throw new Error(`unexpected result ${result} for ${workflowId}`);
}

/** Runs `clients` loops, each one workflow at a time, until the count or the time bound is hit. */
async function phase(clients: Client[], name: string, ids: string[]): Promise<PhaseResult> {
  const deadline = performance.now() + SECONDS * 1000;
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    clients.map(async (client) => {
      while (next < WORKFLOWS && performance.now() < deadline) {
        const id = `bench-${name}-${next++}`;
        const t0 = performance.now();
        await runOne(client, id);
        latencies.push(performance.now() - t0);
        ids.push(id);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number): number => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return {
    clients: clients.length,
    completed: latencies.length,
    seconds,
    perSecond: latencies.length / seconds,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
  };
}

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const server = await startDevServer();
  const bundleStarted = performance.now();
  const workflowBundle = await bundleWorkflowCode({
    workflowsPath: require.resolve('./src/reference.workflow'),
    logger: new DefaultLogger('WARN'),
  });
  const bundleSeconds = (performance.now() - bundleStarted) / 1000;

  const connections: Connection[] = [];
  const phases: PhaseResult[] = [];
  const histories: HistoryAndWorkflowId[] = [];
  const eventCounts: number[] = [];
  let serverRssMiB: number | undefined;
  try {
    const workerConnection = await NativeConnection.connect({ address: server.address });
    const worker = await Worker.create({
      connection: workerConnection,
      taskQueue: TASK_QUEUE,
      workflowBundle,
      activities: referenceActivities,
    });
    const clients: Client[] = [];
    for (let i = 0; i < 4; i++) {
      const connection = await Connection.connect({ address: server.address });
      connections.push(connection);
      clients.push(new Client({ connection }));
    }
    await worker.runUntil(async () => {
      const ids: string[] = [];
      await Promise.all(
        Array.from({ length: WARMUP }, (_, i) => runOne(clients[i % clients.length], `bench-warmup-${i}`)),
      );
      phases.push(await phase(clients.slice(0, 1), 'c1', ids));
      phases.push(await phase(clients, 'c4', ids));
      serverRssMiB = server.rssMiB();
      for (const workflowId of ids) {
        const history = await clients[0].workflow.getHandle(workflowId).fetchHistory();
        eventCounts.push(history.events?.length ?? 0);
        histories.push({ workflowId, history });
      }
    });
    await workerConnection.close();
  } finally {
    for (const connection of connections) await connection.close();
    await server.stop();
  }

  // The replay worker's start-up (loading the bundle into its isolate) is reported apart: the
  // rate is measured from the first replayed history to the last.
  const replayStarted = performance.now();
  let firstDone = 0;
  let replayed = 0;
  for await (const result of Worker.runReplayHistories({ workflowBundle }, histories)) {
    if (result.error) throw new Error(`replay of ${result.workflowId} failed: ${result.error.message}`);
    if (replayed++ === 0) firstDone = performance.now();
  }
  const replaySeconds = (performance.now() - firstDone) / 1000;
  const replayStartupMs = firstDone - replayStarted;
  const replayPerSecond = (replayed - 1) / replaySeconds;
  const events = eventCounts.reduce((a, b) => a + b, 0) / eventCounts.length;

  const fmt = (n: number, digits = 1): string => n.toFixed(digits);
  console.log(`\nreference workflow: 1 activity, 1 timer of ${TIMER_MS} ms, 1 signal, 1 query; `
    + `${fmt(events, 0)} history events each`);
  console.log(`bounds: ${WORKFLOWS} workflows or ${SECONDS} s per phase; workflow bundle built in ${fmt(bundleSeconds)} s`);
  console.log(`dev server: started in ${fmt(server.startupMs, 0)} ms, RSS after the run ${serverRssMiB === undefined ? 'n/a' : fmt(serverRssMiB, 0) + ' MiB'}\n`);
  console.log('| run | workflows | seconds | workflows/s | p50 ms | p99 ms |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const p of phases) {
    console.log(`| dev server, ${p.clients} client${p.clients > 1 ? 's' : ''} | ${p.completed} | ${fmt(p.seconds, 2)} | `
      + `${fmt(p.perSecond)} | ${fmt(p.p50Ms)} | ${fmt(p.p99Ms)} |`);
  }
  console.log(`| replay (Worker.runReplayHistories) | ${replayed - 1} | ${fmt(replaySeconds, 2)} | ${fmt(replayPerSecond)} | | |`);
  console.log(`\nreplay worker start-up and first history: ${fmt(replayStartupMs, 0)} ms (not in the rate)`);
  for (const p of phases) {
    console.log(`ratio server/replay with ${p.clients} client${p.clients > 1 ? 's' : ''}: ${fmt(p.perSecond / replayPerSecond, 2)}`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
