/**
 * Consent decisions under concurrent load through consent-service over HTTP (its own process,
 * as `npm start` runs it, with the access policy's real sources of facts: monitor-service's
 * organisation registry and traject-service's involvement), against a baseline in the same run:
 * the reads and writes one decision makes (consent lookup with its history under lock, the
 * decision row, the processing-log line with its chain link) as raw SQL over `pg`, at the same
 * number of callers; then the cost of one policy decision and of the facts it needs. See README.md.
 */
import { beslis } from '@ketenregie/shared-access-policy';
import type { Actor } from '@ketenregie/shared-access-policy';
import { GecachteBetrokkenheid, HttpBetrokkenheid, HttpOrganisatieRegister } from '@ketenregie/shared-platform';
import type { Identity } from '@ketenregie/shared-platform';
import { createTestDatabase } from '@ketenregie/shared-testing';
import { embeddedKetenSleutels } from '@ketenregie/consent-data-access';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { Pool, type PoolClient } from 'pg';
import { startDevServer } from './src/dev-server';
import { bsns, databaseLabel, freePort, json, load, startApp, startAuth, startRegister } from './src/services';

const N = Number(process.env['BENCH_DECISIONS'] ?? 2000);
const C = Number(process.env['BENCH_CONCURRENCY'] ?? 16);
const DEELNEMERS = Number(process.env['BENCH_DEELNEMERS'] ?? 200);
/** A gemeente klantmanager: registers the deelnemers (so the gemeente is involved as `aanmelder`) and asks the decisions. */
const coach: Identity = { sub: 'bench-km', organisatie: 'gemeente-dommeldal', organisatieType: 'gemeente', rol: 'klantmanager' };
const ontvanger = { organisatie: 'ggz-zuiderlicht', type: 'ggz' };
/** Active chains of the processing log (consent-data-access `AANTAL_KETENS` − 1: chain 0 is closed). */
const ACTIEVE_KETENS = 15;
const pseudoniemSleutel = randomBytes(32);
/** The processing log's chain key (HMAC-SHA-256), as consent-service uses it in embedded mode. */
const ketenSleutels = embeddedKetenSleutels();

/** CPU time (user + system) a process has used so far, in ms (Linux `/proc`). */
function cpuMs(pid: number): number {
  const { user, system } = cpuDelen(pid);
  return user + system;
}

/** CPU time a process has used so far in user and in kernel mode (system calls: socket writes), in ms. */
function cpuDelen(pid: number): { user: number; system: number } {
  const velden = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return { user: (Number(velden[11]) * 1000) / 100, system: (Number(velden[12]) * 1000) / 100 };
}

/**
 * One decision's reads and writes in raw SQL, as consent-service makes them: in one transaction,
 * the deelnemer's consents with their history (locked), the decision row, then the log line
 * linked to the head of its chain (locked, moved). The line's hash is a SHA-256 over the line and
 * its predecessor's hash, as the service computes it (the bench's own serialisation: the service's
 * verification of these lines is not what is measured).
 */
