import type { Page } from 'playwright-core';
import { bekijk, portalInBrowser, screenshot, willekeurigBsn } from './browser';

const MAANDEN = '(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)';
/** A moment as the portal shows it: `7 december 2026, 14:05`. */
const DATUM_TIJD = new RegExp(`\\d{1,2} ${MAANDEN} \\d{4}, \\d{2}:\\d{2}`);

/**
 * Warme overdracht, the deelnemer's own data and the FG, in a real browser: a coach of the
 * uitvoerder hands a traject led by the gemeente over to GGZ, records the deelnemer's consent
 * and reads back what went; the GGZ behandelaar finds it in the inbox, sees only the released
 * fields and accepts; the deelnemer withdraws the consent and sees it in the inzage; the FG
 * opens the register and verifies the processing log. The gemeente, the traject's regievoerder,
 * asks for a handover of another traject itself.
 */
describe('warme overdracht, Mijn gegevens and the FG in a real browser (headless Chromium)', () => {
  let deelnemerId: string;
  let trajectId: string;

  const portal = portalInBrowser('overdracht', async ({ api }) => {
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
  });

  const menu = (page: Page, naam: string) => page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: naam });

  it('a coach requests a handover to GGZ with a preview of what may go, records consent and reads back what went; the GGZ behandelaar sees only the released fields and accepts', async () => {
    await portal.alsGebruiker('overdracht-1', async (page) => {
      await portal.logIn(page, 'Stichting Werkbrug Dommeldal (uitvoerder)', 'Coach');
      await page.goto(`${portal.url}/trajecten/${trajectId}`);
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
      await portal.logIn(page, 'GGZ Zuiderlicht (ggz-instelling)', 'Behandelaar');
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
    });
  }, 240_000);

  it('a deelnemer reads their traject in plain words, withdraws a consent and sees it, and every read of their data, in the inzage', async () => {
    await portal.alsGebruiker('overdracht-2', async (page) => {
      await page.goto(`${portal.url}/`);
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
    });
  }, 120_000);

  it('the FG opens the processing register and verifies the processing log', async () => {
    await portal.alsGebruiker('overdracht-3', async (page) => {
      await portal.logIn(page, 'Gemeente Dommeldal, Werk & Inkomen (gemeente)', 'Functionaris gegevensbescherming');
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
    });
  }, 90_000);

  it("the gemeente's klantmanager, the traject's regievoerder, asks for a warme overdracht of the traject itself", async () => {
    const km = <T>(method: string, pad: string, body?: unknown) => portal.api<T>('gemeente-dommeldal', 'klantmanager', method, pad, body);
    const { id: andereDeelnemer } = await km<{ id: string }>('POST', '/deelnemers', {
      voornamen: 'Rik',
      achternaam: 'Regie',
      geboortedatum: '1981-06-12',
      bsn: willekeurigBsn(),
    });
    const { id: anderTraject } = await km<{ id: string }>('POST', '/trajecten', {
      deelnemerId: andereDeelnemer,
      programmaCode: 'maatwerktraject-den-bosch',
      regie: { regievoerderId: 'dev:gemeente-dommeldal:klantmanager', organisatieId: 'gemeente-dommeldal' },
      coach: { coachId: 'dev:werkbrug-dommeldal:coach', organisatieId: 'werkbrug-dommeldal' },
      aanmeldreden: 'activering',
      doelgroep: { ladderTrede: 2, jarenInBijstand: 6 },
    });
    await portal.api('werkbrug-dommeldal', 'coach', 'POST', `/trajecten/${anderTraject}/contactpogingen`, { kanaal: 'telefoon', uitkomst: 'afspraak-gemaakt' });
    await portal.alsGebruiker('overdracht-regievoerder', async (page) => {
      await portal.logIn(page, 'Gemeente Dommeldal, Werk & Inkomen (gemeente)', 'Klantmanager');
      await page.goto(`${portal.url}/trajecten/${anderTraject}`);
      await page.getByRole('link', { name: 'Warme overdracht aanvragen' }).click();
      await page.getByRole('heading', { name: 'Warme overdracht aanvragen', exact: true }).waitFor();
      await page.getByLabel('Ontvanger').selectOption({ label: 'GGZ Zuiderlicht (ggz-instelling)' });
      await page.getByLabel('Reden van de overdracht').selectOption({ label: 'GGZ-behandeling nodig' });
      await page
        .getByRole('group', { name: /^Contactgegevens/ })
        .getByLabel('Naam (niet verplicht)')
        .fill('R. Regie');
      await bekijk(page, '27-overdracht-aanvragen-regievoerder');
      await page.getByRole('button', { name: 'Overdracht aanvragen' }).click();
      await page.getByText('De overdracht aan GGZ Zuiderlicht is aangevraagd.').waitFor();
      await page.getByRole('heading', { name: 'Toestemming van de deelnemer', exact: true }).waitFor({ timeout: 60_000 });
      await bekijk(page, '28-overdracht-regievoerder-toestemming-nodig');
    });
    const uitgaand = await km<{ overdrachten: { trajectId: string; zender: { organisatie: string } }[] }>('GET', '/overdrachten?richting=uitgaand');
    expect(uitgaand.overdrachten.filter((o) => o.trajectId === anderTraject).map((o) => o.zender.organisatie)).toEqual(['gemeente-dommeldal']);
  }, 180_000);
});
