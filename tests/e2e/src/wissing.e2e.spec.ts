/**
 * Issue 22's "Must show": an erasure that reaches everything. A deelnemer with a finished
 * traject, a delivered handover and processing-log lines is erased through the API; afterwards no
 * table, no workflow history fetched through the real Temporal client, no export and no file under
 * the stack's data directory (the embedded PostgreSQL's files, checkpointed first, hold the
 * services' schemas and the Temporal store) contains the deelnemer's name or BSN in readable form;
 * another deelnemer's data still decrypts, and the processing log still verifies against its
 * anchor. The stack always starts its own embedded PostgreSQL here (`freshMachineEnv` drops
 * DATABASE_URL), so the files it greps are that stack's, in CI too. `E2E_BEHOUD_DATA=1` keeps the data directory for inspection after the run.
 */
import { bewaartermijnStatusQuery, bewaartermijnWorkflowId, type BewaartermijnStatus } from '@ketenregie/consent-contracts';
import { kluisConfigSchema, kluisDataConverter, sleutelkluisVanConfig } from '@ketenregie/shared-crypto';
import { freePorts, startStack } from '@ketenregie/start';
import { Client as TemporalClient, Connection } from '@temporalio/client';
import type { Payload } from '@temporalio/common';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { demoTrajectAanvraag, geldigBsn } from './deelnemer';
import { devTokens } from './dev-tokens';
import { START_TIMEOUT, freshMachineEnv } from './fresh-machine';

interface Antwoord<T> {
  readonly status: number;
  readonly body: T;
}

type Wie = readonly [organisatie: string, rol: string];

/** Every file under `dir`, recursively (sockets and other non-files skipped). */
function bestanden(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const pad = join(dir, e.name);
    if (e.isDirectory()) return bestanden(pad);
    return e.isFile() ? [pad] : [];
  });
}

/** Every payload in a (history) object: objects with `data` bytes and `metadata`. */
function payloads(waarde: unknown, uit: Payload[] = []): Payload[] {
  if (waarde && typeof waarde === 'object') {
    const p = waarde as Payload;
    if (p.data instanceof Uint8Array && p.metadata && typeof p.metadata === 'object') uit.push(p);
    else for (const v of Object.values(waarde)) payloads(v, uit);
  }
  return uit;
}

