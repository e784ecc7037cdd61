/**
 * The stuurgroep's view through the gateway of the whole stack: trajecten started by the
 * gemeente reach the indicators through the traject context's outbox feed within seconds, and no
 * stuurgroep route ever answers with a deelnemer id, a traject id, a name, a BSN or free text.
 */
import { eventually } from '@ketenregie/shared-testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePorts, startStack } from '@ketenregie/start';
import { demoTrajectAanvraag, geldigBsn } from './deelnemer';
import { devTokens, type DevTokenVoor } from './dev-tokens';
import { START_TIMEOUT, freshMachineEnv } from './fresh-machine';

/** This month in Amsterdam (`YYYY-MM`): the period a traject started today falls in. */
const dezeMaand = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date()).slice(0, 7);

interface Rapport {
  indicatoren: { definitie: { code: string }; cellen: { meting: string; partner: string; periode: string; waarde: number | null; onderdrukt: boolean }[] }[];
}

describe('the stuurgroep through the gateway', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ketenregie-e2e-stuurgroep-'));
  let stack: { url: string; stop(): Promise<void> };
  const token = devTokens(() => stack.url);
  const gemeente = { organisatie: 'gemeente-dommeldal', rol: 'klantmanager' };
  const stuurgroeplid = { organisatie: 'gemeente-dommeldal', rol: 'stuurgroeplid' };

  async function call(wie: DevTokenVoor, method: string, path: string, body?: unknown): Promise<{ status: number; text: string }> {
    const response = await fetch(`${stack.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${await token(wie)}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, text: await response.text() };
  }

  beforeAll(
    async () => {
      const ports = await freePorts();
      // Generous start timeouts (an orchestrator option its typings leave out): the machine running the suite may be shared and loaded.
      const opties = {
        env: { ...freshMachineEnv(), MONITOR_FEED_INTERVAL_MS: '200' },
        dataDir,
        ...ports,
        timeouts: { service: 300_000, worker: 300_000, gateway: 180_000, seed: 300_000 },
      };
      stack = await startStack(opties);
    },
    Math.max(START_TIMEOUT, 900_000),
  );

  afterAll(async () => {
    await stack?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('shows trajecten started through the gateway in the indicators within seconds, and no personal data on any stuurgroep route', async () => {
    const maand = dezeMaand();
    const aangemeld = async (): Promise<number> => {
      const r = await call(stuurgroeplid, 'GET', `/api/v1/indicatoren?periode=maand&indicatoren=bereik&van=${maand}&tot=${maand}`);
      expect(r.status).toBe(200);
      const cel = (JSON.parse(r.text) as Rapport).indicatoren[0].cellen.find((c) => c.meting === 'aangemeld' && c.partner === 'gemeente-dommeldal');
      return cel?.waarde ?? 0;
    };
    const voor = await aangemeld();

    // Six deelnemers with names, BSNs and contact details a stuurgroep must never see.
    const geheimen: string[] = [];
    const start = Date.now();
    for (let i = 0; i < 6; i++) {
      const bsn = geldigBsn();
      const achternaam = `Kwakernaak${i}x${Math.floor(Math.random() * 1e6)}`;
      const d = await call(gemeente, 'POST', '/api/v1/deelnemers', {
        voornamen: 'Zefanja',
        achternaam,
        geboortedatum: '1979-03-02',
        contact: { telefoon: '0612345678', email: `${achternaam}@example.org` },
        bsn,
      });
      expect(d.status).toBe(201);
      const deelnemerId = (JSON.parse(d.text) as { id: string }).id;
      const t = await call(gemeente, 'POST', '/api/v1/trajecten', demoTrajectAanvraag(deelnemerId));
      expect(t.status).toBe(201);
      geheimen.push(bsn, achternaam, 'Zefanja', `${achternaam}@example.org`, deelnemerId, (JSON.parse(t.text) as { id: string }).id);
    }
    const na = await eventually(async () => {
      const n = await aangemeld();
      expect(n).toBeGreaterThanOrEqual(voor + 6);
      return n;
    }, 30_000);
    process.stdout.write(`stuurgroep e2e: ${voor} → ${na} trajecten aangemeld this month, visible in the indicators after ${Date.now() - start} ms\n`);

    // A convenant, so its routes answer with content too.
    const convenant = await call(stuurgroeplid, 'POST', '/api/v1/convenanten', {
      stuurgroepId: 'stuurgroep-dommeldal',
      naam: 'Convenant Participatie Dommeldal',
      startdatum: '2026-01-01',
      einddatum: '2027-12-31',
      partijen: [
        { organisatieId: 'gemeente-dommeldal', toezeggingen: [{ soort: 'aantal-trajecten', waarde: 120, eenheid: 'aantal', periode: 'jaar' }] },
        { organisatieId: 'werkbrug-dommeldal', toezeggingen: [{ soort: 'evaluaties-op-tijd', waarde: 90, eenheid: 'procent', periode: 'kwartaal' }] },
      ],
      doelen: [{ indicator: 'bereik', streefwaarde: 100, eenheid: 'aantal', periode: 'kwartaal' }],
    });
    expect(convenant.status).toBe(201);
    const convenantId = (JSON.parse(convenant.text) as { id: string }).id;

    // Every GET route of the stuurgroep's resources the gateway publishes, as every stuurgroeplid.
    const openapi = (await (await fetch(`${stack.url}/api/v1/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    const routes = Object.entries(openapi.paths)
      .filter(([pad, ops]) => /^\/api\/v1\/(stuurgroepen|convenanten|indicatoren|pilots)/.test(pad) && 'get' in ops)
      .map(([pad]) => pad.replace('/stuurgroepen/{id}', '/stuurgroepen/stuurgroep-dommeldal').replace('{id}', convenantId).replace('{versie}', '1'));
    expect(routes.length).toBeGreaterThanOrEqual(6);
    const leden = ['gemeente-dommeldal', 'werkbrug-dommeldal', 'ggz-zuiderlicht'];
    let antwoorden = 0;
    for (const organisatie of leden)
      for (const pad of routes)
        for (const query of ['', '?periode=maand', '?periode=jaar']) {
          const r = await call({ organisatie, rol: 'stuurgroeplid' }, 'GET', `${pad}${query}`);
          if (r.status !== 200) continue;
          antwoorden += 1;
          for (const geheim of geheimen) expect(r.text).not.toContain(geheim);
          expect(r.text).not.toMatch(/"(deelnemerId|bsn|voornamen|achternaam|omschrijving|toelichtingTekst|email|telefoon)"/);
        }
    process.stdout.write(`stuurgroep e2e: ${routes.length} stuurgroep routes, ${antwoorden} answers checked for personal data\n`);
    expect(antwoorden).toBeGreaterThanOrEqual(routes.length);
  }, 180_000);
});
