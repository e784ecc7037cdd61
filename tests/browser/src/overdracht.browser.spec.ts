import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
// The orchestrator behind `npm start`, used as-is: same steps (the portal build included), free ports, a temporary data dir.
import { freePorts, startStack } from '@ketenregie/start';
import { ernstigeToegankelijkheidsfouten, nieuweContext, screenshot, startChromium, willekeurigBsn } from './browser';

const START_TIMEOUT = 600_000;
/** Generous start-up limits: the shared 2-core machine is often busy (load averages of 30 and more). */
const STACK_TIMEOUTS = { service: 300_000, worker: 300_000, gateway: 120_000, seed: 300_000 };
const MAANDEN = '(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)';
/** A moment as the portal shows it: `7 december 2026, 14:05`. */
const DATUM_TIJD = new RegExp(`\\d{1,2} ${MAANDEN} \\d{4}, \\d{2}:\\d{2}`);

/** The environment of a fresh machine: embedded database, Temporal and auth. */
function freshMachineEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (key === 'DATABASE_URL' || key.startsWith('TEMPORAL_') || key.startsWith('AUTH_') || key.startsWith('KETENREGIE_') || key.endsWith('_SERVICE_URL'))
      delete env[key];
  }
  return env;
}

/** Checks the page against WCAG 2.1 AA and keeps its screenshot. */
async function bekijk(page: Page, naam: string): Promise<void> {
  await screenshot(page, naam);
  expect(await ernstigeToegankelijkheidsfouten(page)).toEqual([]);
}

/**
 * Warme overdracht, the deelnemer's own data and the FG, in a real browser: a coach of the
 * uitvoerder hands a traject led by the gemeente over to GGZ, records the deelnemer's consent
 * and reads back what went; the GGZ behandelaar finds it in the inbox, sees only the released
 * fields and accepts; the deelnemer withdraws the consent and sees it in the inzage; the FG
 * opens the register and verifies the processing log.
 */
