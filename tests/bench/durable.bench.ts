/**
 * Issue 4 bench: the dev server on PostgreSQL.
 *
 * 1. Throughput of the reference workflow (one activity, one short timer, one signal, one query)
 *    with 4 concurrent clients against the in-memory store and against PostgreSQL, in the same
 *    run: the ratio PostgreSQL / memory.
 * 2. Scale: BENCH_SCALE_WORKFLOWS (50,000) open workflows each waiting on a timer. Reported: time
 *    to create them (start acknowledged and timer started), server RSS, restart-to-ready after
 *    SIGKILL, and the lateness (p50/p99) of BENCH_SCALE_FIRING (10,000) timers due within one
 *    minute: when the workflow wakes up on the worker minus the timer's deadline (its TimerStarted
 *    event's time plus its duration), split by the histories into the server's, the task queue's
 *    and the worker's part.
 *
 * PostgreSQL: a fresh database on the server of BENCH_DATABASE_URL or DATABASE_URL, else on the
 * embedded cluster, dropped at the end.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode, DefaultLogger, NativeConnection, Runtime, Worker, type InjectedSinks } from '@temporalio/worker';
import { createTestDatabase } from '@ketenregie/shared-testing';
import { concurrently } from './src/concurrently';
import { postgresCpuMs, startDevServer, type RunningDevServer } from './src/dev-server';
import { databaseLabel } from './src/services';
import { referenceActivities } from './src/reference.activities';
import { approveSignal, referenceWorkflow, stepQuery } from './src/reference.workflow';
import type { TimerSinks } from './src/timer.workflow';

const WORKFLOWS = Number(process.env['BENCH_WORKFLOWS'] ?? 200);
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 20);
const SCALE = Number(process.env['BENCH_SCALE_WORKFLOWS'] ?? 50_000);
const FIRING = Math.min(SCALE, Number(process.env['BENCH_SCALE_FIRING'] ?? 10_000));
const FIRE_WINDOW_MS = Number(process.env['BENCH_SCALE_WINDOW_MS'] ?? 60_000);
/** `survives` (default): the worker keeps running while the server is killed; `restarts`: it is restarted with it. */
const RESTART_WORKER = (process.env['BENCH_SCALE_WORKER'] ?? 'survives') === 'restarts';
/**
 * Workers polling the scale run's task queue (in this process), each with its own workflow cache.
 * The SDK's core passes over every cached run on each input it processes (sdk-core
 * `WFStream::reconcile_buffered`), so one worker with a large cache spends most of its CPU there.
 */
