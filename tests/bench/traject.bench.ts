/**
 * Trajecten started and driven to their first evaluation through traject-service over HTTP,
 * with the worker (its own process, as `npm start` runs it) on our dev server in time-skipping
 * mode; then p95 latency of `GET /api/v1/trajecten/{id}` against the repository's read of the
 * same projection in the same run. See README.md.
 */
import { amsterdamDate } from '@ketenregie/shared-kernel';
import type { Identity } from '@ketenregie/shared-platform';
import { createTestDatabase } from '@ketenregie/shared-testing';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { Pool } from 'pg';
import { LAUNCHER } from './src/dev-server';
import { bsns, databaseLabel, freePort, json, load, startApp, startAuth, startRegister } from './src/services';

const N = Number(process.env['BENCH_TRAJECTEN'] ?? 10_000);
const C = Number(process.env['BENCH_CONCURRENCY'] ?? 16);
const READS = Number(process.env['BENCH_READS'] ?? 2000);
const DAG = 86_400_000;

const klantmanager: Identity = { sub: 'bench-km', organisatie: 'gemeente-dommeldal', organisatieType: 'gemeente', rol: 'klantmanager' };
const coach: Identity = { sub: 'bench-coach', organisatie: 'werkbrug-dommeldal', organisatieType: 'uitvoerder', rol: 'coach' };

/** Progress on stderr, so stdout keeps only the figures. */
function voortgang(wat: string): void {
  process.stderr.write(`[traject.bench ${new Date().toISOString().slice(11, 19)}] ${wat}\n`);
}

function seconds(ms: number): number {
  return +(ms / 1000).toFixed(1);
}

