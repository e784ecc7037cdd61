import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
// The orchestrator behind `npm start`, used as-is: same steps (the portal build included), free ports, a temporary data dir.
import { freePorts, startStack } from '@ketenregie/start';
import { apiCall, demoToken, ernstigeToegankelijkheidsfouten, nieuweContext, screenshot, startChromium, willekeurigBsn } from './browser';

/** The environment of a fresh machine: embedded database, Temporal and auth. */
function freshMachineEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (key === 'DATABASE_URL' || key.startsWith('TEMPORAL_') || key.startsWith('AUTH_') || key.startsWith('KETENREGIE_') || key.endsWith('_SERVICE_URL'))
      delete env[key];
  }
  return env;
}

interface Cel {
  indicator: string;
  meting: string;
  categorie: string;
  partner: string;
  periode: string;
  waarde: number | null;
  onderdrukt: boolean;
  onvolledig: boolean;
}
interface Rapport {
  peildatum: string;
  indicatoren: { definitie: { code: string; naam: string }; cellen: Cel[] }[];
}
interface Afspraken {
  regels: {
    partner: string;
    soort: string;
    periode: string;
    gerealiseerd: number | null;
    onderdrukt: boolean;
    onvolledig: boolean;
    indicator: string | null;
  }[];
}

/** A count as the dashboard writes it (the API's figure, marked when suppressed or incomplete; no cell is 0). */
const alsTekst = (c: Cel | undefined) => (!c ? '0' : c.onderdrukt ? 'onderdrukt (minder dan 5)' : `${c.onvolledig ? 'ten minste ' : ''}${c.waarde}`);
const kwartaalLabel = (p: string) => p.replace(/^(\d{4})-K(\d)$/, '$2e kwartaal $1');

