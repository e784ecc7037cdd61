import type { INestApplication } from '@nestjs/common';
import {
  IndicatorBerekening,
  MonitoringActiviteitenService,
  OrganisatieRegisterService,
  ProjectieService,
  type ConvenantMonitor,
  type FeedBron,
  type PilotWorkflows,
} from '@ketenregie/monitoring-application';
import type { Feit } from '@ketenregie/monitoring-domain';
import { SqlPilotRepository } from '@ketenregie/monitoring-data-access';
import { DataSource } from 'typeorm';
import { afsprakenRapportSchema, convenantSchema, organisatieLijstSchema, stuurgroepSchema } from '@ketenregie/monitoring-contracts';
import { createService, EmbeddedSigner, loadConfig, type OrganisatieType, type Rol } from '@ketenregie/shared-platform';
import { describeEachDatabase } from '@ketenregie/shared-testing';
import { randomUUID as randomUUIDv4 } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_ORGANISATIES, DEMO_STUURGROEPEN } from '../seed/demo-region';
import { AppModule } from './app.module';
import { monitorServiceConfigSchema } from './monitor-service.config';

const quiet = { write: () => true };

describeEachDatabase('monitor-service', (db) => {
  describe('over HTTP', () => {
    let app: INestApplication;
    let base: string;
    let jwks: Server;
    let signer: EmbeddedSigner;
    let keyDir: string;
    /** The pilot workflows as the service drives them (the workflows themselves are tested in workflows/monitoring/test). */
    const gestart: string[] = [];
    const besluiten: string[] = [];
    const pilotWorkflows: PilotWorkflows = {
      start: async (p) => void gestart.push(p.id),
      besluit: async (id, b) => void besluiten.push(`${id}:${b.besluit}:${b.door}`),
    };
    const monitors: string[] = [];
    const convenantMonitor: ConvenantMonitor = { start: async (c) => void monitors.push(`${c.convenantId}:${c.einddatum}`) };
    /** A context's outbox as a feed: the same page may be delivered again (at least once). */
    const uitgaand: Feit[] = [];
    const feed: FeedBron = {
      naam: 'traject',
      pagina: async (na, max) => ({ feiten: uitgaand.slice(na, na + max), laatste: Math.min(uitgaand.length, na + max) }),
    };
    /** The exchange and plaatsing feeds, read the same way. */
    const ketenUit: Record<'exchange' | 'plaatsing', Feit[]> = { exchange: [], plaatsing: [] };
    const ketenFeeds: FeedBron[] = (['exchange', 'plaatsing'] as const).map((naam) => ({
      naam,
      pagina: async (na, max) => ({ feiten: ketenUit[naam].slice(na, na + max), laatste: Math.min(ketenUit[naam].length, na + max) }),
    }));

    beforeAll(async () => {
      keyDir = await mkdtemp(join(tmpdir(), 'monitor-service-spec-'));
      signer = await EmbeddedSigner.loadOrCreate({ dataDir: keyDir });
      jwks = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(signer.jwks())));
      await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
      const config = loadConfig(monitorServiceConfigSchema, {
        DATABASE_URL: db.url,
        AUTH_JWKS_URL: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/auth/jwks.json`,
        TEMPORAL_ADDRESS: '127.0.0.1:1',
        PORT: '0',
        MONITOR_FEED_ACTIEF: 'false',
        KETENREGIE_DATA_DIR: keyDir,
      });
      app = await createService(AppModule.register(config, { feedBronnen: [feed, ...ketenFeeds], pilotWorkflows, convenantMonitor }), {
        name: 'monitor-service',
        port: 0,
        logLevel: 'silent',
        logDestination: quiet,
        shutdownHooks: false,
      });
      await app.listen(0, '127.0.0.1');
      base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
      await app.get(OrganisatieRegisterService).registerMissing(DEMO_ORGANISATIES, DEMO_STUURGROEPEN);
    }, 60_000);

    afterAll(async () => {
      await app?.close();
      await new Promise((resolve) => jwks?.close(resolve));
      await rm(keyDir, { recursive: true, force: true });
    });

    it('lists the registry without a token, in the published shape', async () => {
      const response = await fetch(`${base}/api/v1/organisaties`);
      expect(response.status).toBe(200);
      const organisaties = organisatieLijstSchema.parse(await response.json());
      expect(organisaties.map((o) => o.id).sort()).toEqual(DEMO_ORGANISATIES.map((o) => o.id).sort());
      expect(organisaties[0].type).toBe('gemeente');
    });

    it('answers one organisation, or 404 problem+json for an unknown id', async () => {
      const found = await fetch(`${base}/api/v1/organisaties/ggz-zuiderlicht`);
      expect(await found.json()).toEqual({ id: 'ggz-zuiderlicht', naam: 'GGZ Zuiderlicht', type: 'ggz' });
      const missing = await fetch(`${base}/api/v1/organisaties/bestaat-niet`);
      expect(missing.status).toBe(404);
      expect(missing.headers.get('content-type')).toContain('application/problem+json');
      expect(await missing.json()).toMatchObject({ code: 'MONITORING.ORGANISATIE_NOT_FOUND' });
    });

    it('shows the stuurgroepen only to an authenticated caller', async () => {
      const anonymous = await fetch(`${base}/api/v1/stuurgroepen`);
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get('content-type')).toContain('application/problem+json');

      const token = await signer.sign({ sub: 'mw-1', organisatie: 'werkbrug-dommeldal', organisatieType: 'uitvoerder', rol: 'stuurgroeplid' });
      const response = await fetch(`${base}/api/v1/stuurgroepen`, { headers: { authorization: `Bearer ${token}` } });
      expect(response.status).toBe(200);
      const [stuurgroep] = ((await response.json()) as unknown[]).map((s) => stuurgroepSchema.parse(s));
      expect(stuurgroep.id).toBe('stuurgroep-dommeldal');
      expect(stuurgroep.leden.map((l) => l.id)).toEqual(DEMO_STUURGROEPEN[0].leden);
    });

    it('seeds the demo region once: registering it again adds nothing', async () => {
      await expect(app.get(OrganisatieRegisterService).registerMissing(DEMO_ORGANISATIES, DEMO_STUURGROEPEN)).resolves.toEqual({
        organisatiesToegevoegd: 0,
        stuurgroepenToegevoegd: 0,
      });
    });

    it('lets the gemeente set up and amend a convenant; parties read it, others are told it does not exist', async () => {
      const sign = (organisatie: string, organisatieType: OrganisatieType, rol: Rol) => signer.sign({ sub: `${rol}-1`, organisatie, organisatieType, rol });
      const gemeente = await sign('gemeente-dommeldal', 'gemeente', 'stuurgroeplid');
      const werkbrug = await sign('werkbrug-dommeldal', 'uitvoerder', 'stuurgroeplid');
      const ggz = await sign('ggz-zuiderlicht', 'ggz', 'stuurgroeplid');
      const coach = await sign('werkbrug-dommeldal', 'uitvoerder', 'coach');
      const call = (token: string, method: string, path: string, body?: unknown) =>
        fetch(`${base}/api/v1${path}`, {
          method,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
      const inhoud = {
        naam: 'Convenant Participatie Dommeldal',
        startdatum: '2026-01-01',
        einddatum: '2027-12-31',
        partijen: [
          { organisatieId: 'gemeente-dommeldal', toezeggingen: [{ soort: 'aantal-trajecten', waarde: 120, eenheid: 'aantal', periode: 'jaar' }] },
          {
            organisatieId: 'werkbrug-dommeldal',
            toezeggingen: [{ soort: 'overdrachten-binnen-termijn', waarde: 90, eenheid: 'procent', periode: 'kwartaal' }],
          },
        ],
        doelen: [{ indicator: 'evaluaties-op-tijd', streefwaarde: 85, eenheid: 'procent', periode: 'kwartaal' }],
      };
      expect((await call(werkbrug, 'POST', '/convenanten', { stuurgroepId: 'stuurgroep-dommeldal', ...inhoud })).status).toBe(403);
      expect((await call(gemeente, 'POST', '/convenanten', { stuurgroepId: 'stuurgroep-dommeldal', ...inhoud, einddatum: '2025-01-01' })).status).toBe(400);
      const aangemaakt = await call(gemeente, 'POST', '/convenanten', { stuurgroepId: 'stuurgroep-dommeldal', ...inhoud });
      expect(aangemaakt.status).toBe(201);
      const convenant = convenantSchema.parse(await aangemaakt.json());
      expect(convenant.huidig).toMatchObject({ versie: 1, ingangsdatum: '2026-01-01', vastgesteldDoor: 'gemeente-dommeldal' });
      expect(monitors).toEqual([`${convenant.id}:2027-12-31`]);

      const amendment = { ...inhoud, ingangsdatum: '2026-07-01', partijen: [...inhoud.partijen, { organisatieId: 'ggz-zuiderlicht', toezeggingen: [] }] };
      const gewijzigd = await call(gemeente, 'POST', `/convenanten/${convenant.id}/versies`, amendment);
      expect(gewijzigd.status).toBe(201);
      expect(convenantSchema.parse(await gewijzigd.json()).versies).toEqual([
        { versie: 1, ingangsdatum: '2026-01-01' },
        { versie: 2, ingangsdatum: '2026-07-01' },
      ]);
      const eerste = await (await call(ggz, 'GET', `/convenanten/${convenant.id}/versies/1`)).json();
      expect(eerste).toMatchObject({ versie: 1, partijen: inhoud.partijen });
      expect(((await (await call(werkbrug, 'GET', '/convenanten')).json()) as { id: string }[]).map((c) => c.id)).toEqual([convenant.id]);
      expect((await call(coach, 'GET', '/convenanten')).status).toBe(403);
      const geldwijs = await sign('geldwijs-dommeldal', 'schuldhulp', 'stuurgroeplid');
      expect((await call(geldwijs, 'GET', `/convenanten/${convenant.id}`)).status).toBe(404);
      expect(await (await call(geldwijs, 'GET', '/convenanten')).json()).toEqual([]);
    });

    it('turns fed traject facts into indicators: each fact once, rebuilt identically, small cells suppressed, no personal data', async () => {
      const trajectId = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
      const data = { programma: 'werkfit', regieOrganisatie: 'gemeente-dommeldal', coachOrganisatie: 'werkbrug-dommeldal', coach: 'coach-1' };
      let n = 0;
      const id = () => `10000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
      // Six trajecten of the gemeente in March 2026, three of them reached.
      for (let i = 1; i <= 6; i++) uitgaand.push({ id: id(), soort: 'traject.aangemeld', onderwerp: trajectId(i), datum: '2026-03-02', data });
      for (let i = 1; i <= 3; i++)
        uitgaand.push({ id: id(), soort: 'traject.fase-gewijzigd', onderwerp: trajectId(i), datum: '2026-03-10', data: { ...data, naar: 'kennismaking' } });
      const projectie = app.get(ProjectieService);
      await projectie.bij();
      // The whole outbox once more: nothing is counted twice.
      await app.get(DataSource).query("UPDATE monitoring.feed_positie SET laatste = 0 WHERE bron = 'traject'");
      await projectie.bij();

      const token = await signer.sign({ sub: 'sg-1', organisatie: 'werkbrug-dommeldal', organisatieType: 'uitvoerder', rol: 'stuurgroeplid' });
      const lees = async (path: string) => fetch(`${base}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
      const rapport = (await (await lees('/indicatoren?periode=kwartaal&indicatoren=bereik')).json()) as {
        indicatoren: {
          definitie: { teller: string; noemer: string; periodeRegel: string };
          cellen: { meting: string; partner: string; periode: string; waarde: number | null; onderdrukt: boolean }[];
        }[];
      };
      const bereik = rapport.indicatoren[0];
      expect(bereik.definitie.teller.length).toBeGreaterThan(20);
      expect(bereik.definitie.periodeRegel).toContain('aanmelddatum');
      const waarde = (meting: string) => bereik.cellen.find((c) => c.meting === meting && c.partner === 'gemeente-dommeldal' && c.periode === '2026-K1');
      expect(waarde('aangemeld')).toMatchObject({ waarde: 6, onderdrukt: false });
      expect(waarde('bereikt')).toMatchObject({ waarde: null, onderdrukt: true });

      const voor = await (await lees('/indicatoren?periode=maand')).text();
      expect(await projectie.herbouw()).toBe(6);
      expect(await (await lees('/indicatoren?periode=maand')).text()).toBe(voor);

      const csv = await (await lees('/indicatoren/export?periode=kwartaal&indicatoren=bereik')).text();
      expect(csv.split('\r\n')[0]).toBe('indicator;meting;categorie;partner;periode;waarde;onderdrukt;onvolledig');
      expect(csv).toContain('bereik;aangemeld;-;gemeente-dommeldal;2026-K1;6;false;false');
      expect(csv).toContain('bereik;bereikt;-;gemeente-dommeldal;2026-K1;onderdrukt;true;true');
      for (const body of [voor, csv]) for (let i = 1; i <= 6; i++) expect(body).not.toContain(trajectId(i));
      expect(voor).not.toContain('coach-1');

      const coach = await signer.sign({ sub: 'c-1', organisatie: 'werkbrug-dommeldal', organisatieType: 'uitvoerder', rol: 'coach' });
      expect((await fetch(`${base}/api/v1/indicatoren`, { headers: { authorization: `Bearer ${coach}` } })).status).toBe(403);
      expect((await lees('/indicatoren?periode=week')).status).toBe(400);
    });

    it('turns handover, referral and placement facts of the exchange and plaatsing feeds into indicators, once each, rebuilt identically', async () => {
      const uuid = (prefix: string, i: number) => `${prefix}-0000-4000-8000-${String(i).padStart(12, '0')}`;
      let n = 0;
      const id = () => uuid('20000000', ++n);
      const overdracht = (soort: string, i: number, datum: string, extra: Record<string, unknown> = {}): Feit => ({
        id: id(),
        soort: `overdracht.${soort}`,
        onderwerp: uuid('30000000', i),
        datum,
        data: { zender: 'werkbrug-dommeldal', ontvanger: 'ggz-zuiderlicht', status: soort, ...extra },
      });
      const plaatsing = (soort: string, i: number, datum: string, extra: Record<string, unknown> = {}): Feit => ({
        id: id(),
        soort: `plaatsing.${soort}`,
        onderwerp: uuid('40000000', i),
        datum,
        data: { werkgever: 'van-der-heijden-metaal', ...extra },
      });
      // Six handovers to the GGZ in April 2026: five accepted within the term, one cancelled before an answer.
      for (let i = 1; i <= 6; i++) ketenUit.exchange.push(overdracht('aangevraagd', i, '2026-04-14'), overdracht('dossier-geleverd', i, '2026-04-14'));
      for (let i = 1; i <= 5; i++) ketenUit.exchange.push(overdracht('geaccepteerd', i, '2026-04-16'));
      ketenUit.exchange.push(overdracht('beeindigd', 6, '2026-04-15', { status: 'geannuleerd' }));
      // Five placements started in April, each from a proefplaatsing to a contract.
      for (let i = 1; i <= 5; i++)
        ketenUit.plaatsing.push(
          plaatsing('gestart', i, '2026-04-06'),
          plaatsing('proefplaatsing-gestart', i, '2026-04-06'),
          plaatsing('contract-getekend', i, '2026-06-01', { urenPerWeek: 24 }),
        );
      const projectie = app.get(ProjectieService);
      await projectie.bij();
      const token = await signer.sign({ sub: 'sg-2', organisatie: 'gemeente-dommeldal', organisatieType: 'gemeente', rol: 'stuurgroeplid' });
      const lees = async () =>
        (
          await fetch(`${base}/api/v1/indicatoren?periode=kwartaal&indicatoren=overdrachten-binnen-termijn,overdracht-doorlooptijd,plaatsingen`, {
            headers: { authorization: `Bearer ${token}` },
          })
        ).text();
      const voor = await lees();
      const rapport = JSON.parse(voor) as {
        indicatoren: { cellen: { indicator: string; meting: string; categorie: string; partner: string; periode: string; waarde: number | null }[] }[];
      };
      const waarde = (indicator: string, meting: string, categorie = '-', partner = 'alle') =>
        rapport.indicatoren
          .flatMap((i) => i.cellen)
          .find((c) => c.indicator === indicator && c.meting === meting && c.categorie === categorie && c.partner === partner && c.periode === '2026-K2')
          ?.waarde;
      expect(waarde('overdrachten-binnen-termijn', 'aangevraagd')).toBe(6);
      expect(waarde('overdrachten-binnen-termijn', 'noemer')).toBe(5);
      expect(waarde('overdrachten-binnen-termijn', 'aandeel')).toBe(100);
      expect(waarde('overdrachten-binnen-termijn', 'ingetrokken')).toBeNull(); // 1: suppressed
      expect(waarde('overdracht-doorlooptijd', 'mediaan')).toBe(2);
      expect(waarde('plaatsingen', 'gestart', '-', 'van-der-heijden-metaal')).toBe(5);
      expect(waarde('plaatsingen', 'aandeel', 'proef-naar-contract')).toBe(100);

      // Both feeds delivered again from the start: nothing counts twice; a rebuild gives the same figures.
      await app.get(DataSource).query("UPDATE monitoring.feed_positie SET laatste = 0 WHERE bron IN ('exchange', 'plaatsing')");
      await projectie.bij();
      expect(await lees()).toBe(voor);
      await projectie.herbouw();
      expect(await lees()).toBe(voor);
      for (let i = 1; i <= 6; i++) expect(voor).not.toContain(uuid('30000000', i));
    });

    it("serves a stuurgroep's inbox to its members only, without personal data", async () => {
      const pilots = new SqlPilotRepository(app.get(DataSource));
      await pilots.meld({
        sleutel: 'm-1',
        stuurgroepId: 'stuurgroep-dommeldal',
        aan: 'stuurgroep',
        onderwerp: 'verlengingsbesluit-gevraagd',
        verwijzing: 'pilot/p-1',
      });
      await pilots.meld({
        sleutel: 'm-1',
        stuurgroepId: 'stuurgroep-dommeldal',
        aan: 'stuurgroep',
        onderwerp: 'verlengingsbesluit-gevraagd',
        verwijzing: 'pilot/p-1',
      });
      await pilots.meld({
        sleutel: 'm-2',
        stuurgroepId: 'stuurgroep-dommeldal',
        aan: 'voorzitter',
        onderwerp: 'escalatie-verlengingsbesluit',
        verwijzing: 'pilot/p-1',
      });
      const lees = async (organisatie: string, organisatieType: OrganisatieType, rol: Rol, stuurgroep = 'stuurgroep-dommeldal') =>
        fetch(`${base}/api/v1/stuurgroepen/${stuurgroep}/meldingen`, {
          headers: { authorization: `Bearer ${await signer.sign({ sub: `${rol}-9`, organisatie, organisatieType, rol })}` },
        });
      const lid = await lees('ggz-zuiderlicht', 'ggz', 'stuurgroeplid');
      expect(lid.status).toBe(200);
      const meldingen = (await lid.json()) as { aan: string; onderwerp: string; verwijzing: string; op: string }[];
      expect(meldingen.map((m) => [m.aan, m.onderwerp]).sort()).toEqual([
        ['stuurgroep', 'verlengingsbesluit-gevraagd'],
        ['voorzitter', 'escalatie-verlengingsbesluit'],
      ]);
      expect(Object.keys(meldingen[0]).sort()).toEqual(['aan', 'onderwerp', 'op', 'verwijzing']);
      expect((await lees('van-der-heijden-metaal', 'werkgever', 'stuurgroeplid')).status).toBe(404);
      expect((await lees('ggz-zuiderlicht', 'ggz', 'stuurgroeplid', 'bestaat-niet')).status).toBe(404);
      expect((await lees('ggz-zuiderlicht', 'ggz', 'behandelaar')).status).toBe(403);
    });

    it("sets each party's commitments beside its released figures, with the same disclosure control and as CSV", async () => {
      const sign = (organisatie: string, organisatieType: OrganisatieType, rol: Rol) => signer.sign({ sub: `${rol}-1`, organisatie, organisatieType, rol });
      const werkbrug = await sign('werkbrug-dommeldal', 'uitvoerder', 'stuurgroeplid');
      const lees = async (token: string, path: string) => fetch(`${base}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
      const [convenant] = (await (await lees(werkbrug, '/convenanten')).json()) as { id: string }[];
      const antwoord = await lees(werkbrug, `/convenanten/${convenant.id}/afspraken?tot=2026-03`);
      expect(antwoord.status).toBe(200);
      const rapport = afsprakenRapportSchema.parse(await antwoord.json());
      // The convenant of the first test: the gemeente commits 120 trajecten a year, werkbrug 90% handovers on time a quarter.
      // The projection holds 6 trajecten aangemeld with the gemeente in March 2026 and no handovers.
      expect(rapport.regels.map((r) => [r.partner, r.soort, r.periode, r.toezegging, r.gerealiseerd, r.indicator])).toEqual([
        ['gemeente-dommeldal', 'aantal-trajecten', '2026', 120, 6, 'bereik'],
        ['werkbrug-dommeldal', 'overdrachten-binnen-termijn', '2026-K1', 90, null, 'overdrachten-binnen-termijn'],
      ]);
      expect(rapport.regels[1]).toMatchObject({ signaal: 'geen-gegevens', onderdrukt: false });
      expect(rapport.definities.map((d) => d.code)).toEqual(['bereik', 'overdrachten-binnen-termijn']);

      const csv = await (await lees(werkbrug, `/convenanten/${convenant.id}/afspraken/export?tot=2026-03`)).text();
      expect(csv.split('\r\n')[0]).toBe(
        'partner;toezegging;expertise;versie;periode;toegezegd;eenheid;indicator;gerealiseerd;onderdrukt;onvolledig;lopend;signaal',
      );
      expect(csv).toContain('gemeente-dommeldal;aantal-trajecten;;1;2026;120;aantal;bereik;6;false;false;');
      expect((await lees(werkbrug, `/convenanten/${convenant.id}/afspraken?periode=maand`)).status).toBe(400);
      expect((await lees(await sign('geldwijs-dommeldal', 'schuldhulp', 'stuurgroeplid'), `/convenanten/${convenant.id}/afspraken`)).status).toBe(404);
      expect((await lees(await sign('werkbrug-dommeldal', 'uitvoerder', 'coach'), `/convenanten/${convenant.id}/afspraken`)).status).toBe(403);
    });

    it('sets up a pilot, hands the decision to its workflow, and serves its reports, which cannot be changed once published', async () => {
      const gemeente = await signer.sign({ sub: 'sg-g', organisatie: 'gemeente-dommeldal', organisatieType: 'gemeente', rol: 'stuurgroeplid' });
      const ggz = await signer.sign({ sub: 'sg-z', organisatie: 'ggz-zuiderlicht', organisatieType: 'ggz', rol: 'stuurgroeplid' });
      const werkgever = await signer.sign({ sub: 'sg-w', organisatie: 'van-der-heijden-metaal', organisatieType: 'werkgever', rol: 'stuurgroeplid' });
      const call = (token: string, method: string, path: string, body?: unknown) =>
        fetch(`${base}/api/v1${path}`, {
          method,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
      const body = {
        stuurgroepId: 'stuurgroep-dommeldal',
        naam: 'Pilot werkfit',
        programma: 'werkfit',
        t0: '2026-03-02',
        t1: '2026-06-01',
        eind: '2026-12-01',
      };
      expect((await call(ggz, 'POST', '/pilots', body)).status).toBe(403);
      const aangemaakt = await call(gemeente, 'POST', '/pilots', body);
      expect(aangemaakt.status).toBe(201);
      const pilot = (await aangemaakt.json()) as { id: string };
      expect(gestart).toEqual([pilot.id]);

      // The activities as the worker runs them, on the same database.
      const activiteiten = new MonitoringActiviteitenService(new SqlPilotRepository(app.get(DataSource)), app.get(IndicatorBerekening));
      const sleutel = `pilot-evaluatie-${pilot.id}:rapport:T0`;
      await activiteiten.publishPilotReport({ sleutel, pilotId: pilot.id, moment: 'T0', peildatum: '2026-03-02' });
      await activiteiten.publishPilotReport({ sleutel, pilotId: pilot.id, moment: 'T0', peildatum: '2026-03-09' });
      const rapportages = (await (await call(ggz, 'GET', `/pilots/${pilot.id}/rapportages`)).json()) as {
        moment: string;
        peildatum: string;
        inhoud: { indicatoren: unknown[] };
      }[];
      expect(rapportages.map((r) => [r.moment, r.peildatum])).toEqual([['T0', '2026-03-02']]);
      expect(rapportages[0].inhoud.indicatoren.length).toBeGreaterThan(0);
      await expect(app.get(DataSource).query("UPDATE monitoring.rapportage SET peildatum = '2026-01-01'")).rejects.toThrow(/cannot be changed/);
      await expect(app.get(DataSource).query('DELETE FROM monitoring.rapportage')).rejects.toThrow(/cannot be changed/);

      expect((await call(gemeente, 'POST', `/pilots/${pilot.id}/besluit`, { besluit: 'verlengen' })).status).toBe(202);
      expect(besluiten).toEqual([`${pilot.id}:verlengen:gemeente-dommeldal`]);
      expect((await call(werkgever, 'GET', `/pilots/${pilot.id}/rapportages`)).status).toBe(404);
    });

    it('records hours per partner and case-meeting attendance, and sets both beside the commitments; a non-party is refused and nothing is stored', async () => {
      const sign = (organisatie: string, organisatieType: OrganisatieType, rol: Rol) => signer.sign({ sub: `${rol}-1`, organisatie, organisatieType, rol });
      const gemeente = await sign('gemeente-dommeldal', 'gemeente', 'stuurgroeplid');
      const gemeenteKm = await sign('gemeente-dommeldal', 'gemeente', 'klantmanager');
      const werkbrugCoach = await sign('werkbrug-dommeldal', 'uitvoerder', 'coach');
      const werkbrug = await sign('werkbrug-dommeldal', 'uitvoerder', 'stuurgroeplid');
      const geldwijsCoach = await sign('geldwijs-dommeldal', 'schuldhulp', 'coach');
      const call = (token: string, method: string, path: string, body?: unknown) =>
        fetch(`${base}/api/v1${path}`, {
          method,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
      const aangemaakt = await call(gemeente, 'POST', '/convenanten', {
        stuurgroepId: 'stuurgroep-dommeldal',
        naam: 'Convenant Inzet Dommeldal',
        startdatum: '2026-01-01',
        einddatum: '2026-12-31',
        partijen: [
          {
            organisatieId: 'gemeente-dommeldal',
            toezeggingen: [{ soort: 'casuistiekoverleg-aanwezigheid', waarde: 80, eenheid: 'procent', periode: 'kwartaal' }],
          },
          {
            organisatieId: 'werkbrug-dommeldal',
            toezeggingen: [
              { soort: 'uren-en-expertise', waarde: 16, eenheid: 'uren', periode: 'maand', expertise: 'jobcoaching' },
              { soort: 'casuistiekoverleg-aanwezigheid', waarde: 3, eenheid: 'aantal', periode: 'kwartaal' },
            ],
          },
        ],
        doelen: [],
      });
      expect(aangemaakt.status).toBe(201);
      const { id } = (await aangemaakt.json()) as { id: string };

      // Hours: a party's own professional registers its own organisation's; again for the same month replaces the figure.
      const eerst = await call(werkbrugCoach, 'POST', `/convenanten/${id}/inzet`, { maand: '2026-03', expertise: 'jobcoaching', uren: 18.5 });
      expect(eerst.status).toBe(201);
      expect(await eerst.json()).toMatchObject({
        convenantId: id,
        organisatieId: 'werkbrug-dommeldal',
        maand: '2026-03',
        expertise: 'jobcoaching',
        uren: 18.5,
      });
      expect((await call(werkbrugCoach, 'POST', `/convenanten/${id}/inzet`, { maand: '2026-03', expertise: 'jobcoaching', uren: 20 })).status).toBe(201);
      expect((await call(gemeenteKm, 'POST', `/convenanten/${id}/inzet`, { maand: '2026-03', expertise: 'regie', uren: 4 })).status).toBe(201);

      // Refused, and nothing stored: another organisation (no party), an organisation in the body, a month outside the convenant.
      const vreemd = await call(geldwijsCoach, 'POST', `/convenanten/${id}/inzet`, { maand: '2026-03', expertise: 'schuldhulp', uren: 40 });
      expect(vreemd.status).toBe(403);
      expect(vreemd.headers.get('content-type')).toContain('application/problem+json');
      const namens = await call(werkbrugCoach, 'POST', `/convenanten/${id}/inzet`, {
        maand: '2026-03',
        expertise: 'ggz',
        uren: 40,
        organisatieId: 'gemeente-dommeldal',
      });
      expect(namens.status).toBe(400);
      expect(namens.headers.get('content-type')).toContain('application/problem+json');
      const buiten = await call(werkbrugCoach, 'POST', `/convenanten/${id}/inzet`, { maand: '2027-03', expertise: 'ggz', uren: 40 });
      expect(buiten.status).toBe(400);
      expect(await buiten.json()).toMatchObject({ code: 'MONITORING.INZET_INVALID', errors: [expect.objectContaining({ field: 'maand' })] });
      expect((await call(werkbrugCoach, 'POST', `/convenanten/${randomUUIDv4()}/inzet`, { maand: '2026-03', expertise: 'ggz', uren: 4 })).status).toBe(404);

      const lijst = async (token: string) =>
        (
          (await (await call(token, 'GET', `/convenanten/${id}/inzet`)).json()) as {
            registraties: { organisatieId: string; expertise: string; uren: number }[];
          }
        ).registraties.map((r) => [r.organisatieId, r.expertise, r.uren]);
      // The gemeente reads every party's; a party its own only; nobody's 40 hours were stored.
      expect(await lijst(gemeente)).toEqual([
        ['gemeente-dommeldal', 'regie', 4],
        ['werkbrug-dommeldal', 'jobcoaching', 20],
      ]);
      expect(await lijst(werkbrug)).toEqual([['werkbrug-dommeldal', 'jobcoaching', 20]]);
      expect((await call(geldwijsCoach, 'GET', `/convenanten/${id}/inzet`)).status).toBe(403);

      // Case meetings in March 2026, as the traject feed delivers them: five discussions with the gemeente and werkbrug invited;
      // the gemeente attended all five, werkbrug four.
      const trajectId = (i: number) => `00000000-0000-4000-8000-${String(100 + i).padStart(12, '0')}`;
      for (let i = 1; i <= 5; i++)
        uitgaand.push({
          id: `c0000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
          soort: 'traject.casuistiekoverleg-gehouden',
          onderwerp: trajectId(i),
          datum: `2026-03-1${i}`,
          data: {
            programma: 'werkfit',
            regieOrganisatie: 'gemeente-dommeldal',
            overleg: `2026-03-1${i}`,
            genodigd: 'gemeente-dommeldal,werkbrug-dommeldal',
            aanwezig: i === 5 ? 'gemeente-dommeldal' : 'gemeente-dommeldal,werkbrug-dommeldal',
          },
        });
      await app.get(ProjectieService).bij();

      const afspraken = afsprakenRapportSchema.parse(await (await call(werkbrug, 'GET', `/convenanten/${id}/afspraken?van=2026-03&tot=2026-03`)).json());
      expect(afspraken.regels.map((r) => [r.partner, r.soort, r.periode, r.toezegging, r.gerealiseerd, r.indicator, r.signaal])).toEqual([
        // 5 of 5 attended = 100% ≥ 80%.
        ['gemeente-dommeldal', 'casuistiekoverleg-aanwezigheid', '2026-K1', 80, 100, 'casuistiekoverleg-aanwezigheid', 'gehaald'],
        // 4 attended: a count from 1 to 4 is suppressed.
        ['werkbrug-dommeldal', 'casuistiekoverleg-aanwezigheid', '2026-K1', 3, null, 'casuistiekoverleg-aanwezigheid', 'onderdrukt'],
        // 20 hours of jobcoaching ≥ 16.
        ['werkbrug-dommeldal', 'uren-en-expertise', '2026-03', 16, 20, 'inzet-uren', 'gehaald'],
      ]);
      expect(afspraken.definities.map((d) => d.code)).toEqual(['casuistiekoverleg-aanwezigheid', 'inzet-uren']);
      const indicatoren = await (await call(werkbrug, 'GET', '/indicatoren?periode=kwartaal&indicatoren=casuistiekoverleg-aanwezigheid')).text();
      expect(indicatoren).toContain('"meting":"aandeel","categorie":"-","partner":"gemeente-dommeldal","periode":"2026-K1","waarde":100');
      for (let i = 1; i <= 5; i++) expect(indicatoren).not.toContain(trajectId(i));
    });

    it('documents the registry in its OpenAPI document', async () => {
      const document = (await (await fetch(`${base}/openapi.json`)).json()) as { paths: Record<string, unknown> };
      expect(Object.keys(document.paths)).toEqual(
        expect.arrayContaining([
          '/api/v1/organisaties',
          '/api/v1/organisaties/{id}',
          '/api/v1/stuurgroepen',
          '/api/v1/stuurgroepen/{id}/meldingen',
          '/api/v1/convenanten/{id}/afspraken',
          '/api/v1/convenanten/{id}/afspraken/export',
          '/api/v1/convenanten/{id}/inzet',
        ]),
      );
      // Both methods of the hours, each with an operation id of its own.
      const inzet = (document.paths as Record<string, Record<string, { operationId?: string }>>)['/api/v1/convenanten/{id}/inzet'];
      expect(Object.keys(inzet).sort()).toEqual(['get', 'post']);
      expect(new Set([inzet['get'].operationId, inzet['post'].operationId]).size).toBe(2);
    });
  });
});
