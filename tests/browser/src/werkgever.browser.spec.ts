import { bekijk, portalInBrowser, willekeurigBsn } from './browser';

describe('the werkgever in the portal (headless Chromium)', () => {
  const portal = portalInBrowser('werkgever');
  /** One API call through the gateway as a demo person. */
  const alsVia = <T>(wie: { organisatie: string; rol: string }, method: string, pad: string, body?: unknown) =>
    portal.api<T>(wie.organisatie, wie.rol, method, pad, body);

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

    await portal.alsGebruiker('werkgever-1', async (page) => {
      await portal.logIn(page, 'Van der Heijden Metaal B.V. (werkgever)', 'Jobcoach');

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
    });
  }, 300_000);
});
