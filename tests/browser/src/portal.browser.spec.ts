import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join, resolve } from 'node:path';
import { bekijk, nieuweContext, portalInBrowser, willekeurigBsn } from './browser';

const ROOT = resolve(__dirname, '../../..');

describe('the portal in a real browser (headless Chromium)', () => {
  const portal = portalInBrowser('portal');

  it('has API types that match the API the gateway publishes', () => {
    const check = spawnSync(process.execPath, [join(ROOT, 'tools/portal/api-types.js'), '--from', portal.url, '--check'], { encoding: 'utf8' });
    expect(`${check.stdout}${check.stderr}`).toContain('matches the API');
    expect(check.status).toBe(0);
  });

  it('lets a klantmanager sign in, register a deelnemer and start a traject, on accessible pages', async () => {
    await portal.alsGebruiker('portal-1', async (page) => {
      await page.goto(`${portal.url}/`);
      await page.getByRole('heading', { name: 'Inloggen' }).waitFor();
      await page.getByLabel('Organisatie').selectOption({ label: 'Gemeente Dommeldal, Werk & Inkomen (gemeente)' });
      await bekijk(page, '01-inloggen');
      await page.getByLabel('Rol').selectOption({ label: 'Klantmanager' });
      await page.getByRole('button', { name: 'Inloggen' }).click();
      await page.getByRole('heading', { name: 'Welkom' }).waitFor();
      expect(await page.getByText('U bent ingelogd als klantmanager bij Gemeente Dommeldal, Werk & Inkomen.').count()).toBe(1);
      await bekijk(page, '02-start-klantmanager');

      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Deelnemer aanmelden' }).click();
      await page.getByRole('heading', { name: 'Deelnemer aanmelden' }).waitFor();
      await page.getByLabel('BSN').fill('123456789');
      await page.getByText('het voldoet niet aan de elfproef').waitFor();
      expect(await page.getByLabel('BSN').getAttribute('aria-invalid')).toBe('true');
      await bekijk(page, '03-aanmelden-bsn-fout');
      await page.getByLabel('BSN').fill(willekeurigBsn());
      await page.getByText('Dit BSN voldoet aan de elfproef.').waitFor();
      await page.getByLabel('Voornamen').fill('Fatima');
      await page.getByLabel('Achternaam').fill('El Amrani');
      await page.getByLabel('Geboortedatum').fill('12-04-1985');
      await page.getByLabel('Telefoonnummer (niet verplicht)').fill('06 12345678');
      await bekijk(page, '04-aanmelden-ingevuld');
      await page.getByRole('button', { name: 'Deelnemer aanmelden' }).click();

      await page.getByText('Fatima El Amrani is aangemeld.').waitFor();
      await page.getByText('12 april 1985').waitFor();
      await page.getByText('Deze deelnemer heeft nog geen traject.').waitFor();
      await bekijk(page, '05-deelnemer');

      await page.getByRole('link', { name: 'Traject starten' }).click();
      await page.getByRole('heading', { name: 'Traject starten' }).waitFor();
      await page.getByLabel('Programma').selectOption({ label: 'FIP — Frequent, Intensief, Persoonlijk' });
      await page.getByLabel('Reden van aanmelding').selectOption({ label: 'Activering' });
      await page.getByLabel('Coach (niet verplicht)').selectOption({ label: 'Coach van Stichting Werkbrug Dommeldal' });
      await bekijk(page, '06-traject-starten');
      await page.getByRole('button', { name: 'Traject starten' }).click();

      await page.getByText('Het traject is gestart.').waitFor();
      const tijdlijn = page.getByRole('list', { name: 'Tijdlijn' });
      await tijdlijn.getByText('Aangemeld voor het traject').waitFor();
      expect(await tijdlijn.getByText('Coach toegewezen').count()).toBe(1);
      expect(await tijdlijn.getByText('Nieuwe fase: Contact leggen').count()).toBe(1);
      const tekst = await page.locator('main').innerText();
      expect(tekst).toContain('FIP — Frequent, Intensief, Persoonlijk');
      expect(tekst).toMatch(/Gestart op\s+\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4}/);
      // No internal codes or ids for people to decipher.
      expect(tekst).not.toMatch(/dev:|werkbrug-dommeldal|[0-9a-f]{8}-[0-9a-f]{4}-|contact-leggen|aangemeld\b/);
      await bekijk(page, '07-traject');

      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn trajecten' }).click();
      await page.getByRole('heading', { name: 'Mijn trajecten' }).waitFor();
      await page.locator('main table, main p:has-text("geen trajecten")').first().waitFor();
      await bekijk(page, '08-mijn-trajecten-klantmanager');

      await page.getByRole('button', { name: 'Uitloggen' }).click();
      await page.getByRole('heading', { name: 'Inloggen' }).waitFor();
      expect(await page.evaluate(() => sessionStorage.getItem('ketenregie.sessie'))).toBeNull();
    });
  }, 240_000);

  it('lets the aanmelding form be completed with the keyboard alone', async () => {
    await portal.alsGebruiker('portal-2', async (page) => {
      await portal.logIn(page, 'Gemeente Dommeldal, Werk & Inkomen (gemeente)', 'Klantmanager');
      await page.goto(`${portal.url}/deelnemers/nieuw`);
      await page.getByRole('heading', { name: 'Deelnemer aanmelden' }).waitFor();
      const focus = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent?.trim() || document.activeElement?.tagName);

      const velden: [string, string][] = [
        ['bsn', willekeurigBsn()],
        ['voornamen', 'Jan Willem'],
        ['achternaam', 'de Vries'],
        ['geboortedatum', '3-11-1979'],
        ['telefoon', ''],
        ['email', 'jw.devries@voorbeeld.nl'],
      ];
      for (const [id, waarde] of velden) {
        await page.keyboard.press('Tab');
        expect(await focus()).toBe(id);
        if (waarde) await page.keyboard.type(waarde);
      }
      await page.keyboard.press('Tab');
      expect(await focus()).toBe('Deelnemer aanmelden');
      await page.keyboard.press('Enter');
      await page.getByText('Jan Willem de Vries is aangemeld.').waitFor();
      await bekijk(page, '09-aanmelden-toetsenbord-klaar');
    });
  }, 90_000);

  it('sends the keyboard user to the errors of an incomplete aanmelding', async () => {
    await portal.alsGebruiker('portal-3', async (page) => {
      await portal.logIn(page, 'Gemeente Dommeldal, Werk & Inkomen (gemeente)', 'Klantmanager');
      await page.goto(`${portal.url}/deelnemers/nieuw`);
      await page.getByRole('heading', { name: 'Deelnemer aanmelden' }).waitFor();
      await page.keyboard.press('Tab');
      await page.keyboard.type('12345');
      await page.getByRole('button', { name: 'Deelnemer aanmelden' }).focus();
      await page.keyboard.press('Enter');
      await page.getByText('Controleer de volgende 4 velden:').waitFor();
      expect(await page.evaluate(() => document.activeElement?.className)).toContain('kr-foutenoverzicht');
      await bekijk(page, '10-aanmelden-fouten');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('bsn');
    });
  }, 90_000);

  it('shows a coach their tasks, overdue first, and a traject timeline in plain Dutch', async () => {
    await portal.alsGebruiker('portal-4', async (page) => {
      await portal.logIn(page, 'Stichting Werkbrug Dommeldal (uitvoerder)', 'Coach');
      await bekijk(page, '11-start-coach');
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn taken' }).click();
      await page.getByRole('heading', { name: 'Mijn taken' }).waitFor();
      const rijen = page.locator('main table tbody tr');
      await rijen.first().waitFor();
      expect(await rijen.count()).toBeGreaterThan(0);
      const tekst = await page.locator('main').innerText();
      expect(tekst).not.toMatch(/dev:|[0-9a-f]{8}-[0-9a-f]{4}-|eerste-contact|\d{4}-\d{2}-\d{2}/);
      await bekijk(page, '12-mijn-taken-coach');

      await rijen
        .first()
        .getByRole('link', { name: /Traject bekijken/ })
        .click();
      await page.getByRole('heading', { name: 'Tijdlijn' }).waitFor();
      await page.getByRole('list', { name: 'Tijdlijn' }).getByText('Aangemeld voor het traject').waitFor();
      expect(await page.locator('main').innerText()).not.toMatch(/dev:|[0-9a-f]{8}-[0-9a-f]{4}-|\d{4}-\d{2}-\d{2}/);
      await bekijk(page, '13-traject-coach');

      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn trajecten' }).click();
      await page.locator('main table tbody tr').first().waitFor();
      await bekijk(page, '14-mijn-trajecten-coach');
    });
  }, 90_000);

  it('serves client-side routes on reload and says so for a page that does not exist', async () => {
    await portal.alsGebruiker('portal-5', async (page) => {
      await page.goto(`${portal.url}/bestaat/niet`);
      await page.getByRole('heading', { name: 'Pagina niet gevonden' }).waitFor();
      await bekijk(page, '15-niet-gevonden');
      await page.goto(`${portal.url}/taken`);
      await page.getByRole('heading', { name: 'Inloggen' }).waitFor();
    });
  }, 60_000);

  it('signs in with OpenID Connect (authorization code + PKCE) at a real provider when the gateway says distributed, and signs out there', async () => {
    const provider = spawn(process.execPath, [join(ROOT, 'tests/browser/oidc-provider.mjs'), portal.url], { stdio: ['ignore', 'pipe', 'inherit'] });
    // The embedded gateway's Content-Security-Policy lets pages fetch only from itself; a distributed one also allows
    // its OIDC provider (the gateway's spec shows that header), which this stand-in provider is not.
    const context = await nieuweContext(portal.browser, { bypassCSP: true });
    try {
      const [regel] = await Promise.race([
        (async () => {
          for await (const line of createInterface({ input: provider.stdout })) return [line];
          return [''];
        })(),
        new Promise<string[]>((_, reject) => setTimeout(() => reject(new Error('the OIDC provider did not start')), 20_000)),
      ]);
      const { issuer } = JSON.parse(regel) as { issuer: string };
      const page = await context.newPage();
      // This stack runs embedded; the gateway's distributed answer (tested in the gateway's spec) stands in for it here.
      await page.route('**/portal-config.json', (route) =>
        route.fulfill({ json: { modus: 'distributed', oidc: { issuer, clientId: 'ketenregie-portal', scope: 'openid' } } }),
      );
      await page.goto(`${portal.url}/`);
      await page.getByRole('button', { name: 'Inloggen bij uw organisatie' }).waitFor();
      await bekijk(page, '16-inloggen-oidc');
      const naarProvider = page.waitForRequest((request) => request.url().startsWith(`${issuer}/auth?`));
      await page.getByRole('button', { name: 'Inloggen bij uw organisatie' }).click();
      const authorize = new URL((await naarProvider).url());
      await page.waitForURL(`${issuer}/interaction/**`);
      await page.locator('input[name="login"]').fill('klantmanager@dommeldal.nl');
      await page.locator('input[name="password"]').fill('demo');
      await page.getByRole('button', { name: 'Sign-in' }).click();

      await page.getByRole('heading', { name: 'Welkom' }).waitFor();
      expect(await page.getByText('U bent ingelogd als klantmanager bij Gemeente Dommeldal, Werk & Inkomen.').count()).toBe(1);
      const sessie = JSON.parse((await page.evaluate(() => sessionStorage.getItem('ketenregie.sessie'))) ?? '{}') as { wijze: string; token: string };
      expect(sessie.wijze).toBe('oidc');
      const claims = JSON.parse(Buffer.from(sessie.token.split('.')[1], 'base64url').toString()) as { iss: string; aud: string; rol: string };
      expect(claims).toMatchObject({ iss: issuer, aud: 'ketenregie-api', rol: 'klantmanager' });
      expect(await page.evaluate(() => sessionStorage.getItem('ketenregie.oidc'))).toBeNull();
      // Redirected out by the code flow: the code challenge went out, the verifier never did.
      expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
      expect(authorize.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(authorize.searchParams.has('code_verifier')).toBe(false);

      await page.getByRole('button', { name: 'Uitloggen' }).click();
      await page.waitForURL(`${issuer}/**`);
      await page.locator('button[autofocus], button[type="submit"]').first().click();
      await page.getByRole('heading', { name: 'Inloggen' }).waitFor();
      expect(await page.evaluate(() => sessionStorage.getItem('ketenregie.sessie'))).toBeNull();
    } finally {
      await context.close();
      provider.kill('SIGTERM');
    }
  }, 90_000);

  it('reports the first page load on localhost (figures, not a timed assertion)', async () => {
    const metingen: { ttfb: number; fcp: number; load: number; klaar: number; bytes: number }[] = [];
    for (let i = 0; i < 3; i++) {
      const context = await nieuweContext(portal.browser);
      const page = await context.newPage();
      const start = Date.now();
      await page.goto(`${portal.url}/`);
      await page.getByLabel('Organisatie').locator('option').nth(1).waitFor({ state: 'attached' });
      const klaar = Date.now() - start;
      const timing = await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
        const bytes = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).reduce((som, r) => som + r.transferSize, nav.transferSize);
        return { ttfb: nav.responseStart, fcp, load: nav.loadEventEnd, bytes };
      });
      metingen.push({ ...timing, klaar });
      expect(timing.load).toBeGreaterThan(0);
      await context.close();
    }
    const mediaan = (key: keyof (typeof metingen)[number]) => [...metingen.map((m) => m[key])].sort((a, b) => a - b)[1];
    console.log(
      `first page load of / on localhost, cold browser cache, median of 3: first byte ${mediaan('ttfb').toFixed(0)} ms, ` +
        `first contentful paint ${mediaan('fcp').toFixed(0)} ms, load event ${mediaan('load').toFixed(0)} ms, ` +
        `sign-in form filled from the registry ${mediaan('klaar')} ms, ${(mediaan('bytes') / 1024).toFixed(0)} KiB transferred`,
    );
  }, 60_000);
});
