import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client as PgClient } from 'pg';
import { Connection, WorkflowClient } from '@temporalio/client';
// The orchestrator behind `npm start`, used as-is, with its `restart` of one part.
import { freePorts, freshMachineEnv, startStack } from '@ketenregie/start';

/**
 * Soak and failure test of the whole stack (issue 23): steady API and workflow load for
 * `SOAK_DURATION_MS` (default 10 minutes) while a service, the worker, the Temporal dev server and
 * PostgreSQL are each killed (SIGKILL) and restarted; afterwards every traject is in a valid state,
 * no outbox event was lost or doubled, and the processing log verifies. Prints requests per second,
 * error rate and p99 latency, overall and during the failures.
 */
const DURATION_MS = Number(process.env['SOAK_DURATION_MS'] ?? 600_000);
const CONCURRENCY = Number(process.env['SOAK_CONCURRENCY'] ?? 4);
const DOWN_MS = Number(process.env['SOAK_DOWN_MS'] ?? 2_000);
const START_TIMEOUT = 900_000;

interface Stack {
  url: string;
  env: NodeJS.ProcessEnv;
  stop(): Promise<void>;
  restart(name: string, options?: { kill?: boolean; downMs?: number }): Promise<{ downMs: number; alsoRestarted: string[] }>;
}

interface Sample {
  readonly at: number;
  readonly ms: number;
  readonly ok: boolean;
  readonly what: string;
}

function geldigBsn(): string {
  for (;;) {
    const cijfers = Array.from({ length: 8 }, (_, i) => (i === 0 ? 1 + Math.floor(Math.random() * 9) : Math.floor(Math.random() * 10)));
    const laatste = cijfers.reduce((s, c, i) => s + c * (9 - i), 0) % 11;
    if (laatste <= 9) return `${cijfers.join('')}${laatste}`;
  }
}

function p99(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)];
}

function summary(samples: readonly Sample[], spanMs: number): { requests: number; rps: number; errorRate: number; p99Ms: number } {
  const errors = samples.filter((s) => !s.ok).length;
  return {
    requests: samples.length,
    rps: Math.round((samples.length / Math.max(1, spanMs / 1000)) * 10) / 10,
    errorRate: samples.length === 0 ? 0 : Math.round((errors / samples.length) * 10_000) / 10_000,
    p99Ms: Math.round(p99(samples.map((s) => s.ms))),
  };
}