async function main(): Promise<void> {
  const db = await createTestDatabase();
  const database = await databaseLabel(db.url);
  const env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: LAUNCHER } } });
  const auth = await startAuth();
  const port = await freePort();
  const common = { DATABASE_URL: db.url, TEMPORAL_ADDRESS: env.address, LOG_LEVEL: 'warn', KETENREGIE_MODE: 'embedded' };
  const t0 = performance.now();
  // The access policy reads organisation types from the registry: a real monitor-service with the demo region.
  const register = await startRegister({ ...common, AUTH_JWKS_URL: auth.jwksUrl });
  const [service, worker] = await Promise.all([
    startApp(
      'traject-service',
      { ...common, PORT: String(port), AUTH_JWKS_URL: auth.jwksUrl, MONITOR_SERVICE_URL: register.url },
      { url: `http://127.0.0.1:${port}/health/ready` },
    ),
    // WORKER_MAX_CACHED_WORKFLOWS (sticky cache) and BENCH_WORKER_NODE_ARGS (e.g. a larger heap) pass through.
    startApp('worker', common, 'ipc', 180_000),
  ]);
  const opstart = performance.now() - t0;
  voortgang(`traject-service and worker ready in ${seconds(opstart)} s; starting ${N} trajecten`);
  const pool = new Pool({ connectionString: db.url, max: 8 });
  try {
    const base = `http://127.0.0.1:${port}/api/v1`;
    const km = await auth.token(klantmanager);
    const co = await auth.token(coach);
    const bron = bsns();
    const persoon = Array.from({ length: N }, () => bron.next().value as string);
    const ids: string[] = new Array(N);
    const d = amsterdamDate(await env.currentTimeMs());
    const scorer = { rol: 'coach', professionalId: coach.sub };
    const tijdgebonden = `${Number(d.slice(0, 4)) + 1}${d.slice(4)}`;
    const stap = (id: string, sub: string, body: unknown) => json<{ fase: string }>('POST', `${base}/trajecten/${id}/${sub}`, co, body);

    // 1. Start every traject and drive it through intake to its signed plan (phase uitvoering).
    const t1 = performance.now();
    const fase1 = await load(N, C, async (i) => {
      const { id: deelnemerId } = await json<{ id: string }>('POST', `${base}/deelnemers`, km, {
        bsn: persoon[i],
        voornamen: 'Bench',
        achternaam: `Deelnemer ${i}`,
        geboortedatum: '1975-03-02',
      });
      const { id } = await json<{ id: string }>('POST', `${base}/trajecten`, km, {
        deelnemerId,
        programmaCode: 'maatwerktraject-den-bosch',
        regie: { regievoerderId: klantmanager.sub, organisatieId: klantmanager.organisatie },
        coach: { coachId: coach.sub, organisatieId: coach.organisatie },
        aanmeldreden: 'activering',
        doelgroep: { ladderTrede: 2, jarenInBijstand: 6 },
      });
      ids[i] = id;
      await stap(id, 'contactpogingen', { kanaal: 'telefoon', uitkomst: 'afspraak-gemaakt' });
      await stap(id, 'kennismaking', { klik: true });
      await stap(id, 'diagnose', {
        metingen: [
          { instrument: 'participatieladder', trede: 2, datum: d, scorer, instrumentVersie: 'participatieladder-6' },
          { instrument: 'zrm', datum: d, scorer, instrumentVersie: 'zrm-2017', relevanteDomeinen: ['financien'], scores: { financien: 2 } },
        ],
      });
      const plan = await stap(id, 'plan', {
        plan: {
          grow: { goal: 'werk', reality: 'thuis', options: 'leerbaan', will: 'start' },
          doelen: [{ id: 'd1', omschrijving: 'twee dagdelen', smart: { specifiek: 's', meetbaar: 'm', actiegericht: 'a', realistisch: 'r', tijdgebonden } }],
          ondertekening: { datum: d, door: 'deelnemer' },
        },
      });
      if (plan.fase !== 'uitvoering') throw new Error(`traject ${id} is in ${plan.fase} after its plan, expected uitvoering`);
    });
    const fase1Ms = performance.now() - t1;
    voortgang(`${N} trajecten in uitvoering after ${seconds(fase1Ms)} s; skipping time`);

    // 2. Skip time to the first evaluation's due date (the programme's cadence) on the dev server. The due date comes from
    // the traject's overview over the API: workflow payloads are encrypted, and this client holds no key to query with.
    const { termijnen } = await json<{ termijnen?: { soort: string; vervalt: string }[] }>('GET', `${base}/trajecten/${ids[0]}`, km);
    const vervalt = termijnen?.find((t) => t.soort === 'evaluatie')?.vervalt;
    if (!vervalt) throw new Error('no evaluation deadline after the plan');
    const t2 = performance.now();
    const sprong = Date.parse(`${vervalt}T12:00:00+01:00`) - (await env.currentTimeMs());
    await env.sleep(sprong);
    const sprongMs = performance.now() - t2;
    voortgang(`skipped ${Math.round(sprong / DAG)} days in ${seconds(sprongMs)} s; recording evaluations`);

    // 3. Record the first evaluation of every traject; done when every projection shows it.
    const t3 = performance.now();
    const fase3 = await load(N, C, async (i) => {
      await stap(ids[i], 'evaluaties', { besluit: 'doorgaan' });
    });
    for (;;) {
      const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM traject.traject_overzicht WHERE (overzicht->>'evaluaties')::int >= 1`);
      if (rows[0].n >= N) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const fase3Ms = performance.now() - t3;
    const totaalMs = fase1Ms + sprongMs + fase3Ms;
    voortgang(`evaluations recorded in ${seconds(fase3Ms)} s; measuring reads`);

    // 4. Reads: the API (auth, involvement check, projection) against the repository's query.
    const lees = (i: number) => ids[(i * 7919) % N];
    const api = async (i: number) => {
      const o = await json<{ evaluaties: number }>('GET', `${base}/trajecten/${lees(i)}`, km);
      if (o.evaluaties < 1) throw new Error('a traject without its evaluation');
    };
    // The statement SqlTrajectRepository.overzicht runs (the bench may not import data-access).
    const repository = async (i: number) => {
      const { rows } = await pool.query<{ overzicht: { evaluaties: number } }>('SELECT overzicht FROM traject.traject_overzicht WHERE traject_id = $1', [
        lees(i),
      ]);
      if ((rows[0]?.overzicht.evaluaties ?? 0) < 1) throw new Error('a traject without its evaluation');
    };
    await load(100, 8, api);
    const apiRead = await load(READS, 8, api);
    await load(100, 8, repository);
    const repositoryRead = await load(READS, 8, repository);

    // 5. What one traject costs the server and the worker: tasks and events in a sample of histories.
    const proef = ids.slice(0, Math.min(N, 20));
    const telling = { events: 0, workflowTasks: 0, activityTasks: 0, localActivities: 0 };
    for (const id of proef) {
      const events = (await env.client.workflow.getHandle(`traject-${id}`).fetchHistory()).events ?? [];
      telling.events += events.length;
      telling.workflowTasks += events.filter((e) => e.workflowTaskCompletedEventAttributes).length;
      telling.activityTasks += events.filter((e) => e.activityTaskScheduledEventAttributes).length;
      telling.localActivities += events.filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_local_activity').length;
    }
    const perTraject = Object.fromEntries(Object.entries(telling).map(([k, v]) => [k, +(v / proef.length).toFixed(1)]));
    const geheugen = (pid: number) => Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) >> 10;
    const workerPeakRssMiB = geheugen(worker.pid);
    const loadAverage = loadavg().map((l) => +l.toFixed(1));

    process.stdout.write(
      `${JSON.stringify({
        perTraject,
        workerPeakRssMiB,
        loadAverage,
        database,
        trajecten: N,
        concurrency: C,
        startupSeconds: seconds(opstart),
        startToPlan: { seconds: seconds(fase1Ms), trajectenPerSecond: +(N / (fase1Ms / 1000)).toFixed(1), p50: fase1.p50, p95: fase1.p95 },
        timeSkip: { days: Math.round(sprong / DAG), seconds: seconds(sprongMs) },
        evaluation: { seconds: seconds(fase3Ms), p50: fase3.p50, p95: fase3.p95 },
        total: { seconds: seconds(totaalMs), trajectenPerSecond: +(N / (totaalMs / 1000)).toFixed(2) },
        getTraject: { api: apiRead, repository: repositoryRead },
      })}\n`,
    );
    for (const id of ids)
      await env.client.workflow
        .getHandle(`traject-${id}`)
        .terminate('bench finished')
        .catch(() => undefined);
  } finally {
    voortgang('stopping');
    await pool.end();
    await worker.stop();
    voortgang('worker stopped');
    await service.stop();
    await register.stop();
    await auth.close();
    await env.teardown();
    voortgang('dev server stopped');
    await db.dispose();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