describe('the stuurgroep dashboard in the portal (headless Chromium)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ketenregie-browser-stuurgroep-'));
  let stack: { url: string; stop(): Promise<void> };
  let chromium: Awaited<ReturnType<typeof startChromium>>;
  let browser: Browser;

  beforeAll(async () => {
    // Generous start-up limits: the worker bundles several task queues' workflows on a shared, loaded machine.
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

  async function bekijk(page: Page, naam: string): Promise<void> {
    await screenshot(page, naam);
    expect(await ernstigeToegankelijkheidsfouten(page)).toEqual([]);
  }

  it('a stuurgroeplid sees charts and tables with the API numbers, a suppressed cell marked, a CSV export and an accessible page', async () => {
    // The demo region seeds 3 trajecten; 5 more by the gemeente with the same coach make the funnel's cell released (8) and the caseload's suppressed (1 professional).
    const klantmanager = await demoToken(stack.url, 'gemeente-dommeldal', 'klantmanager');
    const namen = ['Noor', 'Bram', 'Lotte', 'Daan', 'Ilse'];
    for (const [i, voornaam] of namen.entries()) {
      const deelnemer = await apiCall<{ id: string }>(stack.url, klantmanager, 'POST', '/deelnemers', {
        voornamen: voornaam,
        achternaam: 'Stuurgroeptest',
        geboortedatum: `198${i}-05-1${i}`,
        bsn: willekeurigBsn(),
      });
      await apiCall(stack.url, klantmanager, 'POST', '/trajecten', {
        deelnemerId: deelnemer.id,
        programmaCode: 'maatwerktraject-den-bosch',
        regie: { regievoerderId: 'dev:gemeente-dommeldal:klantmanager', organisatieId: 'gemeente-dommeldal' },
        coach: { coachId: 'dev:werkbrug-dommeldal:coach', organisatieId: 'werkbrug-dommeldal' },
        aanmeldreden: 'activering',
        doelgroep: { ladderTrede: 2, jarenInBijstand: 6 },
      });
    }
    const stuurgroeplid = await demoToken(stack.url, 'gemeente-dommeldal', 'stuurgroeplid');
    const jaar = new Date().getFullYear();
    const convenant = await apiCall<{ id: string }>(stack.url, stuurgroeplid, 'POST', '/convenanten', {
      stuurgroepId: 'stuurgroep-dommeldal',
      naam: 'Convenant Participatie Dommeldal',
      startdatum: `${jaar}-01-01`,
      einddatum: `${jaar + 1}-12-31`,
      partijen: [
        { organisatieId: 'gemeente-dommeldal', toezeggingen: [{ soort: 'aantal-trajecten', waarde: 6, eenheid: 'aantal', periode: 'kwartaal' }] },
        {
          organisatieId: 'werkbrug-dommeldal',
          toezeggingen: [
            { soort: 'evaluaties-op-tijd', waarde: 80, eenheid: 'procent', periode: 'kwartaal' },
            { soort: 'uren-en-expertise', waarde: 16, eenheid: 'uren', periode: 'maand', expertise: 'jobcoaching' },
          ],
        },
      ],
      doelen: [{ indicator: 'bereik', streefwaarde: 20, eenheid: 'aantal', periode: 'kwartaal' }],
    });
    // The projection follows the traject feed within seconds.
    let rapport: Rapport | undefined;
    const aangemeld = (r: Rapport) =>
      r.indicatoren
        .find((i) => i.definitie.code === 'bereik')
        ?.cellen.filter((c) => c.meting === 'aangemeld' && c.partner === 'alle')
        .at(-1)?.waarde ?? 0;
    for (const start = Date.now(); Date.now() - start < 90_000; await new Promise((r) => setTimeout(r, 1000))) {
      rapport = await apiCall<Rapport>(stack.url, stuurgroeplid, 'GET', '/indicatoren?periode=kwartaal');
      if (aangemeld(rapport) >= 8) break;
    }
    expect(aangemeld(rapport as Rapport)).toBeGreaterThanOrEqual(8);

    const context = await nieuweContext(browser);
    const page = await context.newPage();
    try {
      await page.goto(`${stack.url}/`);
      await page.getByRole('heading', { name: 'Inloggen' }).waitFor();
      await page.getByLabel('Organisatie').selectOption({ label: 'Gemeente Dommeldal, Werk & Inkomen (gemeente)' });
      await page.getByLabel('Rol').selectOption({ label: 'Stuurgroeplid' });
      await page.getByRole('button', { name: 'Inloggen' }).click();
      await page.getByRole('heading', { name: 'Welkom' }).waitFor();
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Dashboard convenant' }).click();
      await page.getByRole('heading', { name: 'Dashboard convenant', level: 1 }).waitFor();
      await page.getByRole('heading', { name: 'Afspraken per partner' }).waitFor();

      // The numbers the page shows are the API's, read now.
      const api = await apiCall<Rapport>(stack.url, stuurgroeplid, 'GET', '/indicatoren?periode=kwartaal');
      const cellen = (code: string) => api.indicatoren.find((i) => i.definitie.code === code)?.cellen ?? [];
      const perioden = [...new Set(api.indicatoren.flatMap((i) => i.cellen.map((c) => c.periode)))].sort();
      const periode = perioden.at(-1) as string;
      const vind = (code: string, meting: string, categorie = '-') =>
        cellen(code).find((c) => c.meting === meting && c.partner === 'alle' && c.periode === periode && c.categorie === categorie);
      const tabel = (bijschrift: string) => page.locator('table', { has: page.locator('caption', { hasText: bijschrift }) });
      const rijTekst = async (bijschrift: string, label: string) =>
        (
          await tabel(bijschrift)
            .getByRole('row', { name: new RegExp(`^${label}\\b`) })
            .getByRole('cell')
            .allInnerTexts()
        ).map((t) => t.trim());

      for (const [meting, label] of [
        ['aangemeld', 'Aangemeld'],
        ['bereikt', 'Bereikt'],
        ['intake', 'Intake'],
        ['actief', 'Actief'],
      ])
        expect(await rijTekst('Trechter', label)).toEqual([alsTekst(vind('bereik', meting))]);
      expect(Number(vind('bereik', 'aangemeld')?.waarde)).toBeGreaterThanOrEqual(8);
      for (const p of perioden.filter((x) => cellen('bereik').some((c) => c.periode === x)))
        expect(await rijTekst('Trajecten per kwartaal', kwartaalLabel(p))).toEqual([
          alsTekst(cellen('bereik').find((c) => c.meting === 'aangemeld' && c.partner === 'alle' && c.periode === p)),
          alsTekst(cellen('bereik').find((c) => c.meting === 'actief' && c.partner === 'alle' && c.periode === p)),
        ]);
      // One coach with 8 trajecten: the caseload cell holds 1 professional and is suppressed, in words.
      const caseload = vind('caseload', 'professionals', '1-10');
      expect(caseload).toMatchObject({ onderdrukt: true, waarde: null });
      expect(await rijTekst('Professionals per caseload', '1-10 trajecten')).toEqual(['onderdrukt (minder dan 5)']);
      expect(await page.locator('td.kr-cijfer--onderdrukt').count()).toBeGreaterThan(0);

      // The commitments beside the figures, as the API answers them.
      const afspraken = await apiCall<Afspraken>(stack.url, stuurgroeplid, 'GET', `/convenanten/${convenant.id}/afspraken`);
      const trajecten = afspraken.regels.filter((r) => r.partner === 'gemeente-dommeldal' && r.soort === 'aantal-trajecten').at(-1);
      expect(trajecten?.gerealiseerd).toBeGreaterThanOrEqual(8);
      const afspraakRij = tabel('Toezeggingen').getByRole('row', { name: /Aantal trajecten/ });
      expect((await afspraakRij.getByRole('cell').allInnerTexts())[2].trim()).toBe(`${trajecten?.onvolledig ? 'ten minste ' : ''}${trajecten?.gerealiseerd}`);
      // Hours and case-meeting attendance have a source in the chain now: no commitment says "nog geen bron".
      expect(afspraken.regels.filter((r) => r.indicator === null)).toEqual([]);
      expect(
        await tabel('Toezeggingen')
          .getByRole('row', { name: /Uren en expertise/ })
          .count(),
      ).toBeGreaterThan(0);
      expect(await tabel('Toezeggingen').getByRole('cell', { name: 'nog geen bron', exact: true }).count()).toBe(0);

      // A chart for every section with figures (the handovers have none yet), each an image with its summary in words carrying the table's numbers.
      const grafieken = page.locator('main [role="img"]');
      expect(await grafieken.count()).toBeGreaterThanOrEqual(5);
      for (const label of await grafieken.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''))) expect(label.length).toBeGreaterThan(20);
      expect(await grafieken.first().getAttribute('aria-label')).toContain(`Aangemeld ${alsTekst(vind('bereik', 'aangemeld'))}`);
      expect(await grafieken.first().locator('svg').count()).toBe(1);

      // Definitions on keyboard focus and on hover.
      const definitie = page.getByRole('button', { name: 'Definitie: Bereik (trechter)' }).first();
      await definitie.focus();
      const uitleg = page.getByRole('tooltip').filter({ hasText: 'Trajecten aangemeld in de periode' }).first();
      await uitleg.waitFor();
      await bekijk(page, 'stuurgroep-01-definitie-bij-focus');
      await page.keyboard.press('Escape');
      await uitleg.waitFor({ state: 'hidden' });
      await page.getByRole('button', { name: 'Definitie: Caseload per professional (verdeling)' }).hover();
      await page.getByRole('tooltip').filter({ hasText: 'caseloadklasse' }).waitFor();
      await page.mouse.move(0, 0);

      // No person anywhere on the page: no names, no ids.
      const tekst = await page.locator('main').innerText();
      for (const naam of [...namen, 'Stuurgroeptest', 'Fenna', 'Youssef', 'Smulders', 'dev:']) expect(tekst).not.toContain(naam);
      expect(tekst).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
      await bekijk(page, 'stuurgroep-02-dashboard');

      // CSV: the API's own export, saved by the browser.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Indicatoren als CSV' }).click()]);
      const csv = readFileSync((await download.path()) as string, 'utf8');
      const apiCsv = await (
        await fetch(`${stack.url}/api/v1/indicatoren/export?periode=kwartaal`, { headers: { authorization: `Bearer ${stuurgroeplid}` } })
      ).text();
      expect(csv).toBe(apiCsv);
      expect(csv).toContain(`caseload;professionals;1-10;alle;${periode};onderdrukt;true;true`);
      await page.getByRole('status').getByText('Het CSV-bestand met de indicatoren is opgeslagen.').waitFor();
      const [afsprakenCsv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Afspraken als CSV' }).click()]);
      expect(readFileSync((await afsprakenCsv.path()) as string, 'utf8').split('\r\n')[0]).toMatch(/^partner;toezegging;/);

      // The printable report: no menu or buttons, the definitions printed under the headings.
      await page.emulateMedia({ media: 'print' });
      expect(await page.getByRole('button', { name: 'Rapport afdrukken' }).isVisible()).toBe(false);
      expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).isVisible()).toBe(false);
      expect(await page.getByText('Trajecten aangemeld in de periode').first().isVisible()).toBe(true);
      await screenshot(page, 'stuurgroep-03-afdrukken');
      await page.emulateMedia({ media: 'screen' });
    } finally {
      await context.close();
    }
  }, 600_000);
});
