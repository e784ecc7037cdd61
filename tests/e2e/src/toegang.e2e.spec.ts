import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// The orchestrator behind `npm start`, used as-is: same steps, free ports, a temporary data dir.
import { freePorts, startStack } from '@ketenregie/start';
import { demoTrajectAanvraag, geldigBsn } from './deelnemer';
import { devTokens, type DevTokenVoor } from './dev-tokens';
import { BELASTE_MACHINE, freshMachineEnv } from './fresh-machine';

type Betrokken = 'aanmelder' | 'regievoerder' | 'coach-organisatie' | 'ontvanger';
type Soort = 'gemeente' | 'uitvoerder' | 'werkgever' | 'ggz' | 'schuldhulp' | 'wijkteam';

/**
 * One way to be allowed, in the words of docs/access.md. Written by hand: the test does not ask
 * the policy module what it allows, so the module and the running stack are checked against this.
 */
type Mag =
  | { readonly wie: 'iedereen' }
  | { readonly wie: 'professional'; readonly van?: readonly Soort[]; readonly rollen?: readonly string[]; readonly betrokken?: readonly Betrokken[] }
  | { readonly wie: 'fg van een gemeente' }
  | { readonly wie: 'de deelnemer zelf' }
  | { readonly wie: 'de dienst zelf' }
  | { readonly wie: 'verzender' }
  | { readonly wie: 'ontvanger'; readonly naToestemming: true }
  | { readonly wie: 'eigenaar van het abonnement' }
  | { readonly wie: 'de werkgever zelf' }
  | { readonly wie: 'betrokken bij de plaatsing' }
  | { readonly wie: 'professional of stuurgroeplid van een partij van het convenant' }
  | { readonly wie: 'stuurgroeplid'; readonly van?: readonly Soort[]; readonly vanEenPartij?: true };

/** "professional": klantmanager, coach, jobcoach or behandelaar (docs/access.md). */
const PROFESSIONELE_ROLLEN = ['klantmanager', 'coach', 'jobcoach', 'behandelaar'];
const iedereen: Mag = { wie: 'iedereen' };
const elkeProfessional: Mag = { wie: 'professional' };
const klantmanagerVanEenGemeente: Mag = { wie: 'professional', van: ['gemeente'], rollen: ['klantmanager'] };
const betrokkenProfessional: Mag = { wie: 'professional', betrokken: ['aanmelder', 'regievoerder', 'coach-organisatie', 'ontvanger'] };
const professionalVanRegieOfCoach: Mag = { wie: 'professional', betrokken: ['regievoerder', 'coach-organisatie'] };
const fg: Mag = { wie: 'fg van een gemeente' };
const deelnemerZelf: Mag = { wie: 'de deelnemer zelf' };
const dienst: Mag = { wie: 'de dienst zelf' };
const verzender: Mag = { wie: 'verzender' };
const ontvangerNaToestemming: Mag = { wie: 'ontvanger', naToestemming: true };
const stuurgroeplid: Mag = { wie: 'stuurgroeplid' };

/**
 * Who may call each route the running services publish: the expectation of the access matrix.
 * A route the stack serves that is missing here fails the test; so does an entry for a route
 * that is gone. "betrokken" is the caller's organisation's involvement with the deelnemer or
 * traject of the route; "verzender" and "ontvanger" are the caller's organisation's part in the
 * one handover or referral of the route.
 */
