/**
 * The traject and consent contexts through the gateway of the whole stack (`startStack`, the
 * orchestrator behind `npm start`), with dev tokens of the demo region. Both suites share one
 * stack to keep the e2e run bounded.
 */
import { toestemmingWorkflowId } from '@ketenregie/consent-contracts';
import { eventually } from '@ketenregie/shared-testing';
import { kluisConfigSchema, kluisDataConverter, sleutelkluisVanConfig } from '@ketenregie/shared-crypto';
import { Client as TemporalClient, Connection } from '@temporalio/client';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePorts, startStack } from '@ketenregie/start';
import { demoTrajectAanvraag, geldigBsn } from './deelnemer';
import { devTokens } from './dev-tokens';
import { START_TIMEOUT, freshMachineEnv } from './fresh-machine';

interface Antwoord<T> {
  readonly status: number;
  readonly type: string;
  readonly body: T;
}

type Wie = readonly [organisatie: string, rol: string];

/** Today in Amsterdam (the date the services use for commands without one). */
function vandaag(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
}

/** A Temporal client that reads the stack's encrypted payloads with the stack's own key store (closed by `sluit`). */
function temporalClient(connection: Connection, env: NodeJS.ProcessEnv): { client: TemporalClient; sluit: () => Promise<void> } {
  const sleutels = sleutelkluisVanConfig({ ...kluisConfigSchema.parse(env), DATABASE_URL: env['DATABASE_URL'] ?? '' }, { applicationName: 'e2e-kluis' });
  const client = new TemporalClient({ connection, namespace: env['TEMPORAL_NAMESPACE'], dataConverter: kluisDataConverter(sleutels, async () => undefined) });
  return { client, sluit: () => sleutels.sluit() };
}

/** Key stores opened by the tests, closed after them. */
const afterSluiten: (() => Promise<void>)[] = [];
afterAll(async () => {
  await Promise.all(afterSluiten.map((sluit) => sluit()));
});

