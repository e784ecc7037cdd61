/**
 * Consent decisions under concurrent load through consent-service over HTTP (its own process,
 * as `npm start` runs it), with the raw indexed SQL lookup of the same consents in the same run
 * as the baseline. See README.md.
 */
import type { Identity } from '@ketenregie/shared-platform';
import { createTestDatabase, type DatabaseBackend, testDatabaseBackends } from '@ketenregie/shared-testing';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { startDevServer } from './src/dev-server';
import { freePort, json, load, startApp, startAuth } from './src/services';

const N = Number(process.env['BENCH_DECISIONS'] ?? 2000);
const C = Number(process.env['BENCH_CONCURRENCY'] ?? 16);
const DEELNEMERS = Number(process.env['BENCH_DEELNEMERS'] ?? 200);
const coach: Identity = { sub: 'bench-coach', organisatie: 'gemeente-dommeldal', organisatieType: 'gemeente', rol: 'klantmanager' };
const ontvanger = { organisatie: 'ggz-zuiderlicht', type: 'ggz' };

interface Besluit {
  readonly uitkomst: string;
}

async function run(backend: DatabaseBackend): Promise<void> {
  const db = await createTestDatabase(backend);
  const temporal = await startDevServer();
  const auth = await startAuth();
  const port = await freePort();
  const service = await startApp(
    'consent-service',
    { DATABASE_URL: db.url, PORT: String(port), LOG_LEVEL: 'warn', AUTH_JWKS_URL: auth.jwksUrl, TEMPORAL_ADDRESS: temporal.address, KETENREGIE_MODE: 'embedded' },
    { url: `http://127.0.0.1:${port}/health/ready` },
  );
  const pool = new Pool({ connectionString: db.url, max: 10 });
  try {
    const base = `http://127.0.0.1:${port}/api/v1`;
    const token = await auth.token(coach);
    const ids = Array.from({ length: DEELNEMERS }, () => randomUUID());
    await load(DEELNEMERS, 4, async (i) => {
      await json('POST', `${base}/toestemmingen`, token, {
        deelnemerId: ids[i],
        verlener: { soort: 'deelnemer' },
        doel: 'verwijzing-ggz',
        categorieen: ['contact', 'gezondheid'],
        bronnen: [{ soort: 'type', type: 'gemeente' }],
        ontvangers: [{ soort: 'type', type: 'ggz' }],
        geldigTot: '2099-01-01T00:00:00.000Z',
        bewijs: { soort: 'ondertekend-formulier', documentId: 'bench' },
      });
    });
    const verzoek = (i: number) => ({ deelnemerId: ids[i % DEELNEMERS], ontvanger, doel: 'verwijzing-ggz', categorieen: ['gezondheid', 'contact'] });
    const besluit = async (i: number) => {
      const b = await json<Besluit>('POST', `${base}/besluiten`, token, verzoek(i));
      if (b.uitkomst !== 'toegestaan') throw new Error(`decision ${i} was ${b.uitkomst}, expected toegestaan`);
    };
    await load(100, C, besluit);
    const http = await load(N, C, besluit);

    // The baseline: the indexed lookup of the same consent a decision needs, straight from SQL.
    const sql = `SELECT t.id FROM consent.toestemming t
      WHERE t.deelnemer_id = $1 AND t.doel = $2 AND t.status = 'gegeven' AND t.geldig_tot > now() AND 'gezondheid' = ANY (t.categorieen)`;
    const lookup = async (i: number) => {
      const r = await pool.query(sql, [ids[i % DEELNEMERS], 'verwijzing-ggz']);
      if (r.rowCount !== 1) throw new Error(`lookup ${i} found ${r.rowCount} consents, expected 1`);
    };
    // Fresh statistics, so the planner picks the index it would use in production.
    await pool.query('ANALYZE consent.toestemming');
    await load(100, C, lookup);
    const raw = await load(N, C, lookup);
    const plan = (await pool.query(`EXPLAIN ${sql}`, [ids[0], 'verwijzing-ggz'])).rows.map((r: Record<string, string>) => r['QUERY PLAN']).join(' | ');

    process.stdout.write(
      `${JSON.stringify({ backend, decisions: N, concurrency: C, deelnemers: DEELNEMERS, httpDecisions: http, rawSqlLookup: raw, ratioRawToHttp: +(raw.perSecond / http.perSecond).toFixed(1), plan })}\n`,
    );
  } finally {
    await pool.end();
    await service.stop();
    await auth.close();
    await temporal.stop();
    await db.dispose();
  }
}

(async () => {
  const backends = (process.env['BENCH_BACKENDS']?.split(',') as DatabaseBackend[] | undefined) ?? testDatabaseBackends();
  for (const backend of backends) await run(backend);
})().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
