import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection, type WorkflowHandle } from '@temporalio/client';
import { bundleWorkflowCode, DefaultLogger, makeTelemetryFilterString, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import type { temporal } from '@temporalio/proto';
import { Pool } from 'pg';
import { createTestDatabase, type DisposableTestDatabase } from '@ketenregie/shared-testing';
import { chaosActivities, EFFECTS_DDL } from './chaos.activities';
import type { ChaosStep, chaosWorkflow } from './chaos.workflows';
import { startChaosServer, type ChaosServer } from './dev-server';

const WORKFLOWS = Number(process.env['CHAOS_WORKFLOWS'] ?? 200);
const MIN_KILLS = Number(process.env['CHAOS_KILLS'] ?? 5);
const TASK_QUEUE = 'chaos';
/** The server's store: a fresh database on DATABASE_URL's PostgreSQL, or on the embedded cluster of the tests. */
const BACKEND = process.env['DATABASE_URL'] ? 'postgres' : 'embedded postgres';

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** A deterministic pseudo-random sequence, so a failing run can be repeated (seed in the test name). */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x1_0000_0000;
  };
}

/** Retries `fn` while the server is down (it is killed on purpose). */
async function persist<T>(fn: () => Promise<T>, what: string, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await fn();
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`${what}: ${error instanceof Error ? error.message : String(error)}`);
      await sleep(200);
    }
  }
}

interface Planned {
  workflowId: string;
  value: number;
  steps: ChaosStep[];
  expected: number;
}

const SEED = Number(process.env['CHAOS_SEED'] ?? Date.now() % 1_000_000);