describe('traject and consent through the gateway (one stack, demo region tokens)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ketenregie-e2e-traject-'));
  let stack: { url: string; env: NodeJS.ProcessEnv; stop(): Promise<void> };

  const klantmanager: Wie = ['gemeente-dommeldal', 'klantmanager'];
  const coach: Wie = ['werkbrug-dommeldal', 'coach'];
  const anderCoach: Wie = ['kempenpoort-reintegratie', 'coach'];
  const ggz = { organisatie: 'ggz-zuiderlicht', type: 'ggz' };

  const devToken = devTokens(() => stack.url);
  const token = ([organisatie, rol]: Wie): Promise<string> => devToken({ organisatie, rol });

  async function call<T>(wie: Wie, method: string, path: string, body?: unknown): Promise<Antwoord<T>> {
    const response = await fetch(`${stack.url}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${await token(wie)}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    const type = response.headers.get('content-type') ?? '';
    return { status: response.status, type, body: (type.includes('json') && text ? JSON.parse(text) : text) as T };
  }

  async function aantalDeelnemers(): Promise<number> {
    const client = new Client({ connectionString: stack.env['DATABASE_URL'] });
    await client.connect();
    try {
      return (await client.query<{ n: number }>('SELECT count(*)::int AS n FROM traject.deelnemer')).rows[0].n;
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    stack = await startStack({ env: freshMachineEnv(), dataDir, ...(await freePorts()) });
  }, START_TIMEOUT);

  afterAll(async () => {
    await stack?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  describe('a traject', () => {
    const persoon = { voornamen: 'Ria', achternaam: 'de Vries', geboortedatum: '1971-05-14', contact: { telefoon: '0612345678' } };

    it('refuses a deelnemer with an invalid BSN with a problem naming the field, and stores nothing', async () => {
      const voor = await aantalDeelnemers();
      const ongeldig = await call<{ code: string; errors: { field: string }[] }>(klantmanager, 'POST', '/deelnemers', { ...persoon, bsn: '123456789' });
      expect(ongeldig.status).toBe(400);
      expect(ongeldig.type).toContain('application/problem+json');
      expect(ongeldig.body.code).toBe('REQUEST.VALIDATION');
      expect(ongeldig.body.errors.map((e) => e.field)).toEqual(['bsn']);
      expect(await aantalDeelnemers()).toBe(voor);
    });

    it('runs from aanmelding through intake, plan and an evaluation; the timeline shows it in order; an uninvolved organisation sees nothing', async () => {
      const programmas = await call<{ code: string }[]>(klantmanager, 'GET', '/programmas');
      expect(programmas.status).toBe(200);
      expect(programmas.body.map((p) => p.code)).toEqual(expect.arrayContaining(['maatwerktraject-den-bosch', 'fip']));

      const bsn = geldigBsn();
      const deelnemer = await call<{ id: string }>(klantmanager, 'POST', '/deelnemers', { ...persoon, bsn });
      expect(deelnemer.status).toBe(201);

      const gestart = await call<{ id: string; overzicht: { fase: string; status: string } }>(
        klantmanager,
        'POST',
        '/trajecten',
        demoTrajectAanvraag(deelnemer.body.id),
      );
      expect(gestart.status).toBe(201);
      expect(gestart.body.overzicht).toMatchObject({ fase: 'contact-leggen', status: 'actief' });
      const id = gestart.body.id;
      // The workflow's activity puts the first-contact task on the coach's list.
      await eventually(async () => {
        const taken = await call<{ taken: { trajectId: string; soort: string }[] }>(coach, 'GET', '/taken');
        expect(taken.body.taken).toContainEqual(expect.objectContaining({ trajectId: id, soort: 'eerste-contact' }));
      }, 15_000);

      const stap = async (sub: string, body: unknown) => {
        const r = await call<{ fase: string; code?: string }>(coach, 'POST', `/trajecten/${id}/${sub}`, body);
        expect({ sub, status: r.status, code: r.body.code }).toEqual({ sub, status: 200, code: undefined });
        return r.body;
      };
      expect((await stap('contactpogingen', { kanaal: 'telefoon', uitkomst: 'afspraak-gemaakt' })).fase).toBe('kennismaking');
      await stap('contactmomenten', { vorm: 'huisbezoek', verschenen: true, minuten: 60 });
      expect((await stap('kennismaking', { klik: true })).fase).toBe('diagnose');
      const d = vandaag();
      const scorer = { rol: 'coach', professionalId: 'dev:werkbrug-dommeldal:coach' };
      expect(
        (
          await stap('diagnose', {
            metingen: [
              { instrument: 'participatieladder', trede: 2, datum: d, scorer, instrumentVersie: 'participatieladder-6' },
              { instrument: 'zrm', datum: d, scorer, instrumentVersie: 'zrm-2017', relevanteDomeinen: ['financien'], scores: { financien: 2 } },
            ],
          })
        ).fase,
      ).toBe('plan-van-aanpak');
      const plan = await stap('plan', {
        plan: {
          grow: { goal: 'vrijwilligerswerk', reality: 'thuis', options: 'kringloop', will: 'oriëntatie' },
          doelen: [
            {
              id: 'd1',
              omschrijving: 'twee dagdelen',
              smart: { specifiek: 's', meetbaar: 'm', actiegericht: 'a', realistisch: 'r', tijdgebonden: `${Number(d.slice(0, 4)) + 1}${d.slice(4)}` },
            },
          ],
          ondertekening: { datum: d, door: 'deelnemer' },
        },
      });
      expect(plan.fase).toBe('uitvoering');
      await stap('evaluaties', { besluit: 'doorgaan' });

      // The overview is the projection the workflow's activities write, a moment after the command.
      await eventually(async () => {
        const overzicht = await call<{ fase: string; status: string; evaluaties: number; regie: { organisatieId: string } }>(
          klantmanager,
          'GET',
          `/trajecten/${id}`,
        );
        expect(overzicht.status).toBe(200);
        expect(overzicht.body).toMatchObject({ fase: 'uitvoering', status: 'actief', evaluaties: 1, regie: { organisatieId: 'gemeente-dommeldal' } });
      }, 15_000);

      const tijdlijn = await call<{ gebeurtenissen: { nr: number; soort: string }[] }>(coach, 'GET', `/trajecten/${id}/tijdlijn`);
      expect(tijdlijn.status).toBe(200);
      const zichtbaar = [
        'aangemeld',
        'coach-toegewezen',
        'contactpoging',
        'contactmoment',
        'kennismaking-afgerond',
        'meting',
        'plan-vastgesteld',
        'plan-ondertekend',
        'evaluatie',
      ];
      const soorten = tijdlijn.body.gebeurtenissen.map((g) => g.soort).filter((s) => zichtbaar.includes(s));
      expect(soorten.filter((s, i) => s !== soorten[i - 1])).toEqual(zichtbaar);
      const nrs = tijdlijn.body.gebeurtenissen.map((g) => g.nr);
      expect([...nrs].sort((a, b) => a - b)).toEqual(nrs);

      // The deelnemer read back: in full by the registering gemeente, with the BSN masked by the coach's uitvoerder.
      const gelezen = await call<{
        bsn?: string;
        bsnGemaskeerd: string;
        voornamen: string;
        contact: unknown;
        trajecten: { id: string; fase: string; status: string }[];
      }>(klantmanager, 'GET', `/deelnemers/${deelnemer.body.id}`);
      expect(gelezen.status).toBe(200);
      expect(gelezen.body).toMatchObject({
        bsn,
        bsnGemaskeerd: `******${bsn.slice(-3)}`,
        ...persoon,
        trajecten: [{ id, fase: 'uitvoering', status: 'actief' }],
      });
      const doorCoach = await call<{ bsn?: string; bsnGemaskeerd: string; voornamen: string }>(coach, 'GET', `/deelnemers/${deelnemer.body.id}`);
      expect(doorCoach.status).toBe(200);
      expect(doorCoach.body.bsn).toBeUndefined();
      expect(doorCoach.body).toMatchObject({ bsnGemaskeerd: gelezen.body.bsnGemaskeerd, voornamen: persoon.voornamen });
      const misvormd = await call<{ status: number }>(klantmanager, 'GET', '/deelnemers/geen-id');
      expect({ status: misvormd.status, problem: misvormd.type.includes('application/problem+json') }).toEqual({ status: 400, problem: true });

      for (const [method, path, body] of [
        ['GET', `/deelnemers/${deelnemer.body.id}`, undefined],
        ['GET', `/trajecten/${id}`, undefined],
        ['GET', `/trajecten/${id}/tijdlijn`, undefined],
        ['POST', `/trajecten/${id}/pauze`, { reden: 'ziekte' }],
      ] as const) {
        const r = await call<{ code: string }>(anderCoach, method, path, body);
        expect({ path, method, status: r.status, type: r.type.includes('application/problem+json') }).toEqual({ path, method, status: 404, type: true });
      }
      const takenAnder = await call<{ taken: { trajectId: string }[] }>(anderCoach, 'GET', '/taken');
      expect(takenAnder.body.taken.some((t) => t.trajectId === id)).toBe(false);
    });
  });

  describe('processing log', () => {
    it("a coach of the uitvoerder reading the gemeente's traject is in the deelnemer's inzage, with the request's trace; the lead's own reads are not; the log still verifies", async () => {
      const deelnemer = await call<{ id: string }>(klantmanager, 'POST', '/deelnemers', {
        voornamen: 'Kees',
        achternaam: 'Bakker',
        geboortedatum: '1968-11-03',
        bsn: geldigBsn(),
      });
      expect(deelnemer.status).toBe(201);
      const gestart = await call<{ id: string }>(klantmanager, 'POST', '/trajecten', {
        deelnemerId: deelnemer.body.id,
        programmaCode: 'fip',
        regie: { regievoerderId: 'dev:gemeente-dommeldal:klantmanager', organisatieId: 'gemeente-dommeldal' },
        coach: { coachId: 'dev:werkbrug-dommeldal:coach', organisatieId: 'werkbrug-dommeldal' },
        aanmeldreden: 'activering',
      });
      expect(gestart.status).toBe(201);
      expect((await call(klantmanager, 'GET', `/trajecten/${gestart.body.id}`)).status).toBe(200);

      const traceId = crypto.randomUUID().replace(/-/g, '');
      const gelezen = await fetch(`${stack.url}/api/v1/trajecten/${gestart.body.id}`, {
        headers: { authorization: `Bearer ${await token(coach)}`, traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
      });
      expect(gelezen.status).toBe(200);
      expect(((await gelezen.json()) as { trajectId: string }).trajectId).toBe(gestart.body.id);

      const inzage = await call<{
        verwerkingen: {
          handeling: string;
          status: string;
          organisatie: string;
          doel?: string;
          categorieen: string[];
          traceId: string;
          verwerkingsactiviteit?: { naam: string };
        }[];
      }>(klantmanager, 'GET', `/deelnemers/${deelnemer.body.id}/inzage`);
      expect(inzage.status).toBe(200);
      expect(inzage.body.verwerkingen.filter((v) => v.handeling === 'raadpleging')).toEqual([
        expect.objectContaining({
          status: 'ok',
          organisatie: 'werkbrug-dommeldal',
          doel: 're-integratie',
          categorieen: ['traject-status'],
          traceId,
          verwerkingsactiviteit: expect.objectContaining({ naam: 'Uitvoering re-integratietraject' }),
        }),
      ]);

      const verificatie = await call<{ geldig: boolean; aantal: number }>(['gemeente-dommeldal', 'fg'], 'GET', '/verwerkingen/verificatie');
      expect(verificatie.status).toBe(200);
      expect(verificatie.body).toEqual(expect.objectContaining({ geldig: true }));
      expect(verificatie.body.aantal).toBeGreaterThan(0);
    });
  });

  describe('consent', () => {
    it('a given consent permits, its withdrawal denies, the inzage lists both in order, and the worker ends its lifecycle', async () => {
      // Consent is recorded only by an organisation involved with the deelnemer: here the gemeente that registers them.
      const aangemeld = await call<{ id: string }>(klantmanager, 'POST', '/deelnemers', {
        voornamen: 'Iris',
        achternaam: 'Smit',
        geboortedatum: '1983-07-14',
        bsn: geldigBsn(),
      });
      expect(aangemeld.status).toBe(201);
      const deelnemerId = aangemeld.body.id;
      const gegeven = await call<{ id: string; status: string }>(klantmanager, 'POST', '/toestemmingen', {
        deelnemerId,
        verlener: { soort: 'deelnemer' },
        doel: 'verwijzing-ggz',
        categorieen: ['contact', 'gezondheid'],
        bronnen: [{ soort: 'type', type: 'gemeente' }],
        ontvangers: [{ soort: 'organisatie', organisatie: ggz.organisatie }],
        geldigTot: '2099-01-01T00:00:00.000Z',
        bewijs: { soort: 'ondertekend-formulier', documentId: 'scan-e2e-001' },
      });
      expect(gegeven.status).toBe(201);
      expect(gegeven.body.status).toBe('gegeven');

      const verzoek = { deelnemerId, ontvanger: ggz, doel: 'verwijzing-ggz', categorieen: ['gezondheid', 'contact'] };
      const toegestaan = await call<{ uitkomst: string; categorieen: { categorie: string; uitkomst: string }[] }>(klantmanager, 'POST', '/besluiten', verzoek);
      expect(toegestaan.status).toBe(200);
      expect(toegestaan.body.uitkomst).toBe('toegestaan');
      expect(toegestaan.body.categorieen.map((c) => [c.categorie, c.uitkomst])).toEqual([
        ['gezondheid', 'toegestaan'],
        ['contact', 'toegestaan'],
      ]);

      const connection = await Connection.connect({ address: stack.env['TEMPORAL_ADDRESS'] });
      try {
        const temporal = temporalClient(connection, stack.env);
        afterSluiten.push(temporal.sluit);
        const lifecycle = temporal.client.workflow.getHandle(toestemmingWorkflowId(gegeven.body.id));
        expect((await lifecycle.describe()).status.name).toBe('RUNNING');

        const intrekking = await call<{ status: string }>(klantmanager, 'POST', `/toestemmingen/${gegeven.body.id}/intrekking`, {
          reden: 'deelnemer wil dit niet meer',
        });
        expect(intrekking.status).toBe(200);
        expect(intrekking.body.status).toBe('ingetrokken');

        const geweigerd = await call<{ uitkomst: string; categorieen: { categorie: string; uitkomst: string }[] }>(klantmanager, 'POST', '/besluiten', verzoek);
        expect(geweigerd.body.uitkomst).toBe('geweigerd');
        expect(geweigerd.body.categorieen.every((c) => c.uitkomst === 'geweigerd')).toBe(true);

        const inzage = await call<{
          toestemmingen: { historie: { status: string }[] }[];
          verwerkingen: { handeling: string; status: string; tijdstip: string }[];
        }>(klantmanager, 'GET', `/deelnemers/${deelnemerId}/inzage`);
        expect(inzage.status).toBe(200);
        expect(inzage.body.toestemmingen.map((t) => t.historie.map((h) => h.status))).toEqual([['gegeven', 'ingetrokken']]);
        expect(inzage.body.verwerkingen.map((v) => [v.handeling, v.status])).toEqual([
          ['toestemming-gegeven', 'ok'],
          ['besluit', 'ok'],
          ['toestemming-ingetrokken', 'ok'],
          ['besluit', 'geweigerd'],
        ]);
        const tijden = inzage.body.verwerkingen.map((v) => v.tijdstip);
        expect([...tijden].sort()).toEqual(tijden);

        // The consent task queue is polled by the worker: the withdrawal ends the lifecycle workflow.
        let timer: NodeJS.Timeout | undefined;
        const teLaat = new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('lifecycle still running after 30 s')), 30_000);
        });
        try {
          await expect(Promise.race([lifecycle.result(), teLaat])).resolves.toBeDefined();
        } finally {
          clearTimeout(timer);
        }
      } finally {
        await connection.close();
      }
    });
  });

  describe('a programme the partnership sets up itself', () => {
    const code = `e2e-loonwaarde-${Date.now().toString(36)}`;
    const programma = {
      code,
      naam: 'Iedereen doet mee (e2e)',
      omschrijving: 'Voor wie een loonwaarde tot 30% heeft, met een driewekelijks casuïstiekoverleg van de partners.',
      doelgroep: { minLeeftijd: 18, loonwaarde: [0, 30] },
      fasen: ['aanmelding', 'contact-leggen', 'diagnose', 'uitvoering', 'afgesloten'],
      faseTermijnWerkdagen: { diagnose: 10 },
      contact: { maxIntervalWerkdagen: 15, sessieMinuten: 90 },
      evaluatie: { intervalMaanden: 3, t1NaMaanden: 6, aankondigingWerkdagen: 10 },
      duur: { typischMaanden: 12, maxMaanden: 24, verlenging: { maanden: 6, maxAantal: 2 } },
      casuistiekoverleg: { elkeWeken: 3, partners: ['gemeente-dommeldal', 'werkbrug-dommeldal', 'ggz-zuiderlicht'] },
      instrumenten: { ladderVersie: 'participatieladder-6', ladderSubtreden: false, zrmVersie: 'zrm-2017', verplichtBijMeting: ['participatieladder'] },
    };

    it('a klantmanager creates it (a coach may not; a phase without a duration is explained), trajecten pass and fail its loonwaarde band, and the scores of an evaluation read back with who scored and the movement', async () => {
      expect((await call(coach, 'POST', '/programmas', programma)).status).toBe(403);
      const zonderDuur = await call<{ code: string; errors: { field: string; detail: string }[] }>(klantmanager, 'POST', '/programmas', {
        ...programma,
        faseTermijnWerkdagen: {},
      });
      expect(zonderDuur.status).toBe(400);
      expect(zonderDuur.type).toContain('application/problem+json');
      expect(zonderDuur.body.errors).toEqual([
        expect.objectContaining({
          field: 'faseTermijnWerkdagen.diagnose',
          detail: 'de fase diagnose heeft geen duur: geef het aantal werkdagen of maanden op',
        }),
      ]);
      const onbekendVeld = await call<{ code: string }>(klantmanager, 'POST', '/programmas', { ...programma, geheim: true });
      expect(onbekendVeld.status).toBe(400);

      const gemaakt = await call<{ versie: number }>(klantmanager, 'POST', '/programmas', programma);
      expect(gemaakt.status).toBe(201);
      expect(gemaakt.body.versie).toBe(1);
      const gelezen = await call<{ actueleVersie: number; versies: { definitie: { casuistiekoverleg: unknown; doelgroep: unknown } }[] }>(
        coach,
        'GET',
        `/programmas/${code}`,
      );
      expect(gelezen.status).toBe(200);
      expect(gelezen.body.actueleVersie).toBe(1);
      expect(gelezen.body.versies[0].definitie).toMatchObject({ casuistiekoverleg: programma.casuistiekoverleg, doelgroep: { loonwaarde: [0, 30] } });

      const aanmelden = async (loonwaardePercentage: number) => {
        const d = await call<{ id: string }>(klantmanager, 'POST', '/deelnemers', {
          bsn: geldigBsn(),
          voornamen: 'Loes',
          achternaam: 'Waard',
          geboortedatum: '1980-02-03',
        });
        expect(d.status).toBe(201);
        return call<{ id: string; code?: string; errors?: { field: string }[]; overzicht?: { programma: unknown } }>(klantmanager, 'POST', '/trajecten', {
          ...demoTrajectAanvraag(d.body.id),
          programmaCode: code,
          doelgroep: { loonwaardePercentage },
        });
      };
      const buiten = await aanmelden(45);
      expect(buiten.status).toBe(422);
      expect(buiten.body.code).toBe('TRAJECT.NOT_ELIGIBLE');
      expect(buiten.body.errors?.map((e) => e.field)).toEqual(['doelgroep.loonwaarde-buiten-band']);
      const binnen = await aanmelden(25);
      expect(binnen.status).toBe(201);
      expect(binnen.body.overzicht?.programma).toEqual({ code, versie: 1 });
      const id = binnen.body.id;

      const stap = async (sub: string, body: unknown) => {
        const r = await call<{ fase: string; code?: string }>(coach, 'POST', `/trajecten/${id}/${sub}`, body);
        expect({ sub, status: r.status, code: r.body.code }).toEqual({ sub, status: 200, code: undefined });
        return r.body;
      };
      expect((await stap('contactpogingen', { kanaal: 'telefoon', uitkomst: 'afspraak-gemaakt' })).fase).toBe('diagnose');
      const d = vandaag();
      // Whatever the body says about who scored, the token decides.
      const ladder = (trede: number) => ({
        instrument: 'participatieladder',
        trede,
        datum: d,
        instrumentVersie: 'participatieladder-6',
        scorer: { rol: 'coach', professionalId: 'iemand-anders' },
      });
      expect((await stap('diagnose', { metingen: [ladder(1)] })).fase).toBe('uitvoering');
      await stap('evaluaties', { besluit: 'doorgaan', metingen: [ladder(2)] });

      const metingen = await call<{
        programma: unknown;
        t0: string;
        instrumenten: { instrument: string; metingen: { scorer: unknown; waarden: unknown }[]; beweging: Record<string, unknown> }[];
      }>(klantmanager, 'GET', `/trajecten/${id}/metingen`);
      expect(metingen.status).toBe(200);
      expect(metingen.body).toMatchObject({ programma: { code, versie: 1 }, t0: d });
      expect(metingen.body.instrumenten).toEqual([
        {
          instrument: 'participatieladder',
          instrumentVersie: 'participatieladder-6',
          metingen: [
            { datum: d, scorer: { rol: 'coach', professionalId: 'dev:werkbrug-dommeldal:coach' }, waarden: { trede: 1 } },
            { datum: d, scorer: { rol: 'coach', professionalId: 'dev:werkbrug-dommeldal:coach' }, waarden: { trede: 2 } },
          ],
          beweging: { trede: { t0: 1, laatste: 2, verschil: 1, t0Datum: d, laatsteDatum: d } },
        },
      ]);
      expect((await call(anderCoach, 'GET', `/trajecten/${id}/metingen`)).status).toBe(404);

      // The three-weekly case meeting is scheduled in the traject on a working day about three weeks out.
      const connection = await Connection.connect({ address: stack.env['TEMPORAL_ADDRESS'] });
      try {
        const temporal = temporalClient(connection, stack.env);
        afterSluiten.push(temporal.sluit);
        const termijnen = await temporal.client.workflow.getHandle(`traject-${id}`).query<{ soort: string; vervalt: string; voor: string }[]>('termijnen');
        const overleg = termijnen.find((t) => t.soort === 'casuistiekoverleg');
        expect(overleg?.voor).toBe('regievoerder');
        const dagen = Math.round((Date.parse(overleg?.vervalt ?? '') - Date.parse(d)) / 86_400_000);
        expect(dagen).toBeGreaterThanOrEqual(21);
        expect(dagen).toBeLessThanOrEqual(25);
        expect([0, 6]).not.toContain(new Date(`${overleg?.vervalt}T12:00:00Z`).getUTCDay());
      } finally {
        await connection.close();
      }
    });
  });
});