describe(`the whole stack under load for ${Math.round(DURATION_MS / 1000)} s while a service, the worker, Temporal and PostgreSQL are killed and restarted`, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ketenregie-soak-'));
  let stack: Stack;
  const tokens = new Map<string, string>();

  async function token(organisatie: string, rol: string): Promise<string> {
    const key = `${organisatie}:${rol}`;
    const known = tokens.get(key);
    if (known) return known;
    const res = await fetch(`${stack.url}/auth/dev-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ organisatie, rol }),
    });
    const value = ((await res.json()) as { token: string }).token;
    tokens.set(key, value);
    return value;
  }

  beforeAll(async () => {
    const ports = await freePorts();
    stack = (await startStack({
      env: freshMachineEnv(),
      dataDir,
      ...ports,
      portal: false,
      timeouts: { service: 240_000, worker: 420_000, gateway: 180_000, seed: 300_000 },
    })) as unknown as Stack;
  }, START_TIMEOUT);

  afterAll(async () => {
    await stack?.stop();
    if (!process.env['SOAK_KEEP']) rmSync(dataDir, { recursive: true, force: true });
  }, 120_000);

  it(
    'keeps every traject valid, loses and doubles no outbox event, and the processing log verifies',
    async () => {
      const samples: Sample[] = [];
      const windows: { name: string; from: number; to: number; alsoRestarted: string[] }[] = [];
      const trajecten = new Map<string, { contact: boolean }>();
      const gemeente = ['gemeente-dommeldal', 'klantmanager'] as const;
      const coach = ['werkbrug-dommeldal', 'coach'] as const;

      const timed = async (what: string, who: readonly [string, string] | undefined, method: string, path: string, body?: unknown) => {
        const t0 = Date.now();
        try {
          const res = await fetch(`${stack.url}/api/v1${path}`, {
            method,
            headers: { ...(who ? { authorization: `Bearer ${await token(...who)}` } : {}), 'content-type': 'application/json' },
            ...(body === undefined ? {} : { body: JSON.stringify(body) }),
            signal: AbortSignal.timeout(30_000),
          });
          const text = await res.text();
          samples.push({ at: t0, ms: Date.now() - t0, ok: res.status < 500, what });
          return { status: res.status, body: (text ? JSON.parse(text) : undefined) as Record<string, unknown> | undefined };
        } catch {
          samples.push({ at: t0, ms: Date.now() - t0, ok: false, what });
          return { status: 0, body: undefined };
        }
      };

      /** One round of a user's work: the public registry, a new deelnemer with a traject (a workflow start), a contact attempt (a workflow update), a read by the coach. */
      const round = async () => {
        await timed('organisaties', undefined, 'GET', '/organisaties');
        const deelnemer = await timed('deelnemer', gemeente, 'POST', '/deelnemers', {
          voornamen: 'Soak',
          achternaam: 'Test',
          geboortedatum: '1980-01-01',
          contact: { telefoon: '0612345678' },
          bsn: geldigBsn(),
        });
        if (deelnemer.status !== 201) return false;
        const traject = await timed('traject', gemeente, 'POST', '/trajecten', {
          deelnemerId: deelnemer.body?.['id'],
          programmaCode: 'maatwerktraject-den-bosch',
          regie: { regievoerderId: 'dev:gemeente-dommeldal:klantmanager', organisatieId: 'gemeente-dommeldal' },
          coach: { coachId: 'dev:werkbrug-dommeldal:coach', organisatieId: 'werkbrug-dommeldal' },
          aanmeldreden: 'activering',
          doelgroep: { ladderTrede: 2, jarenInBijstand: 6 },
        });
        if (traject.status !== 201) return false;
        const id = String(traject.body?.['id']);
        trajecten.set(id, { contact: false });
        const contact = await timed('contactpoging', coach, 'POST', `/trajecten/${id}/contactpogingen`, { kanaal: 'telefoon', uitkomst: 'afspraak-gemaakt' });
        if (contact.status === 200 || contact.status === 201) trajecten.set(id, { contact: true });
        await timed('traject lezen', coach, 'GET', `/trajecten/${id}`);
        return true;
      };

      const start = Date.now();
      const end = start + DURATION_MS;
      let chaosDone = false;
      // The load runs for DURATION_MS and at least until the last part is back; a user whose round
      // failed waits a second before the next one (as a person would), so a dead part is not hammered.
      const workers = Array.from({ length: CONCURRENCY }, async () => {
        while (Date.now() < end || !chaosDone) if (!(await round())) await new Promise((r) => setTimeout(r, 1_000));
      });
      // Each failure at its own moment of the run: kill, stay down DOWN_MS, restart, wait until ready.
      const failures = ['traject-service', 'worker', 'temporal', 'database'];
      const chaos = (async () => {
        for (const [i, name] of failures.entries()) {
          const at = start + (DURATION_MS * (i + 1)) / (failures.length + 1);
          await new Promise((resolve) => setTimeout(resolve, Math.max(0, at - Date.now())));
          const from = Date.now();
          const { alsoRestarted } = await stack.restart(name, { kill: true, downMs: DOWN_MS });
          windows.push({ name, from, to: Date.now(), alsoRestarted });
        }
        chaosDone = true;
      })();
      await Promise.all([...workers, chaos]);
      const elapsed = Date.now() - start;

      // A request counts for a failure when it was in flight at any moment from kill to ready: one sent
      // before the kill that waited for the part to come back is what a user of that moment felt.
      const inFlight = (s: Sample, w: (typeof windows)[number]) => s.at <= w.to && s.at + s.ms >= w.from;
      const inWindow = (s: Sample) => windows.some((w) => inFlight(s, w));
      const during = samples.filter((s) => inWindow(s));
      const report = {
        durationS: Math.round(elapsed / 1000),
        concurrency: CONCURRENCY,
        overall: summary(samples, elapsed),
        duringFailures: summary(
          during,
          windows.reduce((sum, w) => sum + (w.to - w.from), 0),
        ),
        outsideFailures: summary(
          samples.filter((s) => !inWindow(s)),
          elapsed - windows.reduce((sum, w) => sum + (w.to - w.from), 0),
        ),
        failures: windows.map((w) => ({
          part: w.name,
          alsoRestarted: w.alsoRestarted,
          downToReadyS: Math.round((w.to - w.from) / 100) / 10,
          ...summary(
            samples.filter((s) => inFlight(s, w)),
            w.to - w.from,
          ),
        })),
        trajecten: trajecten.size,
      };
      process.stdout.write(`soak report ${JSON.stringify(report, null, 2)}\n`);
      if (process.env['SOAK_REPORT']) writeFileSync(process.env['SOAK_REPORT'], JSON.stringify(report, null, 2));
      expect(windows.map((w) => w.name)).toEqual(failures);
      expect(trajecten.size).toBeGreaterThan(0);

      // Afterwards: every traject valid — its workflow runs (none failed or was terminated), its
      // overview answers with a known phase and status, and an acknowledged contact attempt stuck.
      const connection = await Connection.connect({ address: String(stack.env['TEMPORAL_ADDRESS']) });
      const db = new PgClient({ connectionString: String(stack.env['DATABASE_URL']) });
      await db.connect();
      try {
        const temporal = new WorkflowClient({ connection, namespace: 'default' });
        const invalid: string[] = [];
        for (const [id, { contact }] of trajecten) {
          const description = await temporal.getHandle(`traject-${id}`).describe();
          if (description.status.name !== 'RUNNING') invalid.push(`${id}: workflow ${description.status.name}`);
          const res = await fetch(`${stack.url}/api/v1/trajecten/${id}`, {
            headers: { authorization: `Bearer ${await token('werkbrug-dommeldal', 'coach')}` },
          });
          const body = (await res.json()) as { fase?: string; status?: string };
          if (res.status !== 200 || !body.fase || !body.status) invalid.push(`${id}: GET ${res.status}`);
          if (contact && body.fase === 'aanmelding') invalid.push(`${id}: acknowledged contact attempt lost`);
        }
        expect(invalid).toEqual([]);

        // The outbox: every published fact of the timeline once (its key is <trajectId>:<nr> of an
        // existing timeline event), and the monitoring projection received each event exactly once.
        const orphans = await db.query(
          `SELECT o.sleutel FROM traject.outbox o LEFT JOIN traject.tijdlijn_gebeurtenis g ON o.sleutel = g.traject_id || ':' || g.nr WHERE g.nr IS NULL`,
        );
        expect(orphans.rows).toEqual([]);
        const aangemeld = await db.query(
          `SELECT t.id FROM traject.traject t WHERE t.id = ANY($1::uuid[]) AND NOT EXISTS (SELECT 1 FROM traject.outbox o WHERE o.traject_id = t.id AND o.soort = 'aangemeld')`,
          [[...trajecten.keys()]],
        );
        expect(aangemeld.rows).toEqual([]);
        const head = async () => Number((await db.query('SELECT coalesce(max(volgnummer), 0) AS n FROM traject.outbox')).rows[0].n);
        const positie = async () =>
          Number((await db.query(`SELECT coalesce(max(laatste), 0) AS n FROM monitoring.feed_positie WHERE bron = 'traject'`)).rows[0].n);
        for (let n = 0; n < 120 && (await positie()) < (await head()); n++) await new Promise((r) => setTimeout(r, 1_000));
        expect(await positie()).toBe(await head());
        const verschil = await db.query(
          `SELECT (SELECT count(*) FROM traject.outbox o WHERE NOT EXISTS (SELECT 1 FROM monitoring.feit f WHERE f.id = o.id))::int AS verloren,
                (SELECT count(*) - count(DISTINCT id) FROM monitoring.feit)::int AS dubbel`,
        );
        expect(verschil.rows[0]).toEqual({ verloren: 0, dubbel: 0 });

        // The processing log: every chain recomputes, and the newest anchor outside the database agrees.
        const verificatie = await fetch(`${stack.url}/api/v1/verwerkingen/verificatie`, {
          headers: { authorization: `Bearer ${await token('gemeente-dommeldal', 'fg')}` },
        });
        expect(verificatie.status).toBe(200);
        expect(await verificatie.json()).toEqual(expect.objectContaining({ geldig: true }));
      } finally {
        await db.end();
        await connection.close();
      }
    },
    DURATION_MS + 900_000,
  );
});