describe(`chaos: the dev server killed with SIGKILL while ${WORKFLOWS} workflows run [${BACKEND}, seed ${SEED}]`, () => {
  let database: DisposableTestDatabase | undefined;
  let dataDir: string | undefined;
  let server: ChaosServer | undefined;
  let pool: Pool | undefined;

  afterAll(async () => {
    await server?.stop();
    await pool?.end();
    await database?.dispose();
    if (dataDir && !process.env['CHAOS_KEEP']) rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('completes every workflow with its result, each side effect once, every history replays', async () => {
    const rnd = random(SEED);
    Runtime.install({
      logger: new DefaultLogger('ERROR'),
      telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: 'ERROR', other: 'ERROR' }) } },
    });
    dataDir = mkdtempSync(join(tmpdir(), 'ketenregie-chaos-'));
    // Side effects go to a database of the test's own (the activities' "external system").
    database = await createTestDatabase();
    pool = new Pool({ connectionString: database.url, max: 4 });
    await pool.query(EFFECTS_DDL);
    const storeArgs = ['--database-url', database.url];
    const [bundle, started] = await Promise.all([
      bundleWorkflowCode({ workflowsPath: require.resolve('./chaos.workflows'), logger: new DefaultLogger('ERROR') }),
      startChaosServer(storeArgs, join(dataDir, 'server.log')),
    ]);
    server = started;
    const chaosServer = started;

    const planned: Planned[] = Array.from({ length: WORKFLOWS }, (_, i) => {
      const steps = Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => ({
        activityMs: Math.floor(rnd() * 1500),
        timerMs: Math.floor(200 + rnd() * rnd() * 10_000),
      }));
      const value = 1 + Math.floor(rnd() * 1000);
      return { workflowId: `chaos-${SEED}-${i}`, value, steps, expected: value * steps.reduce((sum, _, step) => sum + step + 1, 0) };
    });

    const connection = await Connection.connect({ address: chaosServer.address });
    const client = new Client({ connection });
    const nativeConnection = await NativeConnection.connect({ address: chaosServer.address });
    const worker = await Worker.create({
      connection: nativeConnection,
      taskQueue: TASK_QUEUE,
      workflowBundle: bundle,
      activities: chaosActivities(pool),
      stickyQueueScheduleToStartTimeout: '2s',
    });
    const running = worker.run();

    const kills: { atMs: number; downMs: number; recoveryMs: number }[] = [];
    let done = false;
    const t0 = Date.now();
    let completed = 0;
    const progress = process.env['CHAOS_VERBOSE']
      ? setInterval(() => process.stderr.write(`chaos: ${((Date.now() - t0) / 1000).toFixed(0)} s, ${completed} completed, ${kills.length} kills\n`), 5000)
      : undefined;
    const killer = (async () => {
      // At least MIN_KILLS kills at random moments while workflows are in flight, one more if
      // they are still running by then.
      while (kills.length < MIN_KILLS || (!done && kills.length < MIN_KILLS + 1)) {
        await sleep(2000 + rnd() * 4000);
        const atMs = Date.now() - t0;
        await chaosServer.kill();
        const downMs = Math.floor(rnd() * 1500);
        await sleep(downMs);
        const recoveryMs = await chaosServer.restart();
        kills.push({ atMs, downMs, recoveryMs });
      }
    })();

    try {
      const handles: WorkflowHandle<typeof chaosWorkflow>[] = [];
      for (let i = 0; i < planned.length; i += 20) {
        const batch = planned.slice(i, i + 20);
        handles.push(
          ...(await Promise.all(
            batch.map((p) =>
              persist(
                () =>
                  client.workflow.start<typeof chaosWorkflow>('chaosWorkflow', {
                    taskQueue: TASK_QUEUE,
                    workflowId: p.workflowId,
                    args: [p.value, p.steps],
                    workflowTaskTimeout: '2s',
                    workflowIdConflictPolicy: 'USE_EXISTING',
                  }),
                `start ${p.workflowId}`,
              ),
            ),
          )),
        );
      }
      const results = await Promise.all(
        handles.map(async (h) => {
          const result = await persist(() => h.result(), `result of ${h.workflowId}`, 150_000);
          completed += 1;
          return result;
        }),
      );
      done = true;
      await killer;

      expect(kills.length).toBeGreaterThanOrEqual(MIN_KILLS);
      expect(results).toEqual(planned.map((p) => p.expected));

      // Side effects: one row per (workflow, step), with the step's value, however often it ran.
      const { rows } = await pool.query<{ workflow_id: string; step: number; value: number; executions: number }>(
        'SELECT workflow_id, step, value, executions FROM chaos.effects',
      );
      const expectedEffects = planned.flatMap((p) => p.steps.map((_, step) => `${p.workflowId}/${step}=${p.value * (step + 1)}`)).sort();
      expect(rows.map((r) => `${r.workflow_id}/${r.step}=${r.value}`).sort()).toEqual(expectedEffects);

      // Histories: dense ids, one close event, one completed activity and one fired timer per step.
      const histories: { workflowId: string; history: temporal.api.history.v1.IHistory }[] = [];
      for (const [i, handle] of handles.entries()) {
        const history = await persist(() => handle.fetchHistory(), `history of ${handle.workflowId}`);
        const events = history.events ?? [];
        expect(events.map((e) => Number(e.eventId))).toEqual(events.map((_, n) => n + 1));
        expect(events.filter((e) => e.workflowExecutionCompletedEventAttributes)).toHaveLength(1);
        expect(events.filter((e) => e.activityTaskCompletedEventAttributes)).toHaveLength(planned[i]?.steps.length ?? -1);
        expect(events.filter((e) => e.timerFiredEventAttributes)).toHaveLength(planned[i]?.steps.length ?? -1);
        histories.push({ workflowId: handle.workflowId, history });
      }
      let replayed = 0;
      for await (const result of Worker.runReplayHistories({ workflowBundle: bundle }, histories)) {
        expect(result.error).toBeUndefined();
        replayed += 1;
      }
      expect(replayed).toBe(WORKFLOWS);

      const retried = rows.filter((r) => r.executions > 1).length;
      process.stderr.write(
        `chaos [${BACKEND}, seed ${SEED}]: ${WORKFLOWS} workflows in ${((Date.now() - t0) / 1000).toFixed(1)} s, ${kills.length} kills ` +
          `(recovery ${kills.map((k) => k.recoveryMs).join('/')} ms), ${rows.length} side effects, ${retried} retried idempotently\n`,
      );
    } finally {
      clearInterval(progress);
      done = true;
      await killer.catch(() => undefined);
      worker.shutdown();
      await running.catch(() => undefined);
      await nativeConnection.close();
      await connection.close();
    }
  }, 175_000);
});