const WORKERS = Number(process.env['BENCH_SCALE_WORKERS'] ?? 4);
/** Each worker's workflow cache: by default the workers together hold every firing workflow. */
const WORKER_CACHE = Number(process.env['BENCH_SCALE_CACHE'] ?? Math.ceil((FIRING + 2000) / WORKERS));
/** Workflow task polls each worker keeps open (`maxConcurrentWorkflowTaskPolls`). */
const WORKER_POLLS = Number(process.env['BENCH_SCALE_POLLS'] ?? 4);
/** Where to write every firing timer's figures as JSON (unset: nowhere). */
const TIMINGS_FILE = process.env['BENCH_SCALE_TIMINGS'];
const START_CONCURRENCY = 64;
const DAY_MS = 86_400_000;

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const fmt = (n: number | undefined, digits = 1): string => (n === undefined ? 'n/a' : n.toFixed(digits));
const quantile = (sorted: number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

interface Throughput {
  store: string;
  completed: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  serverCpuMs?: number;
}

async function throughput(store: string, extraArgs: string[], workflowBundle: { code: string }): Promise<Throughput> {
  const server = await startDevServer({ extraArgs });
  const connections: Connection[] = [];
  try {
    const workerConnection = await NativeConnection.connect({ address: server.address });
    const worker = await Worker.create({ connection: workerConnection, taskQueue: 'bench-durable', workflowBundle, activities: referenceActivities });
    const clients: Client[] = [];
    for (let i = 0; i < 4; i++) {
      const connection = await Connection.connect({ address: server.address });
      connections.push(connection);
      clients.push(new Client({ connection }));
    }
    const runOne = async (client: Client, workflowId: string) => {
      const handle = await client.workflow.start(referenceWorkflow, { taskQueue: 'bench-durable', workflowId, args: [workflowId, 10] });
      await handle.query(stepQuery);
      await handle.signal(approveSignal, 'bench');
      if ((await handle.result()) !== `${workflowId}/bench`) throw new Error(`wrong result for ${workflowId}`);
    };
    const result = await worker.runUntil(async () => {
      await Promise.all(Array.from({ length: 8 }, (_, i) => runOne(clients[i % 4] as Client, `warmup-${store}-${i}`)));
      const latencies: number[] = [];
      let next = 0;
      const deadline = performance.now() + SECONDS * 1000;
      const cpu0 = server.cpuMs();
      const started = performance.now();
      await Promise.all(
        clients.map(async (client) => {
          while (next < WORKFLOWS && performance.now() < deadline) {
            const t0 = performance.now();
            await runOne(client, `ref-${store}-${next++}`);
            latencies.push(performance.now() - t0);
          }
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      const cpu1 = server.cpuMs();
      latencies.sort((a, b) => a - b);
      return {
        store,
        completed: latencies.length,
        perSecond: latencies.length / seconds,
        p50Ms: quantile(latencies, 0.5),
        p99Ms: quantile(latencies, 0.99),
        serverCpuMs: cpu0 === undefined || cpu1 === undefined ? undefined : (cpu1 - cpu0) / latencies.length,
      };
    });
    await workerConnection.close();
    return result;
  } finally {
    for (const connection of connections) await connection.close();
    await server.stop();
  }
}

/** Milliseconds from the log's first line until `temporal dev server ready`, as the server measured it. */
function readyMs(logFile: string): number | undefined {
  const line = readFileSync(logFile, 'utf8')
    .split('\n')
    .find((l) => l.includes('temporal dev server ready'));
  return line ? (JSON.parse(line) as { ms: number }).ms : undefined;
}

/** Starts `count` timer workflows with bounded concurrency; `fireAt(i)` gives each one's due time. */
async function startTimers(client: Client, prefix: string, count: number, fireAt: (i: number) => number): Promise<void> {
  await concurrently(count, START_CONCURRENCY, async (i) => {
    await client.workflow.start('timerWorkflow', { taskQueue: 'bench-scale', workflowId: `${prefix}-${i}`, args: [fireAt(i)] });
  });
}

/** CPU ms between two readings, per firing timer. */
function perTimer(before: number | undefined, after: number | undefined): number | undefined {
  return before === undefined || after === undefined ? undefined : (after - before) / FIRING;
}

async function waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

async function scale(url: string, workflowBundle: { code: string }): Promise<void> {
  let armed = 0;
  /** Per firing workflow id: the fire time it asked for and when the worker first saw it wake up (epoch ms). */
  const woke = new Map<string, { fireAt: number; wokeAt: number }>();
  const sinks: InjectedSinks<TimerSinks> = {
    timers: {
      armed: { fn: () => void (armed += 1) },
      fired: {
        fn: (info, fireAt: number) => {
          if (!woke.has(info.workflowId)) woke.set(info.workflowId, { fireAt, wokeAt: Date.now() });
        },
      },
    },
  };
  const extraArgs = ['--database-url', url, '--log-level', 'info'];
  let server: RunningDevServer = await startDevServer({ extraArgs });
  let connection = await Connection.connect({ address: server.address });
  /** The workers, each on a connection of its own (the SDK refuses two workers of one queue on one client). */
  const startWorkers = async () => {
    const connections = await Promise.all(Array.from({ length: WORKERS }, () => NativeConnection.connect({ address: server.address })));
    const workers = await Promise.all(
      connections.map((connection) =>
        Worker.create({
          connection,
          taskQueue: 'bench-scale',
          workflowBundle,
          sinks,
          maxCachedWorkflows: WORKER_CACHE,
          maxConcurrentWorkflowTaskPolls: WORKER_POLLS,
        }),
      ),
    );
    const running = Promise.all(workers.map((w) => w.run()));
    return {
      /** Shuts the workers down and closes their connections. */
      stop: async () => {
        workers.forEach((w) => w.shutdown());
        await running.catch(() => undefined);
        await Promise.all(connections.map((c) => c.close()));
      },
    };
  };
  let workers = await startWorkers();
  try {
    // The waiting majority: timers due in a day.
    const waiting = SCALE - FIRING;
    const t0 = performance.now();
    await startTimers(new Client({ connection }), 'scale-wait', waiting, () => Date.now() + DAY_MS);
    const startedWaiting = performance.now();
    await waitFor(() => armed >= waiting, 30 * 60_000, 'the waiting timers to be armed');
    const rate = waiting > 0 ? waiting / ((performance.now() - t0) / 1000) : 200;
    // The firing ones: due within one minute, starting after they are all created and the
    // server has been killed and restarted (estimated from the rate so far, plus margin).
    const margin = (FIRING / rate) * 1.5 * 1000 + Number(process.env['BENCH_SCALE_RESTART_MARGIN_MS'] ?? 45_000);
    const fireStart = Date.now() + margin;
    await startTimers(new Client({ connection }), 'scale-fire', FIRING, (i) => fireStart + Math.floor((i * FIRE_WINDOW_MS) / FIRING));
    await waitFor(() => armed >= SCALE, 30 * 60_000, 'all timers to be armed');
    const createdSeconds = (performance.now() - t0) / 1000;
    const startAckSeconds = (startedWaiting - t0) / 1000;
    const rssCreated = server.rssMiB();

    // Restart: SIGKILL the server, start it again on the same database and port. The worker
    // either rides it out and reconnects, as after a server crash (default), or is restarted too
    // (BENCH_SCALE_WORKER=restarts), so that every woken workflow is replayed from its history.
    if (RESTART_WORKER) {
      await workers.stop();
    }
    await connection.close();
    const port = Number(server.address.split(':').at(-1));
    process.kill(server.pid, 'SIGKILL');
    await sleep(500);
    const restartedAt = performance.now();
    server = await startDevServer({ extraArgs, port });
    connection = await Connection.connect({ address: server.address });
    await new Client({ connection }).workflowService.getSystemInfo({});
    const restartToFirstRpcMs = performance.now() - restartedAt;
    const restartReadyMs = readyMs(server.logFile);
    const rssRestarted = server.rssMiB();
    if (Date.now() > fireStart) console.log(`warning: the firing window began ${Date.now() - fireStart} ms before the restart was done`);
    if (RESTART_WORKER) {
      workers = await startWorkers();
    }
    const cpu0 = { server: server.cpuMs(), worker: process.cpuUsage(), postgres: postgresCpuMs() };
    await waitFor(() => woke.size >= FIRING, FIRE_WINDOW_MS + margin + 120_000, 'the firing timers');
    const workerCpu = process.cpuUsage(cpu0.worker);
    const firingCpu = {
      server: perTimer(cpu0.server, server.cpuMs()),
      worker: (workerCpu.user + workerCpu.system) / 1000 / FIRING,
      postgres: perTimer(cpu0.postgres, postgresCpuMs()),
    };
    const rssFired = server.rssMiB();
    const workerRssMiB = process.memoryUsage().rss / 2 ** 20;
    const timers = await firingTimings(new Client({ connection }), woke);
    if (TIMINGS_FILE) writeFileSync(TIMINGS_FILE, JSON.stringify({ fireStart, timers }));
    const p50p99 = (sorted: number[]) => `${fmt(quantile(sorted, 0.5), 0)} / ${fmt(quantile(sorted, 0.99), 0)} ms`;

    console.log(
      `\nscale: ${SCALE} open workflows each waiting on a timer (${FIRING} due within ${FIRE_WINDOW_MS / 1000} s), PostgreSQL; worker ${RESTART_WORKER ? 'restarted with the server' : 'kept running while the server was killed'}`,
    );
    console.log(
      `machine: ${cpus().length} cores, load average ${loadavg()
        .map((l) => fmt(l, 2))
        .join(' ')} at the end\n`,
    );
    console.log('| figure | value | target |');
    console.log('|---|---:|---:|');
    console.log(`| create ${waiting} workflows: start acknowledged | ${fmt(startAckSeconds)} s (${fmt(waiting / startAckSeconds, 0)}/s) | |`);
    console.log(`| create all ${SCALE}: started and timer armed | ${fmt(createdSeconds)} s (${fmt(SCALE / createdSeconds, 0)}/s) | |`);
    console.log(`| server RSS after creating them | ${fmt(rssCreated, 0)} MiB | < 1024 MiB |`);
    console.log(`| restart after SIGKILL: spawn to first answered RPC | ${fmt(restartToFirstRpcMs, 0)} ms | < 30 s |`);
    console.log(`| restart: store opened and runs recovered (server's own figure) | ${fmt(restartReadyMs, 0)} ms | |`);
    console.log(
      `| bench process RSS (${WORKERS} worker(s) with ${WORKER_CACHE} cached workflows and ${WORKER_POLLS} polls each at most, clients) | ${fmt(workerRssMiB, 0)} MiB | |`,
    );
    console.log(`| server RSS after restart / after the timers fired | ${fmt(rssRestarted, 0)} / ${fmt(rssFired, 0)} MiB | < 1024 MiB |`);
    console.log(`| server's part: TimerFired after the deadline, p50 / p99 | ${p50p99(sortedBy(timers, 'fired'))} | |`);
    console.log(`| waiting for a worker's poll: WorkflowTaskStarted after TimerFired, p50 / p99 | ${p50p99(sortedBy(timers, 'queued'))} | |`);
    console.log(`| in the worker: WorkflowTaskCompleted after WorkflowTaskStarted, p50 / p99 | ${p50p99(sortedBy(timers, 'worker'))} | |`);
    console.log(
      `| CPU per fired timer: server / worker process / PostgreSQL | ${fmt(firingCpu.server, 2)} / ${fmt(firingCpu.worker, 2)} / ${fmt(firingCpu.postgres, 2)} ms | |`,
    );
    const late = sortedBy(timers, 'late');
    console.log(
      `| timer lateness: the workflow wakes up after the deadline, p50 / p99 / max (${late.length} timers) | ${fmt(quantile(late, 0.5), 0)} / ${fmt(quantile(late, 0.99), 0)} / ${fmt(late.at(-1), 0)} ms | p99 < 2000 ms |`,
    );
    console.log(
      `| the same against the fire time the workflow asked for, p50 / p99 (adds its first workflow task's latency) | ${p50p99(sortedBy(timers, 'lateAsked'))} | |`,
    );
    console.log(`\nlateness over the window, the latest timer of each tenth by deadline: ${latenessOverWindow(timers, fireStart)}`);
  } finally {
    await workers.stop();
    await connection.close();
    await server.stop();
  }
}

/** One firing timer, from its history and its wake-up; times in epoch ms, parts in ms. */
interface FiringTimer {
  id: string;
  /** The deadline: TimerStarted's time plus the timer's duration. */
  due: number;
  /** Wake-up on the worker after the deadline. */
  late: number;
  /** Wake-up after the fire time the workflow computed before its first workflow task completed. */
  lateAsked: number;
  /** TimerFired after the deadline. */
  fired: number;
  /** WorkflowTaskStarted after TimerFired: the task waited for a worker's poll. */
  queued: number;
  /** WorkflowTaskCompleted after that WorkflowTaskStarted. */
  worker: number;
}

/** Reads every firing workflow's history and splits its lateness into its parts. */
async function firingTimings(client: Client, woke: Map<string, { fireAt: number; wokeAt: number }>): Promise<FiringTimer[]> {
  const timers: FiringTimer[] = [];
  const ms = (t: { seconds?: unknown; nanos?: number | null }) => Number(t.seconds ?? 0) * 1000 + Math.floor((t.nanos ?? 0) / 1e6);
  const ids = [...woke.keys()];
  await concurrently(ids.length, 16, async (i) => {
    const id = ids[i] as string;
    const { fireAt, wokeAt } = woke.get(id) as { fireAt: number; wokeAt: number };
    const events = (await client.workflow.getHandle(id).fetchHistory()).events ?? [];
    const timerStarted = events.find((e) => e.timerStartedEventAttributes);
    const timerFired = events.find((e) => e.timerFiredEventAttributes);
    const completed = events.find((e) => e.workflowTaskCompletedEventAttributes && Number(e.eventId) > Number(timerFired?.eventId));
    const taskStarted = events.find((e) => Number(e.eventId) === Number(completed?.workflowTaskCompletedEventAttributes?.startedEventId));
    const duration = timerStarted?.timerStartedEventAttributes?.startToFireTimeout;
    if (!timerStarted?.eventTime || !duration || !timerFired?.eventTime || !taskStarted?.eventTime || !completed?.eventTime) {
      throw new Error(`workflow ${id} woke up but its history lacks the timer's or the workflow task's events`);
    }
    const due = ms(timerStarted.eventTime) + ms(duration);
    timers.push({
      id,
      due,
      late: wokeAt - due,
      lateAsked: wokeAt - fireAt,
      fired: ms(timerFired.eventTime) - due,
      queued: ms(taskStarted.eventTime) - ms(timerFired.eventTime),
      worker: ms(completed.eventTime) - ms(taskStarted.eventTime),
    });
  });
  return timers;
}

/** One figure of every timer, sorted. */
function sortedBy(timers: FiringTimer[], figure: 'late' | 'lateAsked' | 'fired' | 'queued' | 'worker'): number[] {
  return timers.map((t) => t[figure]).sort((a, b) => a - b);
}

/**
 * The latest timer of each tenth of the firing window (by deadline), with its parts, as
 * "0–6 s: 812 ms (server 300 + poll 400 + worker 90), 6–12 s: …".
 */
function latenessOverWindow(timers: FiringTimer[], fireStart: number): string {
  const slice = FIRE_WINDOW_MS / 10;
  const worst: Array<FiringTimer | undefined> = Array.from({ length: 10 }, () => undefined);
  for (const t of timers) {
    const i = Math.min(9, Math.max(0, Math.floor((t.due - fireStart) / slice)));
    if (t.late > (worst[i]?.late ?? -Infinity)) worst[i] = t;
  }
  return worst
    .map((t, i) => {
      const span = `${fmt((i * slice) / 1000, 0)}–${fmt(((i + 1) * slice) / 1000, 0)} s`;
      return t ? `${span}: ${fmt(t.late, 0)} ms (server ${fmt(t.fired, 0)} + poll ${fmt(t.queued, 0)} + worker ${fmt(t.worker, 0)})` : `${span}: none`;
    })
    .join(', ');
}

/** The reference workflow on the in-memory store and on PostgreSQL, in the same run. */
async function compareStores(env: Record<string, string | undefined>, referenceBundle: { code: string }): Promise<void> {
  const throughputDb = await createTestDatabase('postgres', env);
  const database = await databaseLabel(throughputDb.url, env);
  let memory: Throughput;
  let postgres: Throughput;
  try {
    memory = await throughput('memory', [], referenceBundle);
    postgres = await throughput('postgres', ['--database-url', throughputDb.url], referenceBundle);
  } finally {
    await throughputDb.dispose();
  }
  console.log(`\nreference workflow, 4 clients, at most ${WORKFLOWS} workflows or ${SECONDS} s per store; postgres: ${database}\n`);
  console.log('| store | workflows | workflows/s | p50 ms | p99 ms | server CPU ms/wf |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const t of [memory, postgres]) {
    console.log(`| ${t.store} | ${t.completed} | ${fmt(t.perSecond)} | ${fmt(t.p50Ms, 0)} | ${fmt(t.p99Ms, 0)} | ${fmt(t.serverCpuMs, 2)} |`);
  }
  console.log(`\nratio PostgreSQL / memory: ${fmt(postgres.perSecond / memory.perSecond, 2)}`);
}

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const serverUrl = process.env['BENCH_DATABASE_URL'] ?? process.env['DATABASE_URL'];
  const env = { DATABASE_URL: serverUrl };
  const [referenceBundle, timerBundle] = await Promise.all([
    bundleWorkflowCode({ workflowsPath: require.resolve('./src/reference.workflow'), logger: new DefaultLogger('WARN') }),
    bundleWorkflowCode({ workflowsPath: require.resolve('./src/timer.workflow'), logger: new DefaultLogger('WARN') }),
  ]);

  if (WORKFLOWS > 0) await compareStores(env, referenceBundle);
  if (SCALE > 0) {
    const scaleDb = await createTestDatabase('postgres', env);
    try {
      await scale(scaleDb.url, timerBundle);
    } finally {
      await scaleDb.dispose();
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