async function besluitInSql(client: PoolClient, deelnemerId: string, keten: number): Promise<void> {
  await client.query('BEGIN');
  try {
    const { rows: toestemmingen } = await client.query<{ id: string; categorieen: string[] }>(
      `SELECT t.id, t.categorieen FROM consent.toestemming t WHERE t.deelnemer_id = $1 ORDER BY t.id FOR UPDATE`,
      [deelnemerId],
    );
    const ids = toestemmingen.map((t) => t.id);
    const { rows: historie } = await client.query(
      `SELECT toestemming_id, volgnummer, status, op FROM consent.toestemming_status WHERE toestemming_id = ANY($1) ORDER BY 1, 2`,
      [ids],
    );
    if (toestemmingen.length !== 1 || historie.length !== 1)
      throw new Error(`deelnemer ${deelnemerId}: ${toestemmingen.length} consents, ${historie.length} history rows`);
    const traceId = randomBytes(16).toString('hex');
    const op = new Date();
    const categorieen = [
      { categorie: 'gezondheid', uitkomst: 'toegestaan', velden: ['diagnose'], toestemming: { status: 'verleend', toestemmingen: ids } },
      { categorie: 'contact', uitkomst: 'toegestaan', velden: ['telefoon'], toestemming: { status: 'verleend', toestemmingen: ids } },
    ];
    await client.query(
      `INSERT INTO consent.besluit (id, op, deelnemer_id, bron_organisatie, bron_type, ontvanger_organisatie, ontvanger_type, doel, uitkomst, categorieen, toestemmingen, trace_id)
       VALUES ($1, $2, $3, $4, 'gemeente', $5, 'ggz', 'verwijzing-ggz', 'toegestaan', $6, $7, $8)`,
      [randomUUID(), op, deelnemerId, coach.organisatie, ontvanger.organisatie, JSON.stringify(categorieen), ids, traceId],
    );
    const regel = {
      traceId,
      spanId: randomBytes(8).toString('hex'),
      handeling: 'besluit',
      status: 'ok',
      tijdstip: op,
      betrokkene: createHmac('sha256', pseudoniemSleutel).update(deelnemerId).digest('base64url'),
      organisatie: coach.organisatie,
      ontvanger: ontvanger.organisatie,
      doel: 'verwijzing-ggz',
      categorieen: ['gezondheid', 'contact'],
      grondslagen: ['gezondheid:toestemming', 'contact:toestemming'],
      toestemmingen: ids,
    };
    const { rows: koppen } = await client.query<{ volgnummer: string; hash: string }>(
      `SELECT volgnummer, hash FROM consent.keten_kop WHERE id = $1 FOR UPDATE`,
      [keten],
    );
    const kop = koppen[0];
    const volgnummer = Number(kop.volgnummer) + 1;
    const vorigeHash = volgnummer === 1 ? '0'.repeat(64) : kop.hash;
    const schakel = {
      volgnummer,
      vorigeHash,
      hash: ketenSleutels.mac(ketenSleutels.actief, `${vorigeHash}\n${volgnummer}\n${JSON.stringify(regel)}`) as string,
    };
    await client.query(
      `INSERT INTO consent.verwerking (keten, volgnummer, vorige_hash, hash, trace_id, span_id, handeling, status, tijdstip, betrokkene, organisatie, ontvanger, doel, categorieen, grondslagen, toestemmingen, sleutel_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
      [
        keten,
        schakel.volgnummer,
        schakel.vorigeHash,
        schakel.hash,
        regel.traceId,
        regel.spanId,
        regel.handeling,
        regel.status,
        regel.tijdstip,
        regel.betrokkene,
        regel.organisatie,
        regel.ontvanger,
        regel.doel,
        regel.categorieen,
        regel.grondslagen,
        regel.toestemmingen,
        ketenSleutels.actief,
      ],
    );
    await client.query(`UPDATE consent.keten_kop SET volgnummer = $2, hash = $3 WHERE id = $1`, [keten, schakel.volgnummer, schakel.hash]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

/**
 * The same reads and writes as consent-service makes them since issue 15's change, in raw SQL:
 * one statement reads the consents with their history and the clock (no locks), one statement
 * locks the consents, checks them unchanged, locks the chain head, stores the decision and the
 * line (hash computed in PostgreSQL) and moves the head. Two round trips, no transaction around.
 */
async function besluitInTweeStatements(pool: Pool, deelnemerId: string, keten: number): Promise<void> {
  const { rows } = await pool.query<{ nu: Date; id: string; versie: number; historie: unknown[] }>(
    `SELECT k.nu, t.id, t.versie, (SELECT json_agg(json_build_object('volgnummer', h.volgnummer, 'status', h.status, 'op', h.op) ORDER BY h.volgnummer)
       FROM consent.toestemming_status h WHERE h.toestemming_id = t.id) AS historie
     FROM (SELECT date_trunc('milliseconds', clock_timestamp()) AS nu) k LEFT JOIN consent.toestemming t ON t.deelnemer_id = $1 ORDER BY t.id`,
    [deelnemerId],
  );
  if (rows.length !== 1 || rows[0].historie.length !== 1) throw new Error(`deelnemer ${deelnemerId}: ${rows.length} consents`);
  const ids = rows.map((r) => r.id);
  const op = rows[0].nu;
  const traceId = randomBytes(16).toString('hex');
  const categorieen = [
    { categorie: 'gezondheid', uitkomst: 'toegestaan', velden: ['diagnose'], toestemming: { status: 'verleend', toestemmingen: ids } },
    { categorie: 'contact', uitkomst: 'toegestaan', velden: ['telefoon'], toestemming: { status: 'verleend', toestemmingen: ids } },
  ];
  const regel = {
    traceId,
    spanId: randomBytes(8).toString('hex'),
    handeling: 'besluit',
    status: 'ok',
    tijdstip: op.toISOString(),
    betrokkene: createHmac('sha256', pseudoniemSleutel).update(deelnemerId).digest('base64url'),
    organisatie: coach.organisatie,
    ontvanger: ontvanger.organisatie,
    doel: 'verwijzing-ggz',
    categorieen: ['gezondheid', 'contact'],
    grondslagen: ['gezondheid:toestemming', 'contact:toestemming'],
    toestemmingen: ids,
  };
  const { rowCount } = await pool.query(
    `WITH vergrendeld AS (SELECT id, versie FROM consent.toestemming WHERE deelnemer_id = $1::uuid ORDER BY id FOR UPDATE),
     ongewijzigd AS (SELECT coalesce(array_agg(id::text || ':' || versie ORDER BY id), '{}') = $2::text[] AS ja FROM vergrendeld),
     kop AS (SELECT k.id, k.volgnummer + 1 AS volgnummer, k.hash AS vorige_hash FROM consent.keten_kop k, ongewijzigd o WHERE k.id = $3::smallint AND o.ja FOR UPDATE OF k),
     schakel AS (SELECT id AS keten, volgnummer, vorige_hash, encode(sha256($16::bytea || sha256($17::bytea || convert_to(vorige_hash::text || E'\\n' || volgnummer::text || E'\\n' || $4::text, 'UTF8'))), 'hex') AS hash FROM kop),
     besluit AS (INSERT INTO consent.besluit (id, op, deelnemer_id, bron_organisatie, bron_type, ontvanger_organisatie, ontvanger_type, doel, uitkomst, categorieen, toestemmingen, trace_id)
       SELECT $5::uuid, $6::timestamptz, $1::uuid, $7::text, 'gemeente', $8::text, 'ggz', 'verwijzing-ggz', 'toegestaan', $9::jsonb, $10::uuid[], $11::text FROM schakel),
     regel AS (INSERT INTO consent.verwerking (keten, volgnummer, vorige_hash, hash, trace_id, span_id, handeling, status, tijdstip, betrokkene, organisatie, ontvanger, doel, categorieen, grondslagen, toestemmingen, sleutel_id)
       SELECT keten, volgnummer, vorige_hash, hash, $11::text, $12::text, 'besluit', 'ok', $6::timestamptz, $13::text, $7::text, $8::text, 'verwijzing-ggz', $14::text[], $15::text[], $10::uuid[], $18::text FROM schakel
       RETURNING keten, volgnummer, hash)
     UPDATE consent.keten_kop k SET volgnummer = r.volgnummer, hash = r.hash FROM regel r WHERE k.id = r.keten`,
    [
      deelnemerId,
      rows.map((r) => `${r.id}:${r.versie}`),
      keten,
      JSON.stringify(regel),
      randomUUID(),
      op,
      coach.organisatie,
      ontvanger.organisatie,
      JSON.stringify(categorieen),
      ids,
      traceId,
      regel.spanId,
      regel.betrokkene,
      regel.categorieen,
      regel.grondslagen,
      ketenSleutels.pads.opad,
      ketenSleutels.pads.ipad,
      ketenSleutels.actief,
    ],
  );
  if (rowCount !== 1) throw new Error(`deelnemer ${deelnemerId}: the consents changed`);
}

interface Besluit {
  readonly uitkomst: string;
}

/** Mean time of `op` run `n` times one after the other, in µs. */
async function mean(n: number, op: (i: number) => unknown): Promise<number> {
  for (let i = 0; i < Math.min(n, 1000); i++) await op(i);
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await op(i);
  return ((performance.now() - t0) * 1000) / n;
}

/** Progress on stderr, so stdout keeps only the figures. */
function voortgang(wat: string): void {
  process.stderr.write(`[consent.bench ${new Date().toISOString().slice(11, 19)}] ${wat}\n`);
}

async function run(): Promise<void> {
  const db = await createTestDatabase();
  const database = await databaseLabel(db.url);
  const temporal = await startDevServer();
  const auth = await startAuth();
  // One organisation sends every request; the request limit is not what is measured.
  const common = {
    DATABASE_URL: db.url,
    TEMPORAL_ADDRESS: temporal.address,
    LOG_LEVEL: 'warn',
    KETENREGIE_MODE: 'embedded',
    AUTH_JWKS_URL: auth.jwksUrl,
    THROTTLE_LIMIT: '100000000',
  };
  // The access policy's facts: organisation types from the registry (a real monitor-service with
  // the demo region), involvement from traject-service (which itself reads the registry).
  const register = await startRegister(common);
  const trajectPort = await freePort();
  const traject = await startApp(
    'traject-service',
    { ...common, PORT: String(trajectPort), MONITOR_SERVICE_URL: register.url },
    { url: `http://127.0.0.1:${trajectPort}/health/ready` },
  );
  const trajectUrl = `http://127.0.0.1:${trajectPort}`;
  const port = await freePort();
  const service = await startApp(
    'consent-service',
    { ...common, PORT: String(port), MONITOR_SERVICE_URL: register.url, TRAJECT_SERVICE_URL: trajectUrl },
    { url: `http://127.0.0.1:${port}/health/ready` },
  );
  voortgang('monitor-service, traject-service and consent-service ready');
  const pool = new Pool({ connectionString: db.url, max: C });
  try {
    const base = `http://127.0.0.1:${port}/api/v1`;
    const token = await auth.token(coach);
    // Deelnemers registered by the gemeente through traject-service: the involvement is real.
    const bron = bsns();
    const persoon = Array.from({ length: DEELNEMERS }, () => bron.next().value as string);
    const ids: string[] = new Array(DEELNEMERS);
    await load(DEELNEMERS, 4, async (i) => {
      const { id } = await json<{ id: string }>('POST', `${trajectUrl}/api/v1/deelnemers`, token, {
        bsn: persoon[i],
        voornamen: 'Bench',
        achternaam: `Deelnemer ${i}`,
        geboortedatum: '1975-03-02',
      });
      ids[i] = id;
    });
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
    const cpuVoor = cpuDelen(service.pid);
    const trajectCpuVoor = cpuMs(traject.pid);
    const http = await load(N, C, besluit);
    const cpuNa = cpuDelen(service.pid);
    const serviceCpuMsPerDecision = +((cpuNa.user + cpuNa.system - cpuVoor.user - cpuVoor.system) / N).toFixed(2);
    const serviceSystemCpuMsPerDecision = +((cpuNa.system - cpuVoor.system) / N).toFixed(2);
    const trajectServiceCpuMsPerDecision = +((cpuMs(traject.pid) - trajectCpuVoor) / N).toFixed(2);

    // The baseline: the same reads and writes as one decision, in raw SQL, same callers.
    const inSql = async (i: number) => {
      const client = await pool.connect();
      try {
        await besluitInSql(client, ids[i % DEELNEMERS], 1 + (i % ACTIEVE_KETENS));
      } finally {
        client.release();
      }
    };
    await load(100, C, inSql);
    const raw = await load(N, C, inSql);
    // The same, in the two statements consent-service now sends.
    const tweeStatements = await load(N, C, (i) => besluitInTweeStatements(pool, ids[i % DEELNEMERS], 1 + (i % ACTIEVE_KETENS)));
    const regels = Number((await pool.query('SELECT count(*) AS n FROM consent.verwerking')).rows[0].n);
    voortgang('measuring one policy decision and its facts');

    // One policy decision, as consent-service asks it for a decision (the facts already gathered).
    const actor: Actor = { rol: 'klantmanager', dienst: false, organisatieType: 'gemeente' };
    const beslisUs = await mean(200_000, (i) => {
      if (!beslis(actor, 'besluit.vragen', { deelnemerId: ids[i % DEELNEMERS] }, { betrokkenheid: ['aanmelder'] }).toegestaan) throw new Error('refused');
    });
    // Its facts, from the same services consent-service asks: the registry's type of the caller's organisation ...
    const cachedRegister = new HttpOrganisatieRegister(register.url);
    const registerCachedUs = await mean(200_000, async () => {
      if ((await cachedRegister.typeVan(coach.organisatie)) !== 'gemeente') throw new Error('registry: not a gemeente');
    });
    const registerUncachedUs = await mean(200, async () => {
      if ((await new HttpOrganisatieRegister(register.url).typeVan(coach.organisatie)) !== 'gemeente') throw new Error('registry: not a gemeente');
    });
    // ... and the organisation's involvement with the deelnemer, from traject-service.
    const betrokkenheid = new HttpBetrokkenheid(trajectUrl);
    const involvementUncachedUs = await mean(500, async (i) => {
      if (!(await betrokkenheid.bijDeelnemer(ids[i % DEELNEMERS], token)).includes('aanmelder')) throw new Error('not involved');
    });
    const gecacht = new GecachteBetrokkenheid(betrokkenheid, 60_000);
    const involvementCachedUs = await mean(20_000, async (i) => {
      if (!(await gecacht.bijDeelnemer(ids[i % DEELNEMERS], token)).includes('aanmelder')) throw new Error('not involved');
    });
    const ms = (us: number) => +(us / 1000).toFixed(3);

    process.stdout.write(
      `${JSON.stringify({
        database,
        decisions: N,
        concurrency: C,
        deelnemers: DEELNEMERS,
        httpDecisions: http,
        serviceCpuMsPerDecision,
        serviceSystemCpuMsPerDecision,
        trajectServiceCpuMsPerDecision,
        involvementCacheMs: process.env['CONSENT_BETROKKENHEID_CACHE_MS'] ?? 'default',
        rawSqlDecisions: raw,
        ratioRawToHttp: +(raw.perSecond / http.perSecond).toFixed(2),
        rawSqlTwoStatements: tweeStatements,
        ratioTwoStatementsToHttp: +(tweeStatements.perSecond / http.perSecond).toFixed(2),
        logLines: regels,
        policyDecisionUs: +beslisUs.toFixed(3),
        facts: {
          registryType: { cachedUs: +registerCachedUs.toFixed(3), uncachedMs: ms(registerUncachedUs) },
          involvement: { cachedUs: +involvementCachedUs.toFixed(3), uncachedMs: ms(involvementUncachedUs) },
        },
        loadAverage: loadavg().map((l) => +l.toFixed(1)),
      })}\n`,
    );
  } finally {
    await pool.end();
    await service.stop();
    await traject.stop();
    await register.stop();
    await auth.close();
    await temporal.stop();
    await db.dispose();
  }
}

(async () => {
  await run();
})().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