describe('warme overdracht, Mijn gegevens and the FG in a real browser (headless Chromium)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ketenregie-browser-overdracht-'));
  let stack: { url: string; stop(): Promise<void> };
  let chromium: Awaited<ReturnType<typeof startChromium>>;
  let browser: Browser;
  let deelnemerId: string;
  let trajectId: string;

  /** A call to the API through the gateway with a demo token of `organisatie` in role `rol`. */
  async function api<T>(organisatie: string, rol: string, method: string, path: string, body?: unknown): Promise<T> {
    const tokenAntwoord = await fetch(`${stack.url}/auth/dev-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ organisatie, rol }),
    });
    const { token } = (await tokenAntwoord.json()) as { token: string };
    const res = await fetch(`${stack.url}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const tekst = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${tekst}`);
    return (tekst ? JSON.parse(tekst) : undefined) as T;
  }

  beforeAll(async () => {
    // `timeouts` is an option of the orchestrator that its JSDoc does not list.
    const opties = { env: freshMachineEnv(), dataDir, ...(await freePorts()), timeouts: STACK_TIMEOUTS };
    stack = await startStack(opties);
    chromium = await startChromium();
    browser = chromium.browser;
    // A traject led by the gemeente with a Werkbrug coach, met in kennismaking: the first phase a handover may start in.
    deelnemerId = (
      await api<{ id: string }>('gemeente-dommeldal', 'klantmanager', 'POST', '/deelnemers', {
        voornamen: 'Sam',
        achternaam: 'Bakker',
        geboortedatum: '1979-03-02',
        contact: { telefoon: '0612345678' },
        bsn: willekeurigBsn(),
      })
    ).id;
    trajectId = (
      await api<{ id: string }>('gemeente-dommeldal', 'klantmanager', 'POST', '/trajecten', {
        deelnemerId,
        programmaCode: 'maatwerktraject-den-bosch',
        regie: { regievoerderId: 'dev:gemeente-dommeldal:klantmanager', organisatieId: 'gemeente-dommeldal' },
        coach: { coachId: 'dev:werkbrug-dommeldal:coach', organisatieId: 'werkbrug-dommeldal' },
        aanmeldreden: 'activering',
        doelgroep: { ladderTrede: 2, jarenInBijstand: 6 },
      })
    ).id;
    await api('werkbrug-dommeldal', 'coach', 'POST', `/trajecten/${trajectId}/contactpogingen`, { kanaal: 'telefoon', uitkomst: 'afspraak-gemaakt' });
  }, START_TIMEOUT);

  afterAll(async () => {
    await chromium?.close();
    await stack?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  /** Signs in on the demo sign-in page as `rol` of the organisation named `organisatie`. */
  async function logIn(page: Page, organisatie: string, rol: string): Promise<void> {
    await page.goto(`${stack.url}/`);
    await page.getByRole('heading', { name: 'Inloggen', exact: true }).waitFor();
    await page.getByLabel('Organisatie').selectOption({ label: organisatie });
    await page.getByLabel('Rol').selectOption({ label: rol });
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await page.getByRole('heading', { name: 'Welkom', exact: true }).waitFor();
  }

  const menu = (page: Page, naam: string) => page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: naam });

  it('a coach requests a handover to GGZ with a preview of what may go, records consent and reads back what went; the GGZ behandelaar sees only the released fields and accepts', async () => {
    const context = await nieuweContext(browser);
    const page = await context.newPage();
    try {
      await logIn(page, 'Stichting Werkbrug Dommeldal (uitvoerder)', 'Coach');
      await page.goto(`${stack.url}/trajecten/${trajectId}`);
      await page.getByRole('link', { name: 'Warme overdracht aanvragen' }).click();
      await page.getByRole('heading', { name: 'Warme overdracht aanvragen', exact: true }).waitFor();
      await page.getByLabel('Ontvanger').selectOption({ label: 'GGZ Zuiderlicht (ggz-instelling)' });
      // Before sending: what the receiver's role may get, and what needs consent.
      const vrijgave = page.getByRole('table', { name: 'Wat deze ontvanger mag krijgen', exact: true });
      await vrijgave.waitFor();
      expect(await vrijgave.getByRole('row', { name: /Gezondheid \(bijzonder persoonsgegeven\)/ }).innerText()).toContain(
        'Alleen met toestemming van de deelnemer',
      );
      expect(await vrijgave.getByRole('row', { name: /Werkervaring en cv/ }).innerText()).toContain('Gaat nooit mee naar deze ontvanger');
      await page.getByLabel('Reden van de overdracht').selectOption({ label: 'GGZ-behandeling nodig' });
      const groep = (naam: RegExp) => page.getByRole('group', { name: naam });
      await groep(/^Contactgegevens/)
        .getByLabel('Naam (niet verplicht)')
        .fill('S. Bakker');
      await groep(/^Contactgegevens/)
        .getByLabel('Telefoonnummer (niet verplicht)')
        .fill('0612345678');
      await groep(/^Gezondheid/)
        .getByLabel('Stand van de behandeling (niet verplicht)')
        .fill('wachtlijst');
      // Financial data may go to GGZ with consent, but a GGZ receiver does not need it for a handover: it stays behind.
      await groep(/^Financiën en schulden/)
        .getByLabel('Bewindvoering (niet verplicht)')
        .fill('ja, sinds 2024');
      await bekijk(page, '20-overdracht-aanvragen');
      await page.getByRole('button', { name: 'Overdracht aanvragen' }).click();

      await page.getByText('De overdracht aan GGZ Zuiderlicht is aangevraagd.').waitFor();
      // GGZ has no statutory basis for anything: the workflow asks for the deelnemer's consent.
      await page.getByRole('heading', { name: 'Toestemming van de deelnemer', exact: true }).waitFor({ timeout: 60_000 });
      expect(await page.locator('main').innerText()).toContain('Toestemming van de deelnemer nodig');
      await bekijk(page, '21-overdracht-toestemming-nodig');
      // The deelnemer consents to what GGZ may get only with consent (all of it is ticked).
      expect(await page.getByLabel('Gezondheid').isChecked()).toBe(true);
      await page.getByLabel('Kenmerk van het ondertekende formulier').fill('scan-2026-0142');
      await page.getByLabel('Geldig tot').fill('31-12-2027');
      await page.getByRole('button', { name: 'Toestemming vastleggen' }).click();
      await page.getByText('De toestemming is vastgelegd.').waitFor();

      // After delivery: what went, and what was left out and why.
      const gedeeld = page.getByRole('list', { name: 'Gedeelde gegevens', exact: true });
      await gedeeld.waitFor({ timeout: 60_000 });
      expect(await gedeeld.innerText()).toContain('Contactgegevens: naam en telefoonnummer');
      expect(await gedeeld.innerText()).toContain('Gezondheid: stand van de behandeling');
      expect(await page.getByRole('list', { name: 'Niet gedeelde gegevens', exact: true }).innerText()).toContain(
        'Financiën en schulden (alles). Niet nodig voor de rol van de ontvanger.',
      );
      const zender = await page.locator('main').innerText();
      expect(zender).toContain('Dossier geleverd, wacht op antwoord');
      expect(zender).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-|ggz-zuiderlicht|dossier-geleverd|NIET_/);
      await bekijk(page, '22-overdracht-geleverd-zender');
      await page.getByRole('button', { name: 'Uitloggen' }).click();

      // The receiver: the inbox, the dossier with only the released fields, acceptance, the driegesprek.
      await logIn(page, 'GGZ Zuiderlicht (ggz-instelling)', 'Behandelaar');
      await menu(page, 'Overdrachten').click();
      await page.getByRole('heading', { name: 'Overdrachten', exact: true }).waitFor();
      await page.getByLabel('Richting').selectOption({ label: 'Inkomend' });
      await page.getByRole('button', { name: 'Filteren' }).click();
      const inkomend = page.getByRole('link', { name: 'Inkomend van Stichting Werkbrug Dommeldal' });
      await inkomend.waitFor();
      expect(await page.getByText(/Pagina 1 van 1 \(1 overdracht\)/).count()).toBe(1);
      await bekijk(page, '23-overdrachten-inbox-ggz');
      await inkomend.click();
      await page.getByRole('button', { name: 'Overdracht accepteren' }).waitFor();
      await bekijk(page, '24-overdracht-ontvanger');
      await page.getByRole('link', { name: 'Dossier bekijken' }).click();
      await page.getByRole('heading', { name: 'Dossier van de overdracht', exact: true }).waitFor();
      await page.getByText('S. Bakker').waitFor();
      const dossier = await page.locator('main').innerText();
      expect(dossier).toContain('Contactgegevens');
      expect(dossier).toContain('0612345678');
      expect(dossier).toContain('Stand van de behandeling');
      expect(dossier).toContain('wachtlijst');
      // Not needed for the receiver's role: not in the dossier.
      expect(dossier).not.toContain('Financiën en schulden');
      expect(dossier).not.toContain('ja, sinds 2024');
      expect(dossier).toMatch(DATUM_TIJD);
      await bekijk(page, '25-dossier-ontvanger');
      await page.getByRole('link', { name: 'Terug naar de overdracht' }).click();
      await page.getByRole('button', { name: 'Overdracht accepteren' }).click();
      await page.getByText('U hebt de overdracht geaccepteerd.').waitFor();
      await page.getByRole('button', { name: 'Driegesprek plannen' }).waitFor({ timeout: 30_000 });
      await page.getByLabel('Datum van het driegesprek').fill('12-01-2027');
      await page.getByRole('button', { name: 'Driegesprek plannen' }).click();
      await page.getByText('Het driegesprek is gepland op 12 januari 2027.').waitFor();
      await page.getByRole('button', { name: 'Driegesprek is gehouden' }).waitFor({ timeout: 30_000 });
      await bekijk(page, '26-overdracht-driegesprek');
    } catch (fout) {
      await screenshot(page, 'fout-overdracht-1').catch(() => undefined);
      throw fout;
    } finally {
      await context.close();
    }
  }, 240_000);

  it('a deelnemer reads their traject in plain words, withdraws a consent and sees it, and every read of their data, in the inzage', async () => {
    const context = await nieuweContext(browser);
    const page = await context.newPage();
    try {
      await page.goto(`${stack.url}/`);
      await page.getByRole('heading', { name: 'Inloggen', exact: true }).waitFor();
      await page.getByLabel('Deelnemernummer').fill(deelnemerId);
      await bekijk(page, '29-inloggen-deelnemer');
      await page.getByRole('button', { name: 'Mijn gegevens bekijken' }).click();
      await page.getByRole('heading', { name: 'Welkom', exact: true }).waitFor();
      await menu(page, 'Mijn gegevens').click();
      await page.getByRole('heading', { name: 'Mijn gegevens', exact: true }).waitFor();
      await page.getByRole('heading', { name: 'Mijn traject', exact: true }).waitFor();
      const voor = await page.locator('main').innerText();
      expect(voor).toMatch(/U doet mee aan .+\. U bent begonnen op \d{1,2} \w+ \d{4}\./);
      expect(voor).toContain('U maakt kennis met uw coach.');
      // The GGZ behandelaar's read of the dossier, in the inzage: who, when, what and why.
      const inzage = page.getByRole('table', { name: 'Wie heeft mijn gegevens gebruikt', exact: true });
      const lezing = inzage.getByRole('row', { name: /GGZ Zuiderlicht.*Gegevens ingezien/ }).first();
      await lezing.waitFor();
      expect(await lezing.innerText()).toMatch(DATUM_TIJD);
      expect(await lezing.innerText()).toContain('Warme overdracht tussen partners');
      expect(voor).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-|ggz-zuiderlicht|raadpleging|warme-overdracht/);
      await bekijk(page, '30-mijn-gegevens');

      await page.getByRole('button', { name: 'Toestemming voor warme overdracht intrekken' }).click();
      await page.getByText('Uw toestemming voor warme overdracht is ingetrokken.').waitFor();
      await page.getByRole('cell', { name: /^Ingetrokken op / }).waitFor();
      await inzage
        .getByRole('row', { name: /Toestemming ingetrokken/ })
        .first()
        .waitFor();
      expect(await page.getByRole('button', { name: /intrekken$/ }).count()).toBe(0);
      await bekijk(page, '31-mijn-gegevens-ingetrokken');

      // The print view: the content without menu, buttons or footer.
      await page.emulateMedia({ media: 'print' });
      expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: 'Afdrukken' }).isVisible()).toBe(false);
      expect(await inzage.isVisible()).toBe(true);
      await screenshot(page, '32-mijn-gegevens-afdruk');
      await page.emulateMedia({ media: 'screen' });
    } catch (fout) {
      await screenshot(page, 'fout-overdracht-2').catch(() => undefined);
      throw fout;
    } finally {
      await context.close();
    }
  }, 120_000);

  it('the FG opens the processing register and verifies the processing log', async () => {
    const context = await nieuweContext(browser);
    const page = await context.newPage();
    try {
      await logIn(page, 'Gemeente Dommeldal, Werk & Inkomen (gemeente)', 'Functionaris gegevensbescherming');
      await menu(page, 'Verwerkingsregister').click();
      await page.getByRole('heading', { name: 'Verwerkingsregister', exact: true }).waitFor();
      await page.getByRole('heading', { name: 'Warme overdracht tussen partners', exact: true }).waitFor();
      expect(await page.getByRole('table', { name: 'Vrijgaveprofielen', exact: true }).getByRole('row').count()).toBeGreaterThan(5);
      await bekijk(page, '40-fg-verwerkingsregister');
      await menu(page, 'Controle verwerkingslog').click();
      await page.getByRole('heading', { name: 'Controle van de verwerkingslog', exact: true }).waitFor();
      await page.getByText(/De verwerkingslog is in orde: \d+ regels gecontroleerd op/).waitFor();
      expect(await page.getByRole('table', { name: 'Regels van de log', exact: true }).getByRole('row').count()).toBeGreaterThan(1);
      await bekijk(page, '41-fg-verificatie');
    } catch (fout) {
      await screenshot(page, 'fout-overdracht-3').catch(() => undefined);
      throw fout;
    } finally {
      await context.close();
    }
  }, 90_000);
});
