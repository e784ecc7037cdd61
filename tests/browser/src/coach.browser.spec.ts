import type { Page } from 'playwright-core';
import { addMonths, amsterdamDate, workingDayOnOrAfter } from '@ketenregie/shared-kernel';
import { bekijk, portalInBrowser, willekeurigBsn } from './browser';

const GEMEENTE = { id: 'gemeente-dommeldal', label: 'Gemeente Dommeldal, Werk & Inkomen (gemeente)' };
const WERKBRUG = { id: 'werkbrug-dommeldal', label: 'Stichting Werkbrug Dommeldal (uitvoerder)' };
const COACH = { coachId: `dev:${WERKBRUG.id}:coach`, organisatieId: WERKBRUG.id };
const REGIE = { regievoerderId: `dev:${GEMEENTE.id}:klantmanager`, organisatieId: GEMEENTE.id };

/** A calendar date as the portal shows it: `7 januari 2027`. */
function alsDatum(iso: string): string {
  const [j, m, d] = iso.split('-').map(Number);
  return new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(j, m - 1, d)));
}

describe('the coach and the klantmanager at work in the portal (headless Chromium)', () => {
  const portal = portalInBrowser('coach');
  const klantmanager = <T>(method: string, pad: string, body?: unknown) => portal.api<T>(GEMEENTE.id, 'klantmanager', method, pad, body);
  const coach = <T>(method: string, pad: string, body?: unknown) => portal.api<T>(WERKBRUG.id, 'coach', method, pad, body);

  /** The klantmanager registers a deelnemer and starts a traject on `programmaCode` with the Werkbrug coach (through the API). */
  async function traject(programmaCode: string, voornamen: string, achternaam: string): Promise<string> {
    const { id: deelnemerId } = await klantmanager<{ id: string }>('POST', '/deelnemers', {
      bsn: willekeurigBsn(),
      voornamen,
      achternaam,
      geboortedatum: '1984-05-17',
    });
    const { id } = await klantmanager<{ id: string }>('POST', '/trajecten', {
      deelnemerId,
      programmaCode,
      regie: REGIE,
      coach: COACH,
      aanmeldreden: 'activering',
    });
    return id;
  }

  /** Fills and sends one of the traject's forms, from the traject page. */
  async function legVast(page: Page, link: string, keuzes: readonly (readonly [string, string])[], knop: string, screenshotNaam?: string): Promise<void> {
    await page.getByRole('link', { name: link }).click();
    await page.getByRole('heading', { name: link }).waitFor();
    for (const [label, optie] of keuzes) await page.getByLabel(label).selectOption({ label: optie });
    if (screenshotNaam) await bekijk(page, screenshotNaam);
    await page.getByRole('button', { name: knop }).click();
    await page.getByRole('heading', { name: 'Tijdlijn' }).waitFor();
  }

  /** The task row of a traject on "Mijn taken" with `taak`, after reloading until it is there (the workflow writes tasks a moment later). */
  async function taakRij(page: Page, trajectId: string, taak: string) {
    const rij = page.locator(`main table tbody tr:has(a[href="/trajecten/${trajectId}"])`).filter({ hasText: taak });
    for (let poging = 0; ; poging++) {
      await page.goto(`${portal.url}/taken`);
      await page.getByRole('heading', { name: 'Mijn taken' }).waitFor();
      await page.locator('main table, main p:has-text("geen open taken")').first().waitFor();
      if ((await rij.count()) > 0 || poging >= 20) break;
      await page.waitForTimeout(250);
    }
    return rij;
  }

  it('a coach logs three unanswered calls and sees the call-back, records a "nee" and sees the re-approach a month later, on the list and the timeline', async () => {
    const trajectId = await traject('maatwerktraject-den-bosch', 'Noor', 'Visser');
    await portal.alsGebruiker('coach-1', async (page) => {
      await portal.logIn(page, WERKBRUG.label, 'Coach');
      expect(await (await taakRij(page, trajectId, 'Eerste contact leggen')).count()).toBe(1);
      await bekijk(page, 'coach-01-mijn-taken');

      await page.goto(`${portal.url}/trajecten/${trajectId}`);
      await page.getByRole('heading', { name: 'Tijdlijn' }).waitFor();
      await bekijk(page, 'coach-02-traject');
      for (let i = 1; i <= 3; i++) {
        await legVast(
          page,
          'Contactpoging vastleggen',
          [
            ['Hoe', 'Gebeld'],
            ['Uitkomst', 'Geen gehoor'],
          ],
          'Contactpoging vastleggen',
          i === 1 ? 'coach-03-contactpoging' : undefined,
        );
        await page.getByText('De contactpoging is vastgelegd.').waitFor();
        await page
          .getByRole('list', { name: 'Tijdlijn' })
          .getByText(`${i} ${i === 1 ? 'belpoging' : 'belpogingen'} zonder gehoor tot nu toe`)
          .waitFor();
      }
      const tijdlijn = page.getByRole('list', { name: 'Tijdlijn' });
      expect(await tijdlijn.getByText('Coach van Stichting Werkbrug Dommeldal', { exact: false }).count()).toBeGreaterThanOrEqual(3);
      expect(await page.locator('main').innerText()).toMatch(/vastgelegd \d{1,2} [a-z]+ \d{4}, \d{2}:\d{2}/);
      await bekijk(page, 'coach-04-traject-na-drie-pogingen');

      // Three unanswered calls of the four this programme makes before a home visit: the call-back is on the list.
      const terugbellen = await taakRij(page, trajectId, 'Opnieuw contact proberen');
      expect(await terugbellen.count()).toBe(1);
      expect(await terugbellen.innerText()).toMatch(/Gepland, vanaf \d{1,2} [a-z]+ \d{4}/);
      await bekijk(page, 'coach-05-mijn-taken-terugbellen');

      await page.goto(`${portal.url}/trajecten/${trajectId}`);
      await page.getByRole('heading', { name: 'Tijdlijn' }).waitFor();
      await legVast(
        page,
        'Contactpoging vastleggen',
        [
          ['Hoe', 'Gebeld'],
          ['Uitkomst', 'De deelnemer zei nee'],
        ],
        'Contactpoging vastleggen',
      );
      await page.getByRole('list', { name: 'Tijdlijn' }).getByText('Uitkomst: de deelnemer zei nee').waitFor();
      const herbenadering = await taakRij(page, trajectId, 'Deelnemer opnieuw benaderen');
      expect(await herbenadering.count()).toBe(1);
      const eenMaandLater = workingDayOnOrAfter(addMonths(amsterdamDate(Date.now()), 1), {});
      expect(await herbenadering.innerText()).toContain(`Gepland, vanaf ${alsDatum(eenMaandLater)}`);
      expect(await page.locator('main').innerText()).not.toMatch(/dev:|[0-9a-f]{8}-[0-9a-f]{4}-|\d{4}-\d{2}-\d{2}|herbenadering\b/);
      await bekijk(page, 'coach-06-mijn-taken-herbenadering');
    });
  }, 180_000);

  it('a coach records a no-show, an evaluation with the ladder and ZRM domains, a pause and its end, and a drop-out the klantmanager then sees as a signal', async () => {
    const trajectId = await traject('fip', 'Sem', 'de Boer');
    // The way to uitvoering (contact, kennismaking, diagnose with T0) is prepared through the API.
    const stap = (sub: string, body: unknown) => coach('POST', `/trajecten/${trajectId}/${sub}`, body);
    const vandaag = amsterdamDate(Date.now());
    await stap('contactpogingen', { kanaal: 'telefoon', uitkomst: 'afspraak-gemaakt' });
    await stap('contactmomenten', { vorm: 'gesprek', verschenen: true, minuten: 60 });
    await stap('kennismaking', { klik: true });
    await stap('diagnose', {
      metingen: [
        { instrument: 'participatieladder', trede: 2, datum: vandaag, scorer: { rol: 'coach' }, instrumentVersie: 'participatieladder-6' },
        {
          instrument: 'zrm',
          relevanteDomeinen: ['financien', 'huisvesting'],
          scores: { financien: 2, huisvesting: 3 },
          datum: vandaag,
          scorer: { rol: 'coach' },
          instrumentVersie: 'zrm-2017',
        },
      ],
    });

    await portal.alsGebruiker('coach-2', async (page) => {
      await portal.logIn(page, WERKBRUG.label, 'Coach');
      await page.goto(`${portal.url}/trajecten/${trajectId}`);
      await page.getByRole('heading', { name: 'Tijdlijn' }).waitFor();
      await page.getByText('Uitvoering (actief)').waitFor();

      await legVast(
        page,
        'Contactmoment of niet verschenen vastleggen',
        [
          ['Soort contact', 'Gesprek'],
          ['Is de deelnemer verschenen?', 'Nee, niet verschenen (no-show)'],
        ],
        'Contactmoment vastleggen',
        'coach-07-no-show',
      );
      await page.getByRole('list', { name: 'Tijdlijn' }).getByText('Niet verschenen (gesprek)').waitFor();

      // An evaluation sent without its decision is explained first, in a summary that takes the focus.
      await page.getByRole('link', { name: 'Evaluatie vastleggen' }).click();
      await page.getByRole('heading', { name: 'Evaluatie vastleggen' }).waitFor();
      await page.getByRole('button', { name: 'Evaluatie vastleggen' }).click();
      await page.getByText('Controleer het volgende veld:').waitFor();
      expect(await page.evaluate(() => document.activeElement?.className)).toContain('kr-foutenoverzicht');
      await bekijk(page, 'coach-08-evaluatie-fout');
      await page.getByLabel('Besluit', { exact: true }).selectOption({ label: 'Doorgaan met het traject' });
      await page.getByLabel('Trede op de participatieladder').selectOption({ label: 'Trede 3: deelname aan georganiseerde activiteiten' });
      await page.getByLabel('Financiën').selectOption({ label: '3 — beperkt zelfredzaam' });
      await page.getByLabel('Huisvesting').selectOption({ label: '4 — voldoende zelfredzaam' });
      await bekijk(page, 'coach-09-evaluatie-ingevuld');
      await page.getByRole('button', { name: 'Evaluatie vastleggen' }).click();
      await page.getByText('De evaluatie is vastgelegd.').waitFor();
      const tijdlijn = page.getByRole('list', { name: 'Tijdlijn' });
      await tijdlijn.getByText('Evaluatie 1').waitFor();
      await tijdlijn.getByText('Meting vastgelegd: tussentijdse meting').waitFor();
      // The beginmeting (T0) and this evaluation's scores.
      expect(await tijdlijn.getByText('Instrumenten: Participatieladder, Zelfredzaamheid-Matrix').count()).toBe(2);
      await bekijk(page, 'coach-10-traject-na-evaluatie');
      const metingen = await coach<{ instrumenten: { instrument: string; metingen: { waarden: Record<string, number> }[] }[] }>(
        'GET',
        `/trajecten/${trajectId}/metingen`,
      );
      expect(metingen.instrumenten.find((i) => i.instrument === 'participatieladder')?.metingen.at(-1)?.waarden).toEqual({ trede: 3 });
      expect(metingen.instrumenten.find((i) => i.instrument === 'zrm')?.metingen.at(-1)?.waarden).toEqual({ financien: 3, huisvesting: 4 });

      await legVast(page, 'Traject pauzeren', [['Reden', 'Ziekte']], 'Traject pauzeren', 'coach-11-pauze');
      await page.getByText('Uitvoering (gepauzeerd)').waitFor();
      await legVast(page, 'Traject hervatten', [], 'Traject hervatten');
      await page.getByRole('list', { name: 'Tijdlijn' }).getByText('Traject hervat').waitFor();
      await legVast(page, 'Uitval vastleggen', [['Reden van uitval', 'Te ziek om deel te nemen']], 'Uitval vastleggen', 'coach-12-uitval');
      await page.getByRole('list', { name: 'Tijdlijn' }).getByText('Reden: te ziek om deel te nemen').waitFor();
      // Reopening is the regievoerder's: the coach is told so on the form.
      await page.getByRole('link', { name: 'Traject heropenen' }).click();
      await page.getByRole('heading', { name: 'Traject heropenen' }).waitFor();
      await page.getByRole('button', { name: 'Traject heropenen' }).click();
      await page.getByText('U mag dit niet doen met uw rol of organisatie.').waitFor();
      await bekijk(page, 'coach-13-heropenen-geweigerd');
    });

    await portal.alsGebruiker('coach-3', async (kmPage) => {
      await portal.logIn(kmPage, GEMEENTE.label, 'Klantmanager');
      await kmPage.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Signalen' }).click();
      await kmPage.getByRole('heading', { name: 'Signalen' }).waitFor();
      const signaal = kmPage.locator('main table tbody tr').filter({ hasText: 'Sem de Boer' });
      await signaal.first().waitFor();
      expect(await signaal.first().innerText()).toContain('Uitval');
      expect(await signaal.first().innerText()).toContain('Reden: te ziek om deel te nemen');
      await bekijk(kmPage, 'km-01-signalen');

      await kmPage.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn trajecten' }).click();
      await kmPage.getByRole('heading', { name: 'Mijn trajecten' }).waitFor();
      await kmPage.locator('main table tbody tr').first().waitFor();
      await bekijk(kmPage, 'km-02-mijn-trajecten');
      await kmPage.getByLabel('Programma').selectOption({ label: 'FIP — Frequent, Intensief, Persoonlijk' });
      await kmPage.getByLabel('Fase').selectOption({ label: 'Uitvoering' });
      await kmPage.getByRole('button', { name: 'Filteren' }).click();
      await kmPage.waitForURL(/programma=fip&fase=uitvoering/);
      const rij = kmPage.locator('main table tbody tr').filter({ hasText: 'Sem de Boer' });
      await rij.waitFor();
      expect(await rij.innerText()).toContain('Uitvoering (uitgevallen)');
      await bekijk(kmPage, 'km-03-mijn-trajecten-gefilterd');

      // The regievoerder reopens the traject from its page.
      await rij.getByRole('link', { name: 'Sem de Boer' }).click();
      await kmPage.getByRole('heading', { name: 'Tijdlijn' }).waitFor();
      await legVast(kmPage, 'Traject heropenen', [['Verder in fase', 'Kennismaking']], 'Traject heropenen');
      await kmPage.getByText('Het traject is heropend.').waitFor();
      await kmPage.getByRole('list', { name: 'Tijdlijn' }).getByText('Traject heropend').waitFor();
      await bekijk(kmPage, 'km-04-traject-heropend');
    });
  }, 240_000);

  it('a coach records a plan van aanpak (GROW, SMART and GAS goals added and removed with the keyboard, signed) and scores the GAS goal at the evaluation; a T0 with sub-rungs keeps the highest', async () => {
    const trajectId = await traject('maatwerktraject-den-bosch', 'Iris', 'Jansen');
    const stap = (id: string, sub: string, body: unknown) => coach('POST', `/trajecten/${id}/${sub}`, body);
    const vandaag = amsterdamDate(Date.now());
    await stap(trajectId, 'contactpogingen', { kanaal: 'telefoon', uitkomst: 'afspraak-gemaakt' });
    await stap(trajectId, 'contactmomenten', { vorm: 'gesprek', verschenen: true });
    await stap(trajectId, 'kennismaking', { klik: true });
    await stap(trajectId, 'diagnose', {
      metingen: [
        { instrument: 'participatieladder', trede: 2, datum: vandaag, scorer: { rol: 'coach' }, instrumentVersie: 'participatieladder-6' },
        {
          instrument: 'zrm',
          relevanteDomeinen: ['financien'],
          scores: { financien: 2 },
          datum: vandaag,
          scorer: { rol: 'coach' },
          instrumentVersie: 'zrm-2017',
        },
      ],
    });
    const heemskerk = await traject('heemskerk-trede-1-2', 'Bram', 'Kok');
    await stap(heemskerk, 'contactpogingen', { kanaal: 'telefoon', uitkomst: 'afspraak-gemaakt' });

    await portal.alsGebruiker('coach-4', async (page) => {
      await portal.logIn(page, WERKBRUG.label, 'Coach');
      await page.goto(`${portal.url}/trajecten/${trajectId}`);
      await page.getByRole('heading', { name: 'Tijdlijn' }).waitFor();
      await page.getByRole('link', { name: 'Plan van aanpak vastleggen' }).click();
      await page.getByRole('heading', { name: 'Plan van aanpak vastleggen' }).waitFor();
      const vul = async (plek: Page | ReturnType<Page['getByRole']>, velden: readonly (readonly [string, string])[]) => {
        for (const [label, waarde] of velden) await plek.getByLabel(label, { exact: label === 'Doel' || label === 'GAS-doel' }).fill(waarde);
      };
      /** Presses a button with the keyboard: focus it, then Enter. */
      const druk = async (knop: string) => {
        await page.getByRole('button', { name: knop, exact: true }).focus();
        await page.keyboard.press('Enter');
      };
      const focus = () => page.evaluate(() => document.activeElement?.id);
      // React moves the focus in an effect after the render the key press caused: wait for it (up to 5 s), then assert.
      const focusOp = async (id: string) => {
        await page.waitForFunction((i) => document.activeElement?.id === i, id, { timeout: 5_000 }).catch(() => undefined);
        expect(await focus()).toBe(id);
      };
      await vul(page, [
        ['Doel (goal)', 'Vrijwilligerswerk in de buurt'],
        ['Situatie (reality)', 'Thuis, weinig contacten'],
        ['Mogelijkheden (options)', 'Kringloopwinkel of buurthuis'],
        ['Afspraken (will)', 'Oriëntatiegesprek bij de kringloop'],
      ]);
      const smart = (nr: number) => page.getByRole('group', { name: `SMART-doel ${nr}`, exact: true });
      const gas = (nr: number) => page.getByRole('group', { name: `GAS-doel ${nr}`, exact: true });
      await vul(smart(1), [
        ['Doel', 'Twee dagdelen vrijwilligerswerk'],
        ['Specifiek', 'Bij de kringloopwinkel'],
        ['Meetbaar', 'Twee dagdelen per week'],
        ['Actiegericht', 'Zelf aanmelden'],
        ['Realistisch', 'Past bij de energie'],
        ['Tijdgebonden', '1-6-2027'],
      ]);
      // A second and a third SMART goal, added with the keyboard: the focus goes to the new goal's first field.
      await druk('Nog een SMART-doel toevoegen');
      await focusOp('smart-2-omschrijving');
      await vul(smart(2), [
        ['Doel', 'Zelf boodschappen doen'],
        ['Specifiek', 'In de supermarkt om de hoek'],
        ['Meetbaar', 'Eén keer per week'],
        ['Actiegericht', 'Boodschappenlijst maken'],
        ['Realistisch', 'Lukt al met hulp'],
        ['Tijdgebonden', '1-3-2027'],
      ]);
      await druk('Nog een SMART-doel toevoegen');
      await focusOp('smart-3-omschrijving');
      // Removed again: its fields go, the focus returns to the add button.
      await druk('SMART-doel 3 verwijderen');
      await focusOp('smart-toevoegen');
      expect(await smart(3).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'SMART-doel 1 verwijderen' }).count()).toBe(1);
      // Two GAS goals.
      const niveaus = (tekst: string) => (['-2', '-1', '0', '+1', '+2'] as const).map((n, i) => [`Niveau ${n}`, `${tekst} ${i}`] as const);
      await druk('GAS-doel toevoegen');
      await focusOp('gas-1-omschrijving');
      await vul(gas(1), [['GAS-doel', 'Zelfstandig reizen naar de kringloop'], ...niveaus('Reizen')]);
      await gas(1).getByLabel('Niveau +1').fill('Zelf met de fiets');
      await druk('GAS-doel toevoegen');
      await vul(gas(2), [['GAS-doel', 'Contact met de buren'], ...niveaus('Buren')]);
      await page.getByLabel('Ondertekend door').selectOption({ label: 'De deelnemer' });
      await bekijk(page, 'coach-14-plan-van-aanpak');
      await page.getByRole('button', { name: 'Plan van aanpak vastleggen' }).click();
      await page.getByText('Het plan van aanpak is vastgelegd.').waitFor();
      const tijdlijn = page.getByRole('list', { name: 'Tijdlijn' });
      await tijdlijn.getByText('2 SMART-doelen, 2 GAS-doelen').waitFor();
      await tijdlijn.getByText('Plan van aanpak ondertekend').waitFor();
      await page.getByText('Uitvoering (actief)').waitFor();

      await page.getByRole('link', { name: 'Evaluatie vastleggen' }).click();
      await page.getByRole('heading', { name: 'Evaluatie vastleggen' }).waitFor();
      await page.getByLabel('Besluit', { exact: true }).selectOption({ label: 'Doorgaan met het traject' });
      await page.getByLabel('Zelfstandig reizen naar de kringloop').selectOption({ label: '+1 — meer dan verwacht: Zelf met de fiets' });
      await bekijk(page, 'coach-15-evaluatie-gas');
      await page.getByRole('button', { name: 'Evaluatie vastleggen' }).click();
      await page.getByText('De evaluatie is vastgelegd.').waitFor();
      await page.getByRole('list', { name: 'Tijdlijn' }).getByText('Instrumenten: GAS-doelen').waitFor();

      // Heemskerk records sub-rungs: the diagnose form offers them.
      await page.goto(`${portal.url}/trajecten/${heemskerk}`);
      await page.getByRole('heading', { name: 'Tijdlijn' }).waitFor();
      await page.getByRole('link', { name: 'Diagnose en beginmeting vastleggen' }).click();
      await page.getByRole('heading', { name: 'Diagnose en beginmeting vastleggen' }).waitFor();
      await page.getByLabel('Trede op de participatieladder').selectOption({ label: 'Trede 2: sociale contacten buitenshuis' });
      await page.getByLabel('2.1 sociale activering').check();
      await page.getByLabel('2.3 tegenprestatie').check();
      await bekijk(page, 'coach-16-diagnose-subtreden');
      await page.getByRole('button', { name: 'Beginmeting vastleggen' }).click();
      await page.getByText('De diagnose en de beginmeting zijn vastgelegd.').waitFor();
      await page.getByRole('list', { name: 'Tijdlijn' }).getByText('Meting vastgelegd: beginmeting (T0)').waitFor();
      const metingen = await coach<{ instrumenten: { instrument: string; metingen: { waarden: Record<string, number>; subtreden?: string[] }[] }[] }>(
        'GET',
        `/trajecten/${heemskerk}/metingen`,
      );
      expect(metingen.instrumenten.find((i) => i.instrument === 'participatieladder')?.metingen[0]).toEqual(
        expect.objectContaining({ waarden: { trede: 2, subtrede: 2.3 }, subtreden: ['2.1', '2.3'] }),
      );
    });
  }, 240_000);

  it('pages through the trajecten of the organisation', async () => {
    for (let i = 0; i < 11; i++) await traject('fip', 'Deelnemer', `Nummer ${i + 1}`);
    await portal.alsGebruiker('coach-5', async (page) => {
      await portal.logIn(page, GEMEENTE.label, 'Klantmanager');
      await page.goto(`${portal.url}/trajecten`);
      await page.getByText(/pagina 1 van \d+/).waitFor();
      expect(await page.locator('main table tbody tr').count()).toBe(10);
      await page.getByRole('button', { name: 'Volgende pagina' }).click();
      await page.getByText(/pagina 2 van \d+/).waitFor();
      await page.waitForURL(/pagina=2/);
      await bekijk(page, 'km-05-mijn-trajecten-pagina-2');
      await page.getByRole('button', { name: 'Vorige pagina' }).click();
      await page.getByText(/pagina 1 van \d+/).waitFor();
    });
  }, 120_000);
});
