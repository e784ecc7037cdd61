import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
// The orchestrator behind `npm start`, used as-is: same steps (the portal build included), free ports, a temporary data dir.
import { freePorts, startStack } from '@ketenregie/start';
import { ernstigeToegankelijkheidsfouten, nieuweContext, screenshot, startChromium, willekeurigBsn } from './browser';

/** The environment of a fresh machine: embedded database, Temporal and auth. */
function freshMachineEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (key === 'DATABASE_URL' || key.startsWith('TEMPORAL_') || key.startsWith('AUTH_') || key.startsWith('KETENREGIE_') || key.endsWith('_SERVICE_URL'))
      delete env[key];
  }
  return env;
}

describe('the werkgever in the portal (headless Chromium)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ketenregie-browser-werkgever-'));
  let stack: { url: string; stop(): Promise<void> };
  let chromium: Awaited<ReturnType<typeof startChromium>>;
  let browser: Browser;

  beforeAll(async () => {
    // Generous start-up limits: the worker bundles four task queues' workflows on a shared, loaded machine.
    stack = await startStack({
      env: freshMachineEnv(),
      dataDir,
      ...(await freePorts()),
      timeouts: { service: 300_000, worker: 480_000, gateway: 300_000, seed: 300_000, portal: 480_000 },
    });
    chromium = await startChromium();
    browser = chromium.browser;
  }, 900_000);

  afterAll(async () => {
    await chromium?.close();
    await stack?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  /** One API call through the gateway as a demo person. */
  async function alsVia<T>(wie: { organisatie: string; rol: string }, method: string, pad: string, body?: unknown): Promise<T> {
    const t = await fetch(`${stack.url}/auth/dev-token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(wie) });
    const { token } = (await t.json()) as { token: string };
    const res = await fetch(`${stack.url}/api/v1${pad}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!res.ok) throw new Error(`${method} ${pad} answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as T;
  }

  async function bekijk(page: Page, naam: string): Promise<void> {
    await screenshot(page, naam);
    expect(await ernstigeToegankelijkheidsfouten(page)).toEqual([]);
  }

  it('the werkgever opens its placements page and confirms a proefplaatsing evaluation, on accessible pages', async () => {
    const gemeente = { organisatie: 'gemeente-dommeldal', rol: 'klantmanager' };
    const coach = { organisatie: 'werkbrug-dommeldal', rol: 'coach' };
    const werkgever = { organisatie: 'van-der-heijden-metaal', rol: 'jobcoach' };
    // As the partnership would have it: the employer's profile and vacancy, a deelnemer in a traject, their consent, the coach's proposal.
    await alsVia(werkgever, 'PUT', '/werkgevers/van-der-heijden-metaal', {
      contactpersoon: { naam: 'Ria de Wit', telefoon: '0401111111' },
      plaatsvervanger: { naam: 'Kees Jansen', telefoon: '0402222222' },
    });
    const vacature = await alsVia<{ id: string }>(werkgever, 'POST', '/vacatures', {
      titel: 'Magazijnmedewerker',
      urenPerWeek: 24,
      taken: ['orderpicken'],
      ondersteuning: ['jobcoach', 'proefplaatsing', 'loonkostensubsidie'],
    });
    const deelnemer = await alsVia<{ id: string }>(gemeente, 'POST', '/deelnemers', {
      voornamen: 'Sam',
      achternaam: 'Bakker',
      geboortedatum: '1979-03-02',
      bsn: willekeurigBsn(),
    });
    const traject = await alsVia<{ id: string }>(gemeente, 'POST', '/trajecten', {
      deelnemerId: deelnemer.id,
      programmaCode: 'maatwerktraject-den-bosch',
      regie: { regievoerderId: 'dev:gemeente-dommeldal:klantmanager', organisatieId: 'gemeente-dommeldal' },
      coach: { coachId: 'dev:werkbrug-dommeldal:coach', organisatieId: 'werkbrug-dommeldal' },
      aanmeldreden: 'activering',
      doelgroep: { ladderTrede: 2, jarenInBijstand: 6 },
    });
    await alsVia(coach, 'POST', '/toestemmingen', {
      deelnemerId: deelnemer.id,
      verlener: { soort: 'deelnemer' },
      doel: 'plaatsing-werkgever',
      categorieen: ['contact', 'werkervaring-cv'],
      bronnen: [{ soort: 'organisatie', organisatie: 'werkbrug-dommeldal' }],
      ontvangers: [{ soort: 'organisatie', organisatie: 'van-der-heijden-metaal' }],
      geldigTot: '2099-01-01T00:00:00.000Z',
      bewijs: { soort: 'ondertekend-formulier', documentId: 'scan-browser' },
    });
    const plaatsing = await alsVia<{ plaatsingId: string }>(coach, 'POST', `/vacatures/${vacature.id}/voordrachten`, {
      trajectId: traject.id,
      jobcoach: { organisatieId: 'werkbrug-dommeldal', professional: 'dev:werkbrug-dommeldal:coach' },
      profiel: { roepnaam: 'Sam', werkervaring: ['magazijn'] },
    });
    await alsVia(werkgever, 'POST', `/plaatsingen/${plaatsing.plaatsingId}/opdrachten`, { soort: 'kennismaking', uitkomst: 'proefplaatsing' });

    const context = await nieuweContext(browser);
    const page = await context.newPage();
    try {
      await page.goto(`${stack.url}/`);
      await page.getByRole('heading', { name: 'Inloggen' }).waitFor();
      await page.getByLabel('Organisatie').selectOption({ label: 'Van der Heijden Metaal B.V. (werkgever)' });
      await page.getByLabel('Rol').selectOption({ label: 'Jobcoach' });
      await page.getByRole('button', { name: 'Inloggen' }).click();
      await page.getByRole('heading', { name: 'Welkom' }).waitFor();

      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn plaatsingen' }).click();
      await page.getByRole('heading', { name: 'Mijn plaatsingen', level: 1 }).waitFor();
      await page.getByRole('heading', { name: 'Magazijnmedewerker: Sam' }).waitFor();
      const plaatsing = page.getByRole('region', { name: 'Magazijnmedewerker: Sam' });
      expect(await plaatsing.getByText('Proefplaatsing', { exact: true }).count()).toBe(2);
      expect(await plaatsing.getByText(/met behoud van uitkering/).count()).toBe(1);
      expect(await page.getByText(/Werkgeversservicepunt Dommeldal/).count()).toBe(1);
      await bekijk(page, 'werkgever-01-plaatsingen');

      await page.getByRole('button', { name: 'Evaluatie bevestigen voor Magazijnmedewerker' }).click();
      await page.getByRole('status').getByText('De evaluatie van de proefplaatsing Magazijnmedewerker is bevestigd.').waitFor();
      await plaatsing.getByText('Loonwaardemeting', { exact: true }).waitFor();
      expect(await page.getByRole('button', { name: /Evaluatie bevestigen/ }).count()).toBe(0);
      await bekijk(page, 'werkgever-02-evaluatie-bevestigd');
    } finally {
      await context.close();
    }
  }, 300_000);
});