const WIE_MAG: Readonly<Record<string, readonly Mag[]>> = {
  // No personal data.
  'GET /api/v1/organisaties': [iedereen],
  'GET /api/v1/organisaties/{id}': [iedereen],
  'GET /api/v1/stuurgroepen': [iedereen],
  'GET /api/v1/programmas': [iedereen],
  'GET /api/v1/programmas/{code}': [iedereen],
  'GET /api/v1/programmas/{code}/versies': [iedereen],
  'GET /api/v1/programmas/{code}/versies/{versie}': [iedereen],
  'POST /api/v1/programmas': [klantmanagerVanEenGemeente],
  'POST /api/v1/programmas/{code}/versies': [klantmanagerVanEenGemeente],
  // Deelnemers and trajecten.
  'POST /api/v1/deelnemers': [klantmanagerVanEenGemeente],
  'GET /api/v1/deelnemers/{id}': [betrokkenProfessional],
  'GET /api/v1/deelnemers/{id}/betrokkenheid': [elkeProfessional],
  'GET /api/v1/deelnemers/{id}/trajecten': [betrokkenProfessional, deelnemerZelf],
  'POST /api/v1/deelnemers/{id}/ontvangers': [dienst],
  'DELETE /api/v1/deelnemers/{id}/ontvangers/{organisatie}': [dienst],
  'GET /api/v1/deelnemers/{id}/bestaan': [dienst],
  'POST /api/v1/deelnemers/{id}/wissing': [fg],
  'POST /api/v1/codec/decode': [fg],
  'POST /api/v1/codec/encode': [fg],
  'POST /api/v1/trajecten': [{ wie: 'professional', van: ['gemeente'], rollen: ['klantmanager'], betrokken: ['aanmelder'] }],
  'GET /api/v1/trajecten/{id}': [betrokkenProfessional, deelnemerZelf],
  'GET /api/v1/trajecten': [elkeProfessional],
  'GET /api/v1/trajecten/{id}/tijdlijn': [betrokkenProfessional],
  'GET /api/v1/trajecten/{id}/verloop': [betrokkenProfessional],
  'GET /api/v1/trajecten/{id}/metingen': [betrokkenProfessional],
  'GET /api/v1/trajecten/{id}/betrokkenheid': [betrokkenProfessional],
  'POST /api/v1/trajecten/{id}/{opdracht}': [professionalVanRegieOfCoach],
  'GET /api/v1/taken': [elkeProfessional],
  'GET /api/v1/signalen': [elkeProfessional],
  'POST /api/v1/caseload-overdrachten': [elkeProfessional],
  'GET /api/v1/traject-gebeurtenissen': [dienst],
  'GET /api/v1/toestemming-gebeurtenissen': [dienst],
  'GET /api/v1/exchange-gebeurtenissen': [dienst],
  'GET /api/v1/plaatsing-gebeurtenissen': [dienst],
  // Consent, the processing log and the inzage.
  'POST /api/v1/toestemmingen': [betrokkenProfessional],
  'GET /api/v1/toestemmingen': [betrokkenProfessional, deelnemerZelf, fg],
  'POST /api/v1/toestemmingen/{id}/intrekking': [betrokkenProfessional, deelnemerZelf],
  'GET /api/v1/herinneringen': [elkeProfessional],
  'POST /api/v1/besluiten': [betrokkenProfessional],
  'POST /api/v1/verwerkingen': [dienst],
  'GET /api/v1/verwerkingen': [fg],
  'GET /api/v1/verwerkingen/verificatie': [fg],
  'GET /api/v1/verwerkingsregister': [fg],
  'GET /api/v1/vrijgaveprofielen': [elkeProfessional, fg],
  'GET /api/v1/deelnemers/{id}/inzage': [deelnemerZelf, betrokkenProfessional, fg],
  // Handovers and referrals.
  'GET /api/v1/inbox': [elkeProfessional],
  'POST /api/v1/overdrachten': [professionalVanRegieOfCoach],
  'GET /api/v1/overdrachten': [elkeProfessional],
  'GET /api/v1/overdrachten/{id}': [verzender, ontvangerNaToestemming],
  'POST /api/v1/overdrachten/{id}/driegesprek': [verzender, ontvangerNaToestemming],
  'GET /api/v1/overdrachten/{id}/inzagen': [verzender, ontvangerNaToestemming],
  'POST /api/v1/overdrachten/{id}/acceptatie': [ontvangerNaToestemming],
  'POST /api/v1/overdrachten/{id}/afwijzing': [ontvangerNaToestemming],
  'GET /api/v1/overdrachten/{id}/dossier': [ontvangerNaToestemming],
  'POST /api/v1/overdrachten/{id}/toestemming': [verzender],
  'POST /api/v1/overdrachten/{id}/annulering': [verzender],
  'POST /api/v1/overdrachten/{id}/heraanbieding': [verzender],
  'POST /api/v1/verwijzingen': [professionalVanRegieOfCoach],
  'GET /api/v1/verwijzingen/{id}': [verzender, ontvangerNaToestemming],
  'POST /api/v1/verwijzingen/{id}/status': [ontvangerNaToestemming],
  // Webhook subscriptions: a professional, for their own organisation.
  'POST /api/v1/abonnementen': [elkeProfessional],
  'GET /api/v1/abonnementen': [elkeProfessional],
  'DELETE /api/v1/abonnementen/{id}': [{ wie: 'eigenaar van het abonnement' }],
  // The werkgever lane: an employer its own profile, vacancies and overview; placements only for those taking part
  // (werkgever, coach organisation, regievoerder, the jobcoach; tests/e2e/src/werkgever.e2e.spec.ts walks them).
  'GET /api/v1/werkgevers/{id}': [{ wie: 'de werkgever zelf' }],
  'PUT /api/v1/werkgevers/{id}': [{ wie: 'de werkgever zelf' }],
  'POST /api/v1/vacatures': [{ wie: 'professional', van: ['werkgever'] }],
  'GET /api/v1/vacatures': [{ wie: 'professional', van: ['werkgever', 'gemeente', 'uitvoerder', 'schuldhulp', 'wijkteam'] }],
  'GET /api/v1/vacatures/{id}': [{ wie: 'professional', van: ['gemeente', 'uitvoerder', 'schuldhulp', 'wijkteam'] }],
  'POST /api/v1/vacatures/{id}/voordrachten': [professionalVanRegieOfCoach],
  'GET /api/v1/plaatsingen': [elkeProfessional],
  // Every professional, their own tasks only (traject-service merges them into GET /api/v1/taken).
  'GET /api/v1/plaatsingen/taken': [elkeProfessional],
  'GET /api/v1/plaatsingen/{id}': [{ wie: 'betrokken bij de plaatsing' }],
  'POST /api/v1/plaatsingen/{id}/opdrachten': [{ wie: 'betrokken bij de plaatsing' }],
  'GET /api/v1/werkgeversoverzicht': [{ wie: 'professional', van: ['werkgever'] }],
  // The stuurgroep: convenanten (the gemeente maintains them), aggregates only.
  'GET /api/v1/convenanten': [stuurgroeplid],
  'POST /api/v1/convenanten': [{ wie: 'stuurgroeplid', van: ['gemeente'] }],
  'GET /api/v1/convenanten/{id}': [{ wie: 'stuurgroeplid', vanEenPartij: true }],
  'POST /api/v1/convenanten/{id}/versies': [{ wie: 'stuurgroeplid', van: ['gemeente'], vanEenPartij: true }],
  'GET /api/v1/convenanten/{id}/versies/{versie}': [{ wie: 'stuurgroeplid', vanEenPartij: true }],
  'GET /api/v1/convenanten/{id}/afspraken': [{ wie: 'stuurgroeplid', vanEenPartij: true }],
  'GET /api/v1/convenanten/{id}/afspraken/export': [{ wie: 'stuurgroeplid', vanEenPartij: true }],
  // Hours and expertise: a party's professional or stuurgroeplid registers its own organisation's (the gemeente reads every party's).
  'POST /api/v1/convenanten/{id}/inzet': [{ wie: 'professional of stuurgroeplid van een partij van het convenant' }],
  'GET /api/v1/convenanten/{id}/inzet': [{ wie: 'professional of stuurgroeplid van een partij van het convenant' }],
  'GET /api/v1/indicatoren': [stuurgroeplid],
  'GET /api/v1/indicatoren/export': [stuurgroeplid],
  'GET /api/v1/indicatoren/definities': [stuurgroeplid],
  'POST /api/v1/pilots': [{ wie: 'stuurgroeplid', van: ['gemeente'] }],
  'GET /api/v1/pilots/{id}': [{ wie: 'stuurgroeplid', vanEenPartij: true }],
  'GET /api/v1/pilots/{id}/rapportages': [{ wie: 'stuurgroeplid', vanEenPartij: true }],
  'POST /api/v1/pilots/{id}/besluit': [{ wie: 'stuurgroeplid', van: ['gemeente'], vanEenPartij: true }],
  'GET /api/v1/stuurgroepen/{id}/meldingen': [{ wie: 'stuurgroeplid', vanEenPartij: true }],
};

