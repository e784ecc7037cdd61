/**
 * Issue 3 bench: throughput of the reference workflow (one activity, one short timer, one signal,
 * one query) against our dev server with 1 and with 4 concurrent clients, and in the same run the
 * limit: the same histories replayed by Worker.runReplayHistories (the worker's cost without a
 * server). Bounded by BENCH_WORKFLOWS per phase and BENCH_SECONDS per phase.
 */
import { cpus, loadavg } from 'node:os';
import { Client, Connection, type WorkflowHandle } from '@temporalio/client';
import type { HistoryAndWorkflowId } from '@temporalio/client';
import { bundleWorkflowCode, DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { type RunningDevServer, startDevServer } from './src/dev-server';
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
  /** CPU ms per workflow of the server process. */
  serverCpuMs?: number;
  /** CPU ms per workflow of this process: the worker (Rust core + workflow isolates) and the clients. */
  benchCpuMs: number;
}

/** CPU ms (user + system, all threads) this process has used so far. */
const ownCpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

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

/** Runs one loop per client, each one workflow at a time, until the count or the time bound is hit. */
async function phase(server: RunningDevServer, clients: Client[], name: string, ids: string[]): Promise<PhaseResult> {
  const deadline = performance.now() + SECONDS * 1000;
  const latencies: number[] = [];
  let next = 0;
  const serverCpu0 = server.cpuMs();
  const benchCpu0 = ownCpuMs();
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
  const serverCpu1 = server.cpuMs();
  const completed = latencies.length;
  latencies.sort((a, b) => a - b);
  const at = (q: number): number => latencies[Math.min(completed - 1, Math.floor(q * completed))];
  return {
    clients: clients.length,
    completed,
    seconds,
    perSecond: completed / seconds,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    serverCpuMs: serverCpu0 === undefined || serverCpu1 === undefined ? undefined : (serverCpu1 - serverCpu0) / completed,
    benchCpuMs: (ownCpuMs() - benchCpu0) / completed,
  };
}

interface ReplayResult {
  replayed: number;
  seconds: number;
  perSecond: number;
  cpuMs: number;
  startupMs: number;
}

/**
 * Replays the histories with one replay worker. Its start-up (loading the bundle into the
 * isolate) is reported apart: rate and CPU are measured from the first replayed history to the last.
 */
async function replay(workflowBundle: { code: string }, histories: HistoryAndWorkflowId[]): Promise<ReplayResult> {
  const started = performance.now();
  let firstDone = 0;
  let cpu0 = 0;
  let replayed = 0;
  for await (const result of Worker.runReplayHistories({ workflowBundle }, histories)) {
    if (result.error) throw new Error(`replay of ${result.workflowId} failed: ${result.error.message}`);
    if (replayed++ === 0) {
      firstDone = performance.now();
      cpu0 = ownCpuMs();
    }
  }
  const seconds = (performance.now() - firstDone) / 1000;
  const measured = replayed - 1;
  return {
    replayed: measured,
    seconds,
    perSecond: measured / seconds,
    cpuMs: (ownCpuMs() - cpu0) / measured,
    startupMs: firstDone - started,
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
      await Promise.all(Array.from({ length: WARMUP }, (_, i) => runOne(clients[i % clients.length], `bench-warmup-${i}`)));
      phases.push(await phase(server, clients.slice(0, 1), 'c1', ids));
      phases.push(await phase(server, clients, 'c4', ids));
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

  const limit = await replay(workflowBundle, histories);
  const events = eventCounts.reduce((a, b) => a + b, 0) / eventCounts.length;
  const fmt = (n: number | undefined, digits = 1): string => (n === undefined ? 'n/a' : n.toFixed(digits));
  const clientsLabel = (p: PhaseResult): string => `${p.clients} client${p.clients > 1 ? 's' : ''}`;

  console.log(`\nreference workflow: 1 activity, 1 timer of ${TIMER_MS} ms, 1 signal, 1 query; ${fmt(events, 0)} history events each`);
  console.log(`bounds: ${WORKFLOWS} workflows or ${SECONDS} s per phase; workflow bundle built in ${fmt(bundleSeconds)} s`);
  console.log(`dev server: started in ${fmt(server.startupMs, 0)} ms, RSS after the run ${fmt(serverRssMiB, 0)} MiB`);
  console.log(`replay worker start-up and first history: ${fmt(limit.startupMs, 0)} ms (not in the rate)`);
  console.log(
    `machine: ${cpus().length} cores, load average ${loadavg()
      .map((l) => fmt(l, 2))
      .join(' ')} at the end\n`,
  );
  console.log('| run | workflows | seconds | workflows/s | p50 ms | p99 ms | server CPU ms/wf | worker+client CPU ms/wf |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const p of phases) {
    console.log(
      `| dev server, ${clientsLabel(p)} | ${p.completed} | ${fmt(p.seconds, 2)} | ${fmt(p.perSecond)} | ` +
        `${fmt(p.p50Ms)} | ${fmt(p.p99Ms)} | ${fmt(p.serverCpuMs, 2)} | ${fmt(p.benchCpuMs, 2)} |`,
    );
  }
  console.log(`| replay (Worker.runReplayHistories) | ${limit.replayed} | ${fmt(limit.seconds, 2)} | ${fmt(limit.perSecond)} | | | | ${fmt(limit.cpuMs, 2)} |`);
  console.log('');
  for (const p of phases) {
    console.log(`ratio server/replay throughput, ${clientsLabel(p)}: ${fmt(p.perSecond / limit.perSecond, 2)}`);
  }
  const busiest = phases[phases.length - 1];
  if (busiest.serverCpuMs !== undefined) {
    console.log(
      `CPU per workflow: server ${fmt(busiest.serverCpuMs, 2)} ms vs replay ${fmt(limit.cpuMs, 2)} ms ` +
        `(replay/server ${fmt(limit.cpuMs / busiest.serverCpuMs, 2)})`,
    );
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