describe('erasure reaches everything (the stack, its database files and the Temporal store)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ketenregie-e2e-wissing-'));
  let stack: { url: string; env: NodeJS.ProcessEnv; stop(): Promise<void> };

  const gemeente: Wie = ['gemeente-dommeldal', 'klantmanager'];
  const fg: Wie = ['gemeente-dommeldal', 'fg'];
  const coach: Wie = ['werkbrug-dommeldal', 'coach'];
  const ggz: Wie = ['ggz-zuiderlicht', 'behandelaar'];

  const devToken = devTokens(() => stack.url);
  async function call<T>(wie: Wie, method: string, path: string, body?: unknown): Promise<Antwoord<T>> {
    const response = await fetch(`${stack.url}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${await devToken({ organisatie: wie[0], rol: wie[1] })}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON (an export as CSV)
    }
    return { status: response.status, body: parsed as T };
  }

  beforeAll(async () => {
    // The seed waits for the worker, which bundles the workflow code: slow on a loaded machine.
    stack = await startStack({ env: freshMachineEnv(), dataDir, ...(await freePorts()), timeouts: { worker: 400_000, seed: 400_000 } });
  }, START_TIMEOUT + 300_000);

  afterAll(async () => {
    await stack?.stop();
    if (!process.env['E2E_BEHOUD_DATA']) rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('leaves no readable name or BSN anywhere, other deelnemers intact, and a log that verifies', async () => {
    // Distinctive, so a hit can only be this deelnemer.
    const naam = { voornamen: 'Wubbina', achternaam: 'Ypmawissing' };
    const bsn = geldigBsn();
    const deelnemer = await call<{ id: string }>(gemeente, 'POST', '/deelnemers', {
      ...naam,
      geboortedatum: '1968-11-23',
      contact: { telefoon: '0687654321' },
      bsn,
    });
    expect(deelnemer.status).toBe(201);
    const deelnemerId = deelnemer.body.id;
    const ander = await call<{ id: string }>(gemeente, 'POST', '/deelnemers', {
      voornamen: 'Ander',
      achternaam: 'Blijftleesbaar',
      geboortedatum: '1975-01-02',
      bsn: geldigBsn(),
    });
    expect(ander.status).toBe(201);

    // A traject, met in kennismaking, and a handover to GGZ whose dossier is delivered and read.
    const traject = await call<{ id: string }>(gemeente, 'POST', '/trajecten', demoTrajectAanvraag(deelnemerId));
    expect(traject.status).toBe(201);
    const trajectId = traject.body.id;
    expect(
      (await call<{ fase: string }>(coach, 'POST', `/trajecten/${trajectId}/contactpogingen`, { kanaal: 'telefoon', uitkomst: 'afspraak-gemaakt' })).status,
    ).toBe(200);
    const toestemming = await call<{ id: string }>(gemeente, 'POST', '/toestemmingen', {
      deelnemerId,
      verlener: { soort: 'deelnemer' },
      doel: 'warme-overdracht',
      categorieen: ['contact', 'traject-status', 'participatieladder', 'zrm', 'gezondheid'],
      bronnen: [{ soort: 'type', type: 'gemeente' }],
      ontvangers: [{ soort: 'organisatie', organisatie: 'ggz-zuiderlicht' }],
      geldigTot: '2099-01-01T00:00:00.000Z',
      bewijs: { soort: 'ondertekend-formulier', documentId: `scan-wissing-${trajectId}` },
    });
    expect(toestemming.status).toBe(201);
    const overdracht = await call<{ id: string }>(gemeente, 'POST', '/overdrachten', {
      deelnemerId,
      trajectId,
      ontvanger: { organisatie: 'ggz-zuiderlicht', type: 'ggz' },
      reden: 'ggz-behandeling',
      overTeNemen: ['regie'],
      gegevens: { contact: { naam: `${naam.voornamen} ${naam.achternaam}`, telefoon: '0687654321' }, gezondheid: { behandelstatus: 'wachtlijst' } },
    });
    expect(overdracht.status).toBe(201);
    let status = '';
    for (let n = 0; n < 240 && status !== 'dossier-geleverd'; n++) {
      status = (await call<{ status: string }>(ggz, 'GET', `/overdrachten/${overdracht.body.id}`)).body?.status ?? '';
      if (status !== 'dossier-geleverd') await new Promise((r) => setTimeout(r, 500));
    }
    expect(status).toBe('dossier-geleverd');
    const dossier = await call<{ categorieen: { contact?: { naam?: string } } }>(ggz, 'GET', `/overdrachten/${overdracht.body.id}/dossier`);
    expect(dossier.body.categorieen.contact?.naam).toBe(`${naam.voornamen} ${naam.achternaam}`);

    // The traject ends (drop-out), so it may be erased.
    const uitval = await call(gemeente, 'POST', `/trajecten/${trajectId}/uitval`, { reden: 'weigert' });
    expect(uitval.status).toBe(200);
    let traject2: Antwoord<{ status?: string }> = { status: 0, body: {} };
    for (let n = 0; n < 60 && !['uitgevallen', 'afgesloten'].includes(traject2.body?.status ?? ''); n++) {
      traject2 = await call<{ status?: string }>(gemeente, 'GET', `/trajecten/${trajectId}`);
      await new Promise((r) => setTimeout(r, 500));
    }

    const inzageVoor = await call<{ verwerkingen: unknown[] }>(gemeente, 'GET', `/deelnemers/${deelnemerId}/inzage`);
    expect(inzageVoor.body.verwerkingen.length).toBeGreaterThan(0);

    const wissing = await call(fg, 'POST', `/deelnemers/${deelnemerId}/wissing`, { grond: 'verzoek-betrokkene' });
    expect(wissing.status).toBeLessThan(300);

    // The API: unknown everywhere; the other deelnemer still decrypts.
    expect((await call(gemeente, 'GET', `/deelnemers/${deelnemerId}`)).status).toBe(404);
    const andere = await call<{ voornamen?: string; achternaam?: string }>(gemeente, 'GET', `/deelnemers/${ander.body.id}`);
    expect(andere).toMatchObject({ status: 200, body: { achternaam: 'Blijftleesbaar' } });
    // Other processes (exchange-service) drop the destroyed key from their cache when the erasure's NOTIFY reaches them.
    let dossierNa = '';
    for (let n = 0; n < 30; n++) {
      dossierNa = JSON.stringify((await call(ggz, 'GET', `/overdrachten/${overdracht.body.id}/dossier`)).body);
      if (!dossierNa.includes(naam.achternaam)) break;
      await new Promise((r) => setTimeout(r, 1_000));
    }
    expect(dossierNa).not.toContain(naam.achternaam);

    // The processing log verifies, also against the newest anchor.
    const verificatie = await call<{ geldig: boolean }>(fg, 'GET', '/verwerkingen/verificatie');
    expect(verificatie).toMatchObject({ status: 200, body: { geldig: true } });

    // Exports: the stuurgroep's indicator export and the FG's view of the log.
    for (const pad of ['/verwerkingen?limiet=1000']) {
      const antwoord = await call(fg, 'GET', pad);
      const tekst = JSON.stringify(antwoord.body);
      expect(tekst).not.toContain(naam.achternaam);
      expect(tekst).not.toContain(bsn);
    }

    // Every table of every schema, as the database owner reads it (bytea as latin1 text).
    const db = new Client({ connectionString: stack.env['DATABASE_URL'] });
    await db.connect();
    try {
      const tabellen = (
        await db.query<{ s: string; t: string }>(
          `SELECT table_schema AS s, table_name AS t FROM information_schema.tables
           WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
        )
      ).rows;
      expect(tabellen.some((t) => t.s === 'temporal')).toBe(true);
      const treffers: string[] = [];
      for (const { s, t } of tabellen) {
        const { rows } = await db.query(`SELECT * FROM "${s}"."${t}"`);
        const tekst = JSON.stringify(rows, (_k, v: unknown) =>
          v && typeof v === 'object' && (v as { type?: string }).type === 'Buffer' ? Buffer.from((v as { data: number[] }).data).toString('latin1') : v,
        );
        if (tekst.includes(naam.achternaam) || tekst.includes(bsn)) treffers.push(`${s}.${t}`);
      }
      expect(treffers).toEqual([]);

      // Workflow histories through the real client: the payloads are there, encrypted, and no longer decrypt.
      const sleutels = sleutelkluisVanConfig(
        { ...kluisConfigSchema.parse(stack.env), DATABASE_URL: stack.env['DATABASE_URL'] ?? '' },
        { applicationName: 'e2e-wissing' },
      );
      const connection = await Connection.connect({ address: stack.env['TEMPORAL_ADDRESS'] ?? '' });
      try {
        const dataConverter = kluisDataConverter(sleutels, async () => undefined);
        const temporal = new TemporalClient({ connection, namespace: stack.env['TEMPORAL_NAMESPACE'], dataConverter });
        const codec = dataConverter.payloadCodecs[0];
        for (const workflowId of [`traject-${trajectId}`, `overdracht-${overdracht.body.id}`, `toestemming-${toestemming.body.id}`]) {
          const history = await temporal.workflow.getHandle(workflowId).fetchHistory();
          const alle = payloads(history);
          expect(alle.length).toBeGreaterThan(0);
          for (const p of alle) {
            const ruw = Buffer.from(p.data ?? new Uint8Array()).toString('latin1');
            expect(ruw).not.toContain(naam.achternaam);
            expect(ruw).not.toContain(bsn);
          }
          const versleuteld = alle.filter((p) => Buffer.from(p.metadata?.['encoding'] ?? new Uint8Array()).toString() === 'binary/encrypted');
          expect(versleuteld.length).toBeGreaterThan(0);
          for (const p of versleuteld) await expect(codec?.decode([p])).rejects.toThrow();
        }

        // The traject's end started the deelnemer's retention workflow, which waits for the register's
        // period on its own clock (it runs under the system key, so the erasure leaves it readable).
        let bewaar: BewaartermijnStatus | undefined;
        for (let n = 0; n < 40 && !bewaar?.termijn; n++) {
          bewaar = await temporal.workflow
            .getHandle(bewaartermijnWorkflowId(deelnemerId))
            .query(bewaartermijnStatusQuery)
            .catch(() => undefined);
          if (!bewaar?.termijn) await new Promise((r) => setTimeout(r, 500));
        }
        expect(bewaar?.lopend).not.toContain(trajectId);
        expect(bewaar?.termijn?.jaren).toBeGreaterThan(0);
        expect(Number(bewaar?.termijn?.wisOp.slice(0, 4))).toBe(Number(bewaar?.laatsteEinde?.slice(0, 4)) + (bewaar?.termijn?.jaren ?? 0));
        expect(bewaar?.uitkomst).toBeUndefined();
      } finally {
        await connection.close();
        await sleutels.sluit();
      }

      // Every file under the data directory: the database's files (after a checkpoint, so the pages are written), WAL, logs, anchors.
      await db.query('CHECKPOINT');
      await db.query('SELECT pg_switch_wal()');
    } finally {
      await db.end();
    }
    const gevonden = bestanden(dataDir).filter((pad) => {
      if (statSync(pad).size > 256 * 1024 * 1024) return false;
      const inhoud = readFileSync(pad);
      return inhoud.includes(naam.achternaam) || inhoud.includes(bsn) || inhoud.includes(Buffer.from(naam.achternaam, 'utf16le'));
    });
    expect(gevonden).toEqual([]);
  }, 600_000);
});