interface Antwoord<T> {
  status: number;
  body: T;
}

describe('access policy through the gateway, with real tokens', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ketenregie-e2e-toegang-'));
  let stack: { url: string; stop(): Promise<void> };

  const token = devTokens(() => stack.url);

  type Wie = DevTokenVoor;

  async function call<T>(wie: Wie, method: string, path: string, body?: unknown): Promise<Antwoord<T>> {
    const response = await fetch(`${stack.url}${path.startsWith('/api') ? '' : '/api/v1'}${path}`, {
      method,
      headers: { authorization: `Bearer ${await token(wie)}`, 'content-type': 'application/json' },
      ...(body === undefined && method === 'GET' ? {} : { body: JSON.stringify(body ?? {}) }),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // an HTML inzage or an empty body
    }
    return { status: response.status, body: parsed as T };
  }

  const gemeente = { organisatie: 'gemeente-dommeldal', rol: 'klantmanager' };
  const coach = { organisatie: 'werkbrug-dommeldal', rol: 'coach' };
  const werkgever = { organisatie: 'van-der-heijden-metaal', rol: 'jobcoach' };
  const stuurgroeplid = { organisatie: 'gemeente-dommeldal', rol: 'stuurgroeplid' };

  beforeAll(async () => {
    const ports = await freePorts();
    // `timeouts` is an option of the orchestrator that its type declaration does not name.
    stack = await startStack({ env: freshMachineEnv(), dataDir, ...ports, timeouts: BELASTE_MACHINE.timeouts } as Parameters<typeof startStack>[0]);
  }, BELASTE_MACHINE.opstart);

  afterAll(async () => {
    await stack?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  /** One more traject for a deelnemer the gemeente registered (a traject runs one handover at a time). */
  async function deelnemerTrajectVan(deelnemerId: string): Promise<{ trajectId: string }> {
    const t = await call<{ id: string }>(gemeente, 'POST', '/trajecten', demoTrajectAanvraag(deelnemerId));
    expect(t.status).toBe(201);
    return { trajectId: t.body.id };
  }

  async function deelnemerMetTraject(): Promise<{ deelnemerId: string; trajectId: string }> {
    const d = await call<{ id: string }>(gemeente, 'POST', '/deelnemers', {
      voornamen: 'Sam',
      achternaam: 'Bakker',
      geboortedatum: '1979-03-02',
      contact: { telefoon: '0612345678' },
      bsn: geldigBsn(),
    });
    expect(d.status).toBe(201);
    const t = await call<{ id: string }>(gemeente, 'POST', '/trajecten', demoTrajectAanvraag(d.body.id));
    expect(t.status).toBe(201);
    return { deelnemerId: d.body.id, trajectId: t.body.id };
  }

  it('finding 2: only the gemeente registers deelnemers and starts trajecten; a werkgever cannot make itself lead and read the deelnemer', async () => {
    const { deelnemerId } = await deelnemerMetTraject();
    const alsLead = {
      ...demoTrajectAanvraag(deelnemerId),
      regie: { regievoerderId: 'dev:van-der-heijden-metaal:jobcoach', organisatieId: 'van-der-heijden-metaal' },
    };
    const start = await call<{ code: string }>(werkgever, 'POST', '/trajecten', alsLead);
    expect(start.status).toBe(403);
    expect(start.body.code).toBe('TOEGANG.GEWEIGERD');
    expect((await call(werkgever, 'GET', `/deelnemers/${deelnemerId}`)).status).toBe(404);
    expect((await call(werkgever, 'POST', '/deelnemers', { voornamen: 'A', achternaam: 'B', geboortedatum: '1980-01-01', bsn: geldigBsn() })).status).toBe(403);
    for (const wie of [
      { organisatie: 'ggz-zuiderlicht', rol: 'behandelaar' },
      { organisatie: 'geldwijs-dommeldal', rol: 'coach' },
      { organisatie: 'kempenpoort-reintegratie', rol: 'coach' },
    ]) {
      const poging = await call(wie, 'POST', '/trajecten', {
        ...demoTrajectAanvraag(deelnemerId),
        regie: { regievoerderId: `dev:${wie.organisatie}:${wie.rol}`, organisatieId: wie.organisatie },
      });
      expect({ wie: wie.organisatie, status: poging.status }).toEqual({ wie: wie.organisatie, status: 403 });
      expect((await call(wie, 'GET', `/deelnemers/${deelnemerId}`)).status).toBe(404);
    }
  });

  it('finding 7: the coach organisation cannot move the lead to itself or add another coach organisation; the regievoerder can', async () => {
    const { trajectId } = await deelnemerMetTraject();
    const naarCoach = await call<{ code: string }>(coach, 'POST', `/trajecten/${trajectId}/regie`, {
      regie: { regievoerderId: 'dev:werkbrug-dommeldal:coach', organisatieId: 'werkbrug-dommeldal' },
    });
    expect(naarCoach.status).toBe(403);
    const andereCoach = await call(coach, 'POST', `/trajecten/${trajectId}/coachwissel`, {
      coach: { coachId: 'dev:van-der-heijden-metaal:jobcoach', organisatieId: 'van-der-heijden-metaal' },
      reden: 'overig',
    });
    expect(andereCoach.status).toBe(403);
    expect((await call(werkgever, 'GET', `/trajecten/${trajectId}`)).status).toBe(404);
    const doorRegie = await call<{ fase: string }>(gemeente, 'POST', `/trajecten/${trajectId}/coachwissel`, {
      coach: { coachId: 'dev:kempenpoort-reintegratie:coach', organisatieId: 'kempenpoort-reintegratie' },
      reden: 'geen-klik',
    });
    expect(doorRegie.status).toBe(200);
    // The timeline records who issued the command (sub, organisation, role), as the service verified it.
    const tijdlijn = await call<{ gebeurtenissen: { soort: string; gegevens: Record<string, unknown> }[] }>(
      gemeente,
      'GET',
      `/trajecten/${trajectId}/tijdlijn`,
    );
    expect(tijdlijn.body.gebeurtenissen.at(-1)?.gegevens).toMatchObject({
      doorSub: 'dev:gemeente-dommeldal:klantmanager',
      doorOrganisatie: 'gemeente-dommeldal',
      doorRol: 'klantmanager',
    });
    // The old coach organisation's involvement ended with the change: it no longer sees the traject.
    expect((await call(coach, 'GET', `/trajecten/${trajectId}`)).status).toBe(404);
    expect((await call({ organisatie: 'kempenpoort-reintegratie', rol: 'coach' }, 'GET', `/trajecten/${trajectId}`)).status).toBe(200);
  });

  it('finding 3: only an organisation involved with the deelnemer records, lists or withdraws consents; the deelnemer withdraws their own; every list is logged', async () => {
    const { deelnemerId } = await deelnemerMetTraject();
    const toestemming = {
      deelnemerId,
      verlener: { soort: 'deelnemer' },
      doel: 'warme-overdracht',
      categorieen: ['contact', 'gezondheid'],
      bronnen: [{ soort: 'type', type: 'gemeente' }],
      ontvangers: [{ soort: 'organisatie', organisatie: 'ggz-zuiderlicht' }],
      geldigTot: '2099-01-01T00:00:00.000Z',
      bewijs: { soort: 'ondertekend-formulier', documentId: 'scan-toegang' },
    };
    expect((await call(werkgever, 'POST', '/toestemmingen', toestemming)).status).toBe(403);
    const gegeven = await call<{ id: string }>(gemeente, 'POST', '/toestemmingen', toestemming);
    expect(gegeven.status).toBe(201);
    expect((await call(werkgever, 'GET', `/toestemmingen?deelnemerId=${deelnemerId}`)).status).toBe(403);
    expect((await call(werkgever, 'POST', `/toestemmingen/${gegeven.body.id}/intrekking`, {})).status).toBe(404);
    expect((await call(werkgever, 'GET', `/deelnemers/${deelnemerId}/inzage`)).status).toBe(403);
    expect((await call(gemeente, 'GET', `/toestemmingen?deelnemerId=${deelnemerId}`)).status).toBe(200);
    const inzage = await call<{ verwerkingen: { handeling: string; organisatie: string }[] }>(
      { deelnemer: deelnemerId },
      'GET',
      `/deelnemers/${deelnemerId}/inzage`,
    );
    expect(inzage.status).toBe(200);
    expect(inzage.body.verwerkingen).toEqual(
      expect.arrayContaining([expect.objectContaining({ handeling: 'raadpleging', organisatie: 'gemeente-dommeldal' })]),
    );
    expect((await call({ deelnemer: deelnemerId }, 'POST', `/toestemmingen/${gegeven.body.id}/intrekking`, {})).status).toBe(200);
  });

  it('finding 1: the recipient type of a disclosure decision comes from the registry, not from the body', async () => {
    const { deelnemerId } = await deelnemerMetTraject();
    const verzoek = { deelnemerId, doel: 'warme-overdracht', categorieen: ['gezondheid'] };
    // A stated type that disagrees with the registry is refused (issue 17); left out, the registry's applies.
    const onjuist = await call<{ code: string }>(gemeente, 'POST', '/besluiten', {
      ...verzoek,
      ontvanger: { organisatie: 'van-der-heijden-metaal', type: 'ggz' },
    });
    expect(onjuist).toMatchObject({ status: 400, body: { code: 'TOEGANG.ORGANISATIETYPE_ONJUIST' } });
    const besluit = await call<{ ontvanger: { organisatie: string; type: string } }>(gemeente, 'POST', '/besluiten', {
      ...verzoek,
      ontvanger: { organisatie: 'van-der-heijden-metaal' },
    });
    expect(besluit.status).toBe(200);
    expect(besluit.body.ontvanger).toEqual({ organisatie: 'van-der-heijden-metaal', type: 'werkgever' });
  });

  it('finding 6 (stuurgroep part): a stuurgroeplid gets no inbox, no deelnemer, no traject', async () => {
    const { deelnemerId, trajectId } = await deelnemerMetTraject();
    expect((await call(stuurgroeplid, 'GET', '/inbox')).status).toBe(403);
    expect((await call(stuurgroeplid, 'GET', `/deelnemers/${deelnemerId}`)).status).toBe(403);
    expect((await call(stuurgroeplid, 'GET', `/trajecten/${trajectId}`)).status).toBe(403);
  });

  it('a deelnemer signs in and reads their own traject summary, and nothing of anyone else', async () => {
    const eigen = await deelnemerMetTraject();
    const ander = await deelnemerMetTraject();
    const zelf = { deelnemer: eigen.deelnemerId };
    expect((await call(zelf, 'GET', `/trajecten/${eigen.trajectId}`)).status).toBe(200);
    expect((await call(zelf, 'GET', `/trajecten/${ander.trajectId}`)).status).toBe(404);
    expect((await call(zelf, 'GET', `/trajecten/${eigen.trajectId}/tijdlijn`)).status).toBe(403);
    expect((await call(zelf, 'GET', `/deelnemers/${eigen.deelnemerId}`)).status).toBe(403);
    expect((await call(zelf, 'GET', '/inbox')).status).toBe(403);
  });

  it('a referral that consent permits makes the receiver ontvanger in the traject context; no person can make anyone ontvanger', async () => {
    const { deelnemerId, trajectId } = await deelnemerMetTraject();
    const geldwijs = { organisatie: 'geldwijs-dommeldal', rol: 'coach' };
    const betrokkenheid = async () => (await call<{ betrokkenheid: string[] }>(geldwijs, 'GET', `/deelnemers/${deelnemerId}/betrokkenheid`)).body.betrokkenheid;
    expect(await betrokkenheid()).toEqual([]);
    expect((await call(geldwijs, 'GET', `/deelnemers/${deelnemerId}`)).status).toBe(404);
    // The traject context records an ontvanger only for exchange-service's own service token.
    for (const wie of [gemeente, coach, geldwijs]) {
      const zelf = await call<{ code: string }>(wie, 'POST', `/deelnemers/${deelnemerId}/ontvangers`, { organisatie: 'geldwijs-dommeldal' });
      expect({ wie: wie.organisatie, status: zelf.status, code: zelf.body.code }).toEqual({ wie: wie.organisatie, status: 403, code: 'AUTH.SERVICE_ONLY' });
    }
    expect(await betrokkenheid()).toEqual([]);

    const verwijzing = await call(gemeente, 'POST', '/verwijzingen', {
      deelnemerId,
      soort: 'schuldhulp',
      ontvanger: { organisatie: 'geldwijs-dommeldal', type: 'schuldhulp' },
      reden: 'schulden',
    });
    expect(verwijzing.status).toBe(201);
    expect(await betrokkenheid()).toEqual(['ontvanger']);
    // Now involved: it reads the deelnemer and the traject overview, and records and reads consents ...
    expect((await call(geldwijs, 'GET', `/deelnemers/${deelnemerId}`)).status).toBe(200);
    expect((await call(geldwijs, 'GET', `/trajecten/${trajectId}`)).status).toBe(200);
    const toestemming = await call(geldwijs, 'POST', '/toestemmingen', {
      deelnemerId,
      verlener: { soort: 'deelnemer' },
      doel: 'schuldhulpverlening',
      categorieen: ['contact'],
      bronnen: [{ soort: 'organisatie', organisatie: 'geldwijs-dommeldal' }],
      ontvangers: [{ soort: 'organisatie', organisatie: 'gemeente-dommeldal' }],
      geldigTot: '2099-01-01T00:00:00.000Z',
      bewijs: { soort: 'ondertekend-formulier', documentId: 'scan-ontvanger' },
    });
    expect(toestemming.status).toBe(201);
    expect((await call(geldwijs, 'GET', `/toestemmingen?deelnemerId=${deelnemerId}`)).status).toBe(200);
    // ... but it works neither the traject nor the lead: those stay with the regievoerder and the coach organisation.
    expect((await call(geldwijs, 'POST', `/trajecten/${trajectId}/contactpogingen`, { kanaal: 'telefoon', uitkomst: 'afspraak-gemaakt' })).status).toBe(403);
  });

  it("a referral's receiver stops being involved when the referral ends (rejected or finished) and when the traject ends: then 404 on the deelnemer and the traject", async () => {
    const geldwijs = { organisatie: 'geldwijs-dommeldal', rol: 'coach' };
    const verwijs = async (deelnemerId: string) => {
      const v = await call<{ id: string }>(gemeente, 'POST', '/verwijzingen', {
        deelnemerId,
        soort: 'schuldhulp',
        ontvanger: { organisatie: 'geldwijs-dommeldal', type: 'schuldhulp' },
        reden: 'schulden',
      });
      expect(v.status).toBe(201);
      return v.body.id;
    };
    const ziet = async (f: { deelnemerId: string; trajectId: string }) => [
      (await call(geldwijs, 'GET', `/deelnemers/${f.deelnemerId}`)).status,
      (await call(geldwijs, 'GET', `/trajecten/${f.trajectId}`)).status,
    ];
    // Rejected by the receiver.
    const afgewezen = await deelnemerMetTraject();
    const eerste = await verwijs(afgewezen.deelnemerId);
    expect(await ziet(afgewezen)).toEqual([200, 200]);
    expect((await call(geldwijs, 'POST', `/verwijzingen/${eerste}/status`, { status: 'afgewezen', reden: 'geen-capaciteit' })).status).toBe(200);
    expect(await ziet(afgewezen)).toEqual([404, 404]);
    // Finished by the receiver (nazorg done): accepted, started, ended.
    const klaar = await deelnemerMetTraject();
    const tweede = await verwijs(klaar.deelnemerId);
    for (const status of [{ status: 'geaccepteerd' }, { status: 'gestart' }]) {
      expect((await call(geldwijs, 'POST', `/verwijzingen/${tweede}/status`, status)).status).toBe(200);
      expect(await ziet(klaar)).toEqual([200, 200]);
    }
    expect((await call(geldwijs, 'POST', `/verwijzingen/${tweede}/status`, { status: 'beeindigd', eindreden: 'doel-bereikt' })).status).toBe(200);
    expect(await ziet(klaar)).toEqual([404, 404]);
    // The traject ends (uitval) while the referral still runs.
    const uitval = await deelnemerMetTraject();
    await verwijs(uitval.deelnemerId);
    expect(await ziet(uitval)).toEqual([200, 200]);
    expect((await call(gemeente, 'POST', `/trajecten/${uitval.trajectId}/uitval`, { reden: 'weigert' })).status).toBe(200);
    for (let n = 0; n < 40 && (await ziet(uitval)).join() !== '404,404'; n++) await new Promise((r) => setTimeout(r, 250));
    expect(await ziet(uitval)).toEqual([404, 404]);
    // Nobody but exchange-service ends an involvement.
    const zelf = await call<{ code: string }>(gemeente, 'DELETE', `/deelnemers/${uitval.deelnemerId}/ontvangers/geldwijs-dommeldal`);
    expect({ status: zelf.status, code: zelf.body.code }).toEqual({ status: 403, code: 'AUTH.SERVICE_ONLY' });
  }, 180_000);

  it('the demo login signs in only a deelnemer the traject context holds; an unknown id gets 404 problem+json', async () => {
    const vraag = (deelnemer: string) =>
      fetch(`${stack.url}/auth/dev-token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ rol: 'deelnemer', deelnemer }),
      });
    const onbekend = await vraag(randomUUID());
    expect(onbekend.status).toBe(404);
    expect(onbekend.headers.get('content-type')).toContain('application/problem+json');
    expect(((await onbekend.json()) as { code: string }).code).toBe('AUTH.DEELNEMER_UNKNOWN');
    const { deelnemerId } = await deelnemerMetTraject();
    const bekend = await vraag(deelnemerId);
    expect(bekend.status).toBe(200);
    // The existence check is the gateway's own: a person's token, even the deelnemer's, cannot ask it.
    for (const wie of [gemeente, { deelnemer: deelnemerId }]) {
      expect((await call(wie, 'GET', `/deelnemers/${deelnemerId}/bestaan`)).status).toBe(403);
    }
  });

  it('access matrix: every published route × every organisation type and role × involved or not × consent or not, 0 wrong allows', async () => {
    // 1. Every route the running services publish must be in the table of this test.
    const document = (await (await fetch(`${stack.url}/api/v1/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    const gepubliceerd = Object.entries(document.paths)
      .filter(([pad]) => pad.startsWith('/api/v1/') && !pad.startsWith('/api/v1/docs') && pad !== '/api/v1/openapi.json')
      .flatMap(([pad, methoden]) =>
        Object.keys(methoden)
          .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
          .map((m) => `${m.toUpperCase()} ${pad}`),
      );
    const ontbreekt = gepubliceerd.filter((r) => !(r in WIE_MAG));
    const verdwenen = Object.keys(WIE_MAG).filter((r) => !gepubliceerd.includes(r));
    expect({ ontbreekt, verdwenen }).toEqual({ ontbreekt: [], verdwenen: [] });

    // 2. Fixtures, made through the API as a user would: a traject (gemeente leads, Werkbrug coaches), a consent,
    // a handover the consent decision permitted (to GGZ), one it did not (to a werkgever), and a referral (to schuldhulp).
    const basis = await deelnemerMetTraject();
    const ander = await deelnemerMetTraject();
    // A second deelnemer whose traject a wijkteam coaches: other organisations involved, other not.
    const wijkteamTraject = await (async () => {
      const d = await call<{ id: string }>(gemeente, 'POST', '/deelnemers', {
        voornamen: 'Noor',
        achternaam: 'Visser',
        geboortedatum: '1981-11-23',
        bsn: geldigBsn(),
      });
      expect(d.status).toBe(201);
      const t = await call<{ id: string }>(gemeente, 'POST', '/trajecten', {
        ...demoTrajectAanvraag(d.body.id),
        coach: { coachId: 'dev:wijkteam-dommeldal-noord:coach', organisatieId: 'wijkteam-dommeldal-noord' },
      });
      expect(t.status).toBe(201);
      return { deelnemerId: d.body.id, trajectId: t.body.id };
    })();
    const toestemming = await call<{ id: string }>(gemeente, 'POST', '/toestemmingen', {
      deelnemerId: basis.deelnemerId,
      verlener: { soort: 'deelnemer' },
      doel: 'warme-overdracht',
      categorieen: ['contact', 'traject-status', 'participatieladder', 'zrm', 'gezondheid'],
      bronnen: [{ soort: 'type', type: 'gemeente' }],
      ontvangers: [{ soort: 'organisatie', organisatie: 'ggz-zuiderlicht' }],
      geldigTot: '2099-01-01T00:00:00.000Z',
      bewijs: { soort: 'ondertekend-formulier', documentId: 'scan-matrix' },
    });
    expect(toestemming.status).toBe(201);
    const overdrachtNaar = async (organisatie: string): Promise<string> => {
      const { trajectId } = await deelnemerTrajectVan(basis.deelnemerId);
      const contact = await call(coach, 'POST', `/trajecten/${trajectId}/contactpogingen`, { kanaal: 'telefoon', uitkomst: 'afspraak-gemaakt' });
      expect(contact.status).toBe(200);
      const o = await call<{ id: string }>(gemeente, 'POST', '/overdrachten', {
        deelnemerId: basis.deelnemerId,
        trajectId,
        // The registry decides the recipient's type (ggz-zuiderlicht: ggz, van-der-heijden-metaal: werkgever).
        ontvanger: { organisatie },
        reden: 'ggz-behandeling',
        overTeNemen: ['regie'],
        gegevens: { contact: { naam: 'S. Bakker' }, gezondheid: { behandelstatus: 'intake' } },
      });
      expect(o.status).toBe(201);
      return o.body.id;
    };
    const metToestemming = await overdrachtNaar('ggz-zuiderlicht');
    const zonderToestemming = await overdrachtNaar('van-der-heijden-metaal');
    let status = '';
    for (let n = 0; n < 120 && status !== 'dossier-geleverd'; n++) {
      status = (await call<{ status: string }>(gemeente, 'GET', `/overdrachten/${metToestemming}`)).body.status;
      if (status !== 'dossier-geleverd') await new Promise((r) => setTimeout(r, 500));
    }
    expect(status).toBe('dossier-geleverd');
    // A werkgever is no recipient of a warme overdracht in the register: the decision releases
    // nothing, so the handover ends at once and the werkgever never hears of it.
    status = '';
    for (let n = 0; n < 60 && status !== 'niets-vrijgegeven'; n++) {
      status = (await call<{ status: string }>(gemeente, 'GET', `/overdrachten/${zonderToestemming}`)).body.status;
      if (status !== 'niets-vrijgegeven') await new Promise((r) => setTimeout(r, 500));
    }
    expect(status).toBe('niets-vrijgegeven');
    expect(JSON.stringify((await call(werkgever, 'GET', '/inbox')).body)).not.toContain(zonderToestemming);
    expect((await call(werkgever, 'GET', `/overdrachten/${zonderToestemming}`)).status).toBe(404);
    const verwijzing = await call<{ id: string }>(gemeente, 'POST', '/verwijzingen', {
      deelnemerId: basis.deelnemerId,
      soort: 'schuldhulp',
      ontvanger: { organisatie: 'geldwijs-dommeldal', type: 'schuldhulp' },
      reden: 'schulden',
    });
    expect(verwijzing.status).toBe(201);
    // The werkgever's own profile, so that reading and keeping it is a case with something to read:
    // the werkgever itself may, nobody else (another werkgever, the partners) learns it exists.
    const profiel = await call(werkgever, 'PUT', `/werkgevers/${werkgever.organisatie}`, {
      contactpersoon: { naam: 'Ria', telefoon: '0401111111' },
      plaatsvervanger: { naam: 'Kees', telefoon: '0402222222' },
    });
    expect(profiel.status).toBe(200);

    // 3. The facts as this test set them up (never read back from the server), and who acts.
    const organisaties = (await (await fetch(`${stack.url}/api/v1/organisaties`)).json()) as { id: string; type: Soort }[];
    /** Which roles a person of each kind of organisation has (docs/access.md); the deelnemer role belongs to none. */
    const ROLLEN: Record<Soort, string[]> = {
      gemeente: ['klantmanager', 'fg', 'stuurgroeplid'],
      uitvoerder: ['coach', 'jobcoach', 'stuurgroeplid'],
      werkgever: ['jobcoach', 'stuurgroeplid'],
      ggz: ['behandelaar', 'stuurgroeplid'],
      schuldhulp: ['coach', 'stuurgroeplid'],
      wijkteam: ['coach', 'stuurgroeplid'],
    };
    const fixtures: Record<string, { deelnemerId: string; trajectId: string; betrokken: Record<string, Betrokken[]> }> = {
      // Geldwijs received the referral, which consent permitted: it is `ontvanger`.
      werkbrug: {
        ...basis,
        betrokken: {
          'gemeente-dommeldal': ['aanmelder', 'regievoerder'],
          'werkbrug-dommeldal': ['coach-organisatie'],
          'geldwijs-dommeldal': ['ontvanger'],
        },
      },
      wijkteam: { ...wijkteamTraject, betrokken: { 'gemeente-dommeldal': ['aanmelder', 'regievoerder'], 'wijkteam-dommeldal-noord': ['coach-organisatie'] } },
    };
    const verzoeken: Record<string, { verzender: string; ontvanger: string; toestemming: boolean }> = {
      [metToestemming]: { verzender: 'gemeente-dommeldal', ontvanger: 'ggz-zuiderlicht', toestemming: true },
      [zonderToestemming]: { verzender: 'gemeente-dommeldal', ontvanger: 'van-der-heijden-metaal', toestemming: false },
      [verwijzing.body.id]: { verzender: 'gemeente-dommeldal', ontvanger: 'geldwijs-dommeldal', toestemming: true },
    };
    interface MatrixActor {
      readonly naam: string;
      readonly wie: Wie;
      readonly rol: string;
      readonly organisatie?: { readonly id: string; readonly type: Soort };
      readonly deelnemerId?: string;
    }
    const actoren: MatrixActor[] = [
      ...organisaties.flatMap((o) => ROLLEN[o.type].map((rol) => ({ naam: `${o.type}:${o.id}:${rol}`, wie: { organisatie: o.id, rol }, rol, organisatie: o }))),
      { naam: 'deelnemer (self)', wie: { deelnemer: basis.deelnemerId }, rol: 'deelnemer', deelnemerId: basis.deelnemerId },
      { naam: 'deelnemer (other)', wie: { deelnemer: ander.deelnemerId }, rol: 'deelnemer', deelnemerId: ander.deelnemerId },
    ];

    // 4. Every route × actor × fixture variant: what the table allows must be what the stack does.
    type Variant = { pad: string; fixture: string; verzoek?: string };
    const varianten = (route: string): Variant[] => {
      const [, pad] = route.split(' ');
      const vul = (id: string) =>
        pad
          .replace('{opdracht}', 'contactpogingen')
          .replace('{code}', demoTrajectAanvraag(basis.deelnemerId).programmaCode)
          .replace('{versie}', '1')
          .replace('{organisatie}', 'geldwijs-dommeldal')
          .replace(/\{id\}/g, id);
      if (pad.startsWith('/api/v1/overdrachten/{id}'))
        return [metToestemming, zonderToestemming].map((id) => ({ pad: vul(id), fixture: 'werkbrug', verzoek: id }));
      if (pad.startsWith('/api/v1/verwijzingen/{id}')) return [{ pad: vul(verwijzing.body.id), fixture: 'werkbrug', verzoek: verwijzing.body.id }];
      if (pad.startsWith('/api/v1/toestemmingen/{id}')) return [{ pad: vul(toestemming.body.id), fixture: 'werkbrug' }];
      const perFixture = (maak: (f: { deelnemerId: string; trajectId: string }) => string) =>
        Object.entries(fixtures).map(([fixture, f]) => ({ pad: maak(f), fixture }));
      if (pad.startsWith('/api/v1/deelnemers/{id}')) return perFixture((f) => vul(f.deelnemerId));
      if (pad.startsWith('/api/v1/trajecten/{id}')) return perFixture((f) => vul(f.trajectId));
      if (route === 'GET /api/v1/toestemmingen') return perFixture((f) => `${pad}?deelnemerId=${f.deelnemerId}`);
      if (pad.startsWith('/api/v1/organisaties/{id}')) return [{ pad: vul('gemeente-dommeldal'), fixture: 'werkbrug' }];
      if (pad.startsWith('/api/v1/werkgevers/{id}')) return [{ pad: vul('van-der-heijden-metaal'), fixture: 'werkbrug' }];
      if (pad.startsWith('/api/v1/programmas/{code}')) return [{ pad: vul(''), fixture: 'werkbrug' }];
      // A subscription nobody owns: nobody may delete it.
      if (pad.startsWith('/api/v1/abonnementen/{id}')) return [{ pad: vul(randomUUID()), fixture: 'werkbrug' }];
      // A convenant, pilot or stuurgroep nobody is a party to: nobody reads or amends it.
      if (pad.startsWith('/api/v1/convenanten/{id}') || pad.startsWith('/api/v1/pilots/{id}') || pad.startsWith('/api/v1/stuurgroepen/{id}'))
        return [{ pad: vul(randomUUID()), fixture: 'werkbrug' }];
      return [{ pad, fixture: 'werkbrug' }];
    };
    /** Does one way of the table let this actor do it, with these facts? */
    const laatToe = (m: Mag, a: MatrixActor, variant: Variant): boolean => {
      const { fixture, verzoek } = variant;
      const f = fixtures[fixture];
      const v = verzoek ? verzoeken[verzoek] : undefined;
      switch (m.wie) {
        case 'iedereen':
          return true;
        case 'de dienst zelf':
          return false; // no person's token is a service token
        case 'eigenaar van het abonnement':
          return false; // the matrix deletes only a subscription nobody owns
        case 'de werkgever zelf':
          return a.organisatie?.type === 'werkgever' && PROFESSIONELE_ROLLEN.includes(a.rol) && variant.pad.includes(`/${a.organisatie.id}`);
        case 'betrokken bij de plaatsing':
          return false; // the matrix makes no placement; werkgever.e2e.spec.ts checks who takes part
        case 'professional of stuurgroeplid van een partij van het convenant':
          return false; // the matrix asks only for a convenant nobody is a party to; monitor-service.spec.ts checks the parties
        case 'stuurgroeplid':
          // The matrix asks only for a convenant, pilot or stuurgroep nobody is a party to.
          if (m.vanEenPartij) return false;
          return a.rol === 'stuurgroeplid' && (m.van === undefined || (a.organisatie !== undefined && m.van.includes(a.organisatie.type)));
        case 'de deelnemer zelf':
          return a.deelnemerId !== undefined && a.deelnemerId === f.deelnemerId;
        case 'fg van een gemeente':
          return a.rol === 'fg' && a.organisatie?.type === 'gemeente';
        case 'verzender':
          return PROFESSIONELE_ROLLEN.includes(a.rol) && v?.verzender === a.organisatie?.id;
        case 'ontvanger':
          return PROFESSIONELE_ROLLEN.includes(a.rol) && v?.ontvanger === a.organisatie?.id && v?.toestemming === true;
        case 'professional':
          return (
            a.organisatie !== undefined &&
            PROFESSIONELE_ROLLEN.includes(a.rol) &&
            (m.rollen ?? PROFESSIONELE_ROLLEN).includes(a.rol) &&
            (m.van === undefined || m.van.includes(a.organisatie.type)) &&
            (m.betrokken === undefined || (f.betrokken[a.organisatie.id] ?? []).some((b) => m.betrokken?.includes(b)))
          );
      }
    };
    const verwacht = (route: string, a: MatrixActor, variant: Variant): boolean => WIE_MAG[route].some((m) => laatToe(m, a, variant));
    // Routes that change state run last, so the reads see the fixtures as made.
    const volgorde = [...gepubliceerd].sort((a, b) => Number(!a.startsWith('GET')) - Number(!b.startsWith('GET')));
    let gevallen = 0;
    const verkeerdToegestaan: string[] = [];
    const verkeerdGeweigerd: string[] = [];
    for (const route of volgorde) {
      const [method] = route.split(' ');
      for (const variant of varianten(route)) {
        const { pad } = variant;
        for (const a of actoren) {
          gevallen += 1;
          const { status } = await call(a.wie, method, pad, method === 'GET' ? undefined : {});
          const mag = verwacht(route, a, variant);
          if (!mag && status >= 200 && status < 300) verkeerdToegestaan.push(`${a.naam}: ${route} (${pad}) → ${status}`);
          if (mag && (status === 401 || status === 403 || status === 404)) verkeerdGeweigerd.push(`${a.naam}: ${route} (${pad}) → ${status}`);
        }
      }
    }
    process.stdout.write(
      `access matrix: ${gepubliceerd.length} routes, ${actoren.length} actors (${organisaties.length} organisations, every fitting role, 2 deelnemers), ` +
        `2 trajecten with different coach organisations, handovers with and without consent, ${gevallen} cases, ` +
        `${verkeerdToegestaan.length} wrong allows, ${verkeerdGeweigerd.length} wrong denials\n` +
        verkeerdToegestaan.map((r) => `  wrongly allowed: ${r}\n`).join('') +
        verkeerdGeweigerd.map((r) => `  wrongly denied: ${r}\n`).join(''),
    );
    expect(verkeerdToegestaan).toEqual([]);
    expect(verkeerdGeweigerd).toEqual([]);
  }, 900_000);
});
