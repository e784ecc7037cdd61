import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REGELS } from '@ketenregie/shared-access-policy';
import type { Handeling } from '@ketenregie/shared-access-policy';
// The orchestrator behind `npm start`, used as-is: same steps, free ports, a temporary data dir.
import { freePorts, startStack } from '@ketenregie/start';
import { demoTrajectAanvraag, geldigBsn } from './deelnemer';
import { START_TIMEOUT, freshMachineEnv } from './fresh-machine';

/**
 * Every route the running services publish, with the policy action that guards it. A route the
 * stack serves that is missing here fails the test; so does an entry for a route that is gone.
 */
const ROUTES: Readonly<Record<string, Handeling | 'publiek'>> = {
  'GET /api/v1/organisaties': 'publiek',
  'GET /api/v1/organisaties/{id}': 'publiek',
  'GET /api/v1/stuurgroepen': 'stuurgroepen.lezen',
  'GET /api/v1/programmas': 'programmas.lezen',
  'POST /api/v1/programmas': 'programmas.beheren',
  'GET /api/v1/programmas/{code}': 'programmas.lezen',
  'GET /api/v1/programmas/{code}/versies': 'programmas.lezen',
  'POST /api/v1/programmas/{code}/versies': 'programmas.beheren',
  'GET /api/v1/programmas/{code}/versies/{versie}': 'programmas.lezen',
  'GET /api/v1/trajecten/{id}/metingen': 'traject.lezen',
  'POST /api/v1/deelnemers': 'deelnemer.registreren',
  'GET /api/v1/deelnemers/{id}': 'deelnemer.lezen',
  'GET /api/v1/deelnemers/{id}/betrokkenheid': 'betrokkenheid.lezen',
  'POST /api/v1/trajecten': 'traject.starten',
  'GET /api/v1/trajecten/{id}': 'traject.samenvatting.lezen',
  'GET /api/v1/trajecten/{id}/tijdlijn': 'traject.lezen',
  'GET /api/v1/trajecten/{id}/betrokkenheid': 'betrokkenheid.lezen',
  'POST /api/v1/trajecten/{id}/{opdracht}': 'traject.uitvoeren',
  'GET /api/v1/taken': 'taken.lezen',
  'POST /api/v1/caseload-overdrachten': 'caseload.overdragen',
  'POST /api/v1/toestemmingen': 'toestemming.vastleggen',
  'GET /api/v1/toestemmingen': 'toestemming.lezen',
  'POST /api/v1/toestemmingen/{id}/intrekking': 'toestemming.intrekken',
  'GET /api/v1/herinneringen': 'herinneringen.lezen',
  'POST /api/v1/besluiten': 'besluit.vragen',
  'POST /api/v1/verwerkingen': 'verwerking.melden',
  'GET /api/v1/verwerkingen': 'verwerkingslog.lezen',
  'GET /api/v1/verwerkingen/verificatie': 'verwerkingslog.lezen',
  'GET /api/v1/verwerkingsregister': 'verwerkingslog.lezen',
  'GET /api/v1/deelnemers/{id}/inzage': 'inzage.opstellen',
  'GET /api/v1/inbox': 'inbox.lezen',
  'POST /api/v1/overdrachten': 'overdracht.aanvragen',
  'GET /api/v1/overdrachten/{id}': 'overdracht.lezen',
  'POST /api/v1/overdrachten/{id}/acceptatie': 'overdracht.beantwoorden',
  'POST /api/v1/overdrachten/{id}/afwijzing': 'overdracht.beantwoorden',
  'POST /api/v1/overdrachten/{id}/toestemming': 'overdracht.sturen',
  'POST /api/v1/overdrachten/{id}/driegesprek': 'overdracht.driegesprek',
  'POST /api/v1/overdrachten/{id}/annulering': 'overdracht.sturen',
  'POST /api/v1/overdrachten/{id}/heraanbieding': 'overdracht.sturen',
  'GET /api/v1/overdrachten/{id}/dossier': 'dossier.lezen',
  'GET /api/v1/overdrachten/{id}/inzagen': 'dossier.inzagen.lezen',
  'POST /api/v1/overdrachten/{id}/levering': 'overdracht.workflowstap',
  'POST /api/v1/overdrachten/{id}/intrekking': 'overdracht.workflowstap',
  'POST /api/v1/overdrachten/{id}/stappen': 'overdracht.workflowstap',
  'POST /api/v1/verwijzingen': 'verwijzing.aanvragen',
  'GET /api/v1/verwijzingen/{id}': 'verwijzing.lezen',
  'POST /api/v1/verwijzingen/{id}/status': 'verwijzing.status.melden',
  'POST /api/v1/abonnementen': 'abonnement.beheren',
};

interface Antwoord<T> {
  status: number;
  body: T;
}

describe('access policy through the gateway, with real tokens', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ketenregie-e2e-toegang-'));
  let stack: { url: string; stop(): Promise<void> };
  const tokens: Record<string, string> = {};

  async function token(wie: Wie): Promise<string> {
    const key = JSON.stringify(wie);
    if (!tokens[key]) {
      const body = 'deelnemer' in wie ? { rol: 'deelnemer', deelnemer: wie.deelnemer } : { organisatie: wie.organisatie, rol: wie.rol };
      const response = await fetch(`${stack.url}/auth/dev-token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect(response.status).toBe(200);
      tokens[key] = ((await response.json()) as { token: string }).token;
    }
    return tokens[key];
  }

  type Wie = { organisatie: string; rol: string } | { deelnemer: string };

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
    stack = await startStack({ env: freshMachineEnv(), dataDir, ...ports });
  }, START_TIMEOUT);

  afterAll(async () => {
    await stack?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  async function deelnemerMetTraject(): Promise<{ deelnemerId: string; trajectId: string }> {
    const d = await call<{ id: string }>(gemeente, 'POST', '/deelnemers', { voornamen: 'Sam', achternaam: 'Bakker', geboortedatum: '1979-03-02', contact: { telefoon: '0612345678' }, bsn: geldigBsn() });
    expect(d.status).toBe(201);
    const t = await call<{ id: string }>(gemeente, 'POST', '/trajecten', demoTrajectAanvraag(d.body.id));
    expect(t.status).toBe(201);
    return { deelnemerId: d.body.id, trajectId: t.body.id };
  }

  it('finding 2: only the gemeente registers deelnemers and starts trajecten; a werkgever cannot make itself lead and read the deelnemer', async () => {
    const { deelnemerId } = await deelnemerMetTraject();
    const alsLead = { ...demoTrajectAanvraag(deelnemerId), regie: { regievoerderId: 'dev:van-der-heijden-metaal:jobcoach', organisatieId: 'van-der-heijden-metaal' } };
    const start = await call<{ code: string }>(werkgever, 'POST', '/trajecten', alsLead);
    expect(start.status).toBe(403);
    expect(start.body.code).toBe('TOEGANG.GEWEIGERD');
    expect((await call(werkgever, 'GET', `/deelnemers/${deelnemerId}`)).status).toBe(404);
    expect((await call(werkgever, 'POST', '/deelnemers', { voornamen: 'A', achternaam: 'B', geboortedatum: '1980-01-01', bsn: geldigBsn() })).status).toBe(403);
    for (const wie of [{ organisatie: 'ggz-zuiderlicht', rol: 'behandelaar' }, { organisatie: 'geldwijs-dommeldal', rol: 'coach' }, { organisatie: 'kempenpoort-reintegratie', rol: 'coach' }]) {
      const poging = await call(wie, 'POST', '/trajecten', { ...demoTrajectAanvraag(deelnemerId), regie: { regievoerderId: `dev:${wie.organisatie}:${wie.rol}`, organisatieId: wie.organisatie } });
      expect({ wie: wie.organisatie, status: poging.status }).toEqual({ wie: wie.organisatie, status: 403 });
      expect((await call(wie, 'GET', `/deelnemers/${deelnemerId}`)).status).toBe(404);
    }
  });

  it('finding 7: the coach organisation cannot move the lead to itself or add another coach organisation; the regievoerder can', async () => {
    const { trajectId } = await deelnemerMetTraject();
    const naarCoach = await call<{ code: string }>(coach, 'POST', `/trajecten/${trajectId}/regie`, { regie: { regievoerderId: 'dev:werkbrug-dommeldal:coach', organisatieId: 'werkbrug-dommeldal' } });
    expect(naarCoach.status).toBe(403);
    const andereCoach = await call(coach, 'POST', `/trajecten/${trajectId}/coachwissel`, { coach: { coachId: 'dev:van-der-heijden-metaal:jobcoach', organisatieId: 'van-der-heijden-metaal' }, reden: 'overig' });
    expect(andereCoach.status).toBe(403);
    expect((await call(werkgever, 'GET', `/trajecten/${trajectId}`)).status).toBe(404);
    const doorRegie = await call<{ fase: string }>(gemeente, 'POST', `/trajecten/${trajectId}/coachwissel`, { coach: { coachId: 'dev:kempenpoort-reintegratie:coach', organisatieId: 'kempenpoort-reintegratie' }, reden: 'geen-klik' });
    expect(doorRegie.status).toBe(200);
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
    const inzage = await call<{ verwerkingen: { handeling: string; organisatie: string }[] }>({ deelnemer: deelnemerId }, 'GET', `/deelnemers/${deelnemerId}/inzage`);
    expect(inzage.status).toBe(200);
    expect(inzage.body.verwerkingen).toEqual(expect.arrayContaining([expect.objectContaining({ handeling: 'raadpleging', organisatie: 'gemeente-dommeldal' })]));
    expect((await call({ deelnemer: deelnemerId }, 'POST', `/toestemmingen/${gegeven.body.id}/intrekking`, {})).status).toBe(200);
  });

  it('finding 1: the recipient type of a disclosure decision comes from the registry, not from the body', async () => {
    const { deelnemerId } = await deelnemerMetTraject();
    const besluit = await call<{ ontvanger: { organisatie: string; type: string } }>(gemeente, 'POST', '/besluiten', {
      deelnemerId,
      ontvanger: { organisatie: 'van-der-heijden-metaal', type: 'ggz' },
      doel: 'warme-overdracht',
      categorieen: ['gezondheid'],
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

  it('every route the stack publishes is in the access table; a stuurgroeplid, an uninvolved werkgever and another deelnemer are allowed nothing about a deelnemer', async () => {
    const document = (await (await fetch(`${stack.url}/api/v1/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    const gepubliceerd = Object.entries(document.paths)
      .filter(([pad]) => pad.startsWith('/api/v1/') && !pad.startsWith('/api/v1/docs') && pad !== '/api/v1/openapi.json')
      .flatMap(([pad, methoden]) => Object.keys(methoden).filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m)).map((m) => `${m.toUpperCase()} ${pad}`));
    const ontbreekt = gepubliceerd.filter((r) => !(r in ROUTES));
    const verdwenen = Object.keys(ROUTES).filter((r) => !gepubliceerd.includes(r));
    expect({ ontbreekt, verdwenen }).toEqual({ ontbreekt: [], verdwenen: [] });

    const { deelnemerId, trajectId } = await deelnemerMetTraject();
    const ander = await deelnemerMetTraject();
    const ids: Record<string, string> = { id: trajectId, opdracht: 'contactpogingen' };
    const actoren: { naam: string; wie: Wie; mag: (h: Handeling | 'publiek') => boolean }[] = [
      { naam: 'stuurgroeplid', wie: stuurgroeplid, mag: (h) => h === 'publiek' || (h !== 'publiek' && REGELS[h].toegang.some((t) => t.rollen === 'iedereen')) },
      { naam: 'werkgever (not involved)', wie: werkgever, mag: (h) => h === 'publiek' || ['stuurgroepen.lezen', 'programmas.lezen', 'taken.lezen', 'herinneringen.lezen', 'inbox.lezen', 'abonnement.beheren', 'caseload.overdragen'].includes(h) },
      { naam: 'another deelnemer', wie: { deelnemer: ander.deelnemerId }, mag: (h) => h === 'publiek' || h === 'stuurgroepen.lezen' || h === 'programmas.lezen' },
    ];
    let gevallen = 0;
    const verkeerdToegestaan: string[] = [];
    for (const route of gepubliceerd) {
      const [method, pad] = route.split(' ');
      const handeling = ROUTES[route];
      const url = pad.replace(/\{(\w+)\}/g, (_, naam: string) => (pad.startsWith('/api/v1/deelnemers') ? deelnemerId : (ids[naam] ?? '00000000-0000-4000-8000-000000000000')));
      const query = route === 'GET /api/v1/toestemmingen' ? `?deelnemerId=${deelnemerId}` : '';
      for (const actor of actoren) {
        gevallen += 1;
        const { status } = await call(actor.wie, method, `${url}${query}`, method === 'GET' ? undefined : {});
        if (status >= 200 && status < 300 && !actor.mag(handeling)) verkeerdToegestaan.push(`${actor.naam}: ${route} → ${status}`);
      }
    }
    process.stdout.write(`access matrix (partial): ${gepubliceerd.length} routes, ${gevallen} cases, ${verkeerdToegestaan.length} wrong allows\n`);
    expect(verkeerdToegestaan).toEqual([]);
  }, 300_000);
});
