import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// The orchestrator behind `npm start`, used as-is: same steps, free ports, a temporary data dir.
import { freePorts, startStack } from '@ketenregie/start';
import { demoTrajectAanvraag, geldigBsn, naarUitvoering } from './deelnemer';
import { devTokens, type DevTokenVoor } from './dev-tokens';
import { START_TIMEOUT, freshMachineEnv } from './fresh-machine';

interface Antwoord<T> {
  status: number;
  body: T;
}

interface Overzicht {
  werkgever: string;
  plaatsingen: { plaatsingId: string; fase: string; vacature: { titel: string }; kandidaat: Record<string, unknown>; termijnen: { soort: string }[] }[];
  volgendeTermijnen: { soort: string; plaatsingId: string }[];
  bellen: { werkgeversservicepunt: { telefoon: string } };
  ondersteuning: { code: string }[];
}

/**
 * The werkgever lane through the gateway with real tokens: two employers of the demo region, a
 * coach proposing deelnemers for their vacancies, consent deciding what each employer sees, and
 * the placement workflow running in the worker.
 */
describe('werkgever lane through the gateway', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ketenregie-e2e-werkgever-'));
  let stack: { url: string; stop(): Promise<void> };
  const token = devTokens(() => stack.url);

  async function call<T>(wie: DevTokenVoor, method: string, path: string, body?: unknown): Promise<Antwoord<T>> {
    const response = await fetch(`${stack.url}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${await token(wie)}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  }

  const gemeente = { organisatie: 'gemeente-dommeldal', rol: 'klantmanager' };
  const coach = { organisatie: 'werkbrug-dommeldal', rol: 'coach' };
  const metaal = { organisatie: 'van-der-heijden-metaal', rol: 'jobcoach' };
  const hovenier = { organisatie: 'hoveniers-de-beemd', rol: 'jobcoach' };

  beforeAll(async () => {
    const ports = await freePorts();
    // Generous start-up limits: the worker bundles four task queues' workflows on a shared, loaded machine.
    stack = await startStack({
      env: freshMachineEnv(),
      dataDir,
      ...ports,
      timeouts: { service: 300_000, worker: 480_000, gateway: 300_000, seed: 300_000, portal: 480_000 },
    });
  }, START_TIMEOUT + 600_000);

  afterAll(async () => {
    await stack?.stop();
    if (!process.env.KEEP_E2E) rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  async function deelnemerMetTraject(): Promise<{ deelnemerId: string; trajectId: string }> {
    const d = await call<{ id: string }>(gemeente, 'POST', '/deelnemers', {
      voornamen: 'Sam',
      achternaam: 'Bakker',
      geboortedatum: '1979-03-02',
      bsn: geldigBsn(),
    });
    expect(d.status).toBe(201);
    const t = await call<{ id: string }>(gemeente, 'POST', '/trajecten', demoTrajectAanvraag(d.body.id));
    expect(t.status).toBe(201);
    return { deelnemerId: d.body.id, trajectId: t.body.id };
  }

  /** The deelnemer's consent that the coach's organisation may tell `werkgever` these categories. */
  async function toestemming(deelnemerId: string, werkgever: string, categorieen: string[]): Promise<void> {
    const t = await call(coach, 'POST', '/toestemmingen', {
      deelnemerId,
      verlener: { soort: 'deelnemer' },
      doel: 'plaatsing-werkgever',
      categorieen,
      bronnen: [{ soort: 'organisatie', organisatie: 'werkbrug-dommeldal' }],
      ontvangers: [{ soort: 'organisatie', organisatie: werkgever }],
      geldigTot: '2099-01-01T00:00:00.000Z',
      bewijs: { soort: 'ondertekend-formulier', documentId: `scan-${werkgever}` },
    });
    expect(t.status).toBe(201);
  }

  async function vacatureVan(werkgever: DevTokenVoor & { organisatie: string }, titel: string): Promise<string> {
    const profiel = await call(werkgever, 'PUT', `/werkgevers/${werkgever.organisatie}`, {
      contactpersoon: { naam: 'Ria de Wit', telefoon: '0401111111' },
      plaatsvervanger: { naam: 'Kees Jansen', telefoon: '0402222222' },
    });
    expect(profiel.status).toBe(200);
    const v = await call<{ id: string }>(werkgever, 'POST', '/vacatures', {
      titel,
      urenPerWeek: 24,
      taken: ['orderpicken', 'inpakken'],
      competenties: ['nauwkeurig'],
      ondersteuning: ['jobcoach', 'proefplaatsing', 'loonkostensubsidie'],
    });
    expect(v.status).toBe(201);
    return v.body.id;
  }

  const profiel = { roepnaam: 'Sam', werkervaring: ['magazijn'], beperkingen: { belastbaarheidUren: 24, aanpassingenWerkplek: ['rustige werkplek'] } };

  it('an employer sees its own placements and vacancies only, limitations only with explicit consent, and never a deelnemer it has no placement with', async () => {
    const metaalVacature = await vacatureVan(metaal, 'Magazijnmedewerker');
    const hovenierVacature = await vacatureVan(hovenier, 'Hovenier');
    const eerste = await deelnemerMetTraject();
    const tweede = await deelnemerMetTraject();

    // Disclosure refused for limitations: contact and work experience only.
    await toestemming(eerste.deelnemerId, 'van-der-heijden-metaal', ['contact', 'werkervaring-cv']);
    const jobcoach = { organisatieId: 'werkbrug-dommeldal', professional: 'dev:werkbrug-dommeldal:coach' };
    const p1 = await call<{ plaatsingId: string; kandidaat: Record<string, unknown> }>(coach, 'POST', `/vacatures/${metaalVacature}/voordrachten`, {
      trajectId: eerste.trajectId,
      jobcoach,
      profiel,
    });
    expect(p1.status).toBe(201);
    expect(p1.body.kandidaat).toEqual({ roepnaam: 'Sam', werkervaring: ['magazijn'] });

    // Explicit consent for limitations: the other employer sees them.
    await toestemming(tweede.deelnemerId, 'hoveniers-de-beemd', ['contact', 'werkervaring-cv', 'beperkingen-werk']);
    const p2 = await call<{ plaatsingId: string }>(coach, 'POST', `/vacatures/${hovenierVacature}/voordrachten`, {
      trajectId: tweede.trajectId,
      jobcoach,
      profiel,
    });
    expect(p2.status).toBe(201);

    const vanMetaal = await call<Overzicht>(metaal, 'GET', '/werkgeversoverzicht');
    expect(vanMetaal.status).toBe(200);
    expect(vanMetaal.body.plaatsingen.map((p) => p.plaatsingId)).toEqual([p1.body.plaatsingId]);
    expect(Object.keys(vanMetaal.body.plaatsingen[0].kandidaat)).not.toContain('beperkingen');
    expect(JSON.stringify(vanMetaal.body)).not.toContain(eerste.deelnemerId);
    expect(JSON.stringify(vanMetaal.body)).not.toContain('rustige werkplek');
    expect(vanMetaal.body.bellen.werkgeversservicepunt.telefoon).toBeTruthy();
    expect(vanMetaal.body.ondersteuning.map((o) => o.code)).toContain('loonkostensubsidie');

    const vanHovenier = await call<Overzicht>(hovenier, 'GET', '/werkgeversoverzicht');
    expect(vanHovenier.body.plaatsingen.map((p) => p.plaatsingId)).toEqual([p2.body.plaatsingId]);
    expect(vanHovenier.body.plaatsingen[0].kandidaat['beperkingen']).toEqual({ belastbaarheidUren: 24, aanpassingenWerkplek: ['rustige werkplek'] });

    // Vacancies: its own only; another employer's vacancy does not exist for it.
    expect((await call<{ id: string }[]>(metaal, 'GET', '/vacatures')).body.map((v) => v.id)).toEqual([metaalVacature]);
    expect((await call(metaal, 'GET', `/vacatures/${hovenierVacature}`)).status).toBe(404);
    // Another employer's placement: not found, not listed, not changeable.
    expect((await call<unknown[]>(metaal, 'GET', '/plaatsingen')).body).toHaveLength(1);
    expect((await call(metaal, 'POST', `/plaatsingen/${p2.body.plaatsingId}/opdrachten`, { soort: 'uitval', reden: 'overig' })).status).toBe(404);
    expect((await call(metaal, 'GET', `/werkgevers/hoveniers-de-beemd`)).status).toBe(404);
    // Never the deelnemer itself, neither its own candidate's traject nor another one.
    for (const d of [eerste, tweede]) {
      expect((await call(metaal, 'GET', `/deelnemers/${d.deelnemerId}`)).status).toBe(404);
      expect((await call(metaal, 'GET', `/trajecten/${d.trajectId}`)).status).toBe(404);
    }
  }, 180_000);

  it('the employer confirms the kennismaking and the proefplaatsing runs in the workflow; the subsidy is the gemeente’s decision', async () => {
    const { deelnemerId, trajectId } = await deelnemerMetTraject();
    await toestemming(deelnemerId, 'van-der-heijden-metaal', ['contact']);
    const vacatures = (await call<{ id: string }[]>(metaal, 'GET', '/vacatures')).body;
    const p = await call<{ plaatsingId: string }>(coach, 'POST', `/vacatures/${vacatures[0].id}/voordrachten`, {
      trajectId,
      jobcoach: { organisatieId: 'werkbrug-dommeldal', professional: 'dev:werkbrug-dommeldal:coach' },
      profiel,
    });
    expect(p.status).toBe(201);
    const id = p.body.plaatsingId;
    const kennismaking = await call<{ fase: string }>(metaal, 'POST', `/plaatsingen/${id}/opdrachten`, { soort: 'kennismaking', uitkomst: 'proefplaatsing' });
    expect(kennismaking).toMatchObject({ status: 200, body: { fase: 'proefplaatsing' } });
    // Out of phase: refused as problem+json, nothing changes.
    const tevroeg = await call<{ code: string }>(metaal, 'POST', `/plaatsingen/${id}/opdrachten`, { soort: 'loonwaardemeting', loonwaarde: 50 });
    expect(tevroeg).toMatchObject({ status: 422, body: { code: 'PLAATSING.FASE_ONGELDIG' } });
    expect(
      (await call(metaal, 'POST', `/plaatsingen/${id}/opdrachten`, { soort: 'subsidiebesluit', percentage: 50, ingang: '2027-03-01', maanden: 12 })).status,
    ).toBe(403);

    let eigen: Overzicht['plaatsingen'][number] | undefined;
    for (let n = 0; n < 60 && eigen?.fase !== 'proefplaatsing'; n++) {
      eigen = (await call<Overzicht>(metaal, 'GET', '/werkgeversoverzicht')).body.plaatsingen.find((x) => x.plaatsingId === id);
      if (eigen?.fase !== 'proefplaatsing') await new Promise((r) => setTimeout(r, 250));
    }
    expect(eigen?.fase).toBe('proefplaatsing');
    expect(eigen?.termijnen.map((t) => t.soort)).toEqual(expect.arrayContaining(['evaluatie-proefplaatsing', 'einde-proefplaatsing']));
    // The jobcoach's task list (traject-service, merged from plaatsing-service) holds the placement's deadlines.
    const taken = await call<{ taken: { plaatsingId?: string; soort: string; voor: string; status: string }[] }>(coach, 'GET', '/taken');
    expect(taken.status).toBe(200);
    expect(taken.body.taken).toContainEqual(
      expect.objectContaining({ plaatsingId: id, soort: 'evaluatie-proefplaatsing', voor: 'jobcoach', status: 'gepland' }),
    );
    expect((await call<{ taken: { plaatsingId?: string }[] }>(metaal, 'GET', '/taken')).body.taken?.some((t) => t.plaatsingId === id) ?? false).toBe(false);
    // The coach organisation and the gemeente see the placement; the employer confirms the evaluation.
    expect((await call(coach, 'GET', `/plaatsingen/${id}`)).status).toBe(200);
    expect((await call(gemeente, 'GET', `/plaatsingen/${id}`)).status).toBe(200);
    const evaluatie = await call<{ fase: string }>(metaal, 'POST', `/plaatsingen/${id}/opdrachten`, {
      soort: 'evaluatie',
      uitkomst: 'positief',
      door: 'jobcoach',
    });
    expect(evaluatie).toMatchObject({ status: 200, body: { fase: 'loonwaardemeting' } });
  }, 180_000);

  // A placement is proposed from a traject in uitvoering: the traject accepts the handover back there.
  it('a drop-out in the proefplaatsing returns the deelnemer warmly: exchange-service holds the handover back to the regievoerder, with the coded reason', async () => {
    const { deelnemerId, trajectId } = await deelnemerMetTraject();
    const vandaag = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
    for (const [sub, body] of naarUitvoering(vandaag)) {
      const r = await call<{ fase: string; code?: string }>(coach, 'POST', `/trajecten/${trajectId}/${sub}`, body);
      expect({ sub, status: r.status, code: r.body.code }).toEqual({ sub, status: 200, code: undefined });
    }
    expect((await call<{ fase: string }>(gemeente, 'GET', `/trajecten/${trajectId}`)).body.fase).toBe('uitvoering');
    await toestemming(deelnemerId, 'van-der-heijden-metaal', ['contact']);
    // The deelnemer agreed that what the gemeente needs of a handover (its dossier's categories) goes back to it should the placement end.
    const terugToestemming = await call(coach, 'POST', '/toestemmingen', {
      deelnemerId,
      verlener: { soort: 'deelnemer' },
      doel: 'warme-overdracht',
      categorieen: ['contact', 'traject-status', 'participatieladder', 'zrm'],
      bronnen: [{ soort: 'organisatie', organisatie: 'werkbrug-dommeldal' }],
      ontvangers: [{ soort: 'organisatie', organisatie: 'gemeente-dommeldal' }],
      geldigTot: '2099-01-01T00:00:00.000Z',
      bewijs: { soort: 'ondertekend-formulier', documentId: `scan-terug-${deelnemerId}` },
    });
    expect(terugToestemming.status).toBe(201);
    const vacatureId = await vacatureVan(metaal, 'Inpakker');
    const p = await call<{ plaatsingId: string }>(coach, 'POST', `/vacatures/${vacatureId}/voordrachten`, {
      trajectId,
      jobcoach: { organisatieId: 'werkbrug-dommeldal', professional: 'dev:werkbrug-dommeldal:coach' },
      profiel,
    });
    expect(p.status).toBe(201);
    const id = p.body.plaatsingId;
    // The worker may still be bundling its workflows on a loaded machine: the command waits (503) until it runs.
    let kennismaking = await call<{ code?: string }>(metaal, 'POST', `/plaatsingen/${id}/opdrachten`, { soort: 'kennismaking', uitkomst: 'proefplaatsing' });
    for (let n = 0; n < 60 && kennismaking.status === 503; n++) {
      await new Promise((r) => setTimeout(r, 3000));
      kennismaking = await call(metaal, 'POST', `/plaatsingen/${id}/opdrachten`, { soort: 'kennismaking', uitkomst: 'proefplaatsing' });
    }
    expect(kennismaking.status).toBe(200);
    expect((await call(metaal, 'POST', `/plaatsingen/${id}/opdrachten`, { soort: 'uitval', reden: 'mentaal-zwaar' })).status).toBe(200);
    // The jobcoach is the coach's own organisation, so the return goes to the regievoerder (the gemeente);
    // the worker registered it with exchange-service as the jobcoach: the sender's list shows it.
    type Lijst = { overdrachten: { id: string; deelnemerId: string; reden: string; ontvanger: { organisatie: string }; status: string }[] };
    let terug: Lijst['overdrachten'][number] | undefined;
    for (let n = 0; n < 120 && !terug; n++) {
      terug = (await call<Lijst>(coach, 'GET', '/overdrachten?richting=uitgaand')).body.overdrachten.find((o) => o.deelnemerId === deelnemerId);
      if (!terug) await new Promise((r) => setTimeout(r, 500));
    }
    expect(terug).toMatchObject({ reden: 'plaatsing-uitval-bij-werkgever', ontvanger: { organisatie: 'gemeente-dommeldal' } });
    expect((await call(coach, 'GET', `/overdrachten/${terug?.id}`)).status).toBe(200);
    // The regievoerder receives it, with the coded reason, in its own incoming list and on the handover itself.
    // The handover's own workflow asks consent-service and delivers the dossier (the traject's status, coded): the sender sees it go.
    let stand: { status?: string } | undefined;
    for (let n = 0; n < 240 && stand?.status !== 'dossier-geleverd'; n++) {
      stand = (await call<{ status: string }>(coach, 'GET', `/overdrachten/${terug?.id}`)).body;
      if (stand?.status !== 'dossier-geleverd') await new Promise((r) => setTimeout(r, 500));
    }
    expect(stand?.status).toBe('dossier-geleverd');
    let inkomend: Lijst['overdrachten'][number] | undefined;
    for (let n = 0; n < 120 && !inkomend; n++) {
      inkomend = (await call<Lijst>(gemeente, 'GET', '/overdrachten?richting=inkomend')).body.overdrachten.find((o) => o.id === terug?.id);
      if (!inkomend) await new Promise((r) => setTimeout(r, 500));
    }
    expect(inkomend).toMatchObject({ deelnemerId, reden: 'plaatsing-uitval-bij-werkgever' });
    const bijRegie = await call<{ reden: string; trajectId: string }>(gemeente, 'GET', `/overdrachten/${terug?.id}`);
    expect(bijRegie).toMatchObject({ status: 200, body: { reden: 'plaatsing-uitval-bij-werkgever', trajectId } });
    // The placement records the return it started; the timeline ends with the handover, not in silence.
    const plaatsing = await call<{ fase: string; terugleiding?: { reden: string; naar: string } }>(coach, 'GET', `/plaatsingen/${id}`);
    expect(plaatsing.body).toMatchObject({ fase: 'teruggeleid', terugleiding: { reden: 'uitval-bij-werkgever', naar: 'gemeente-dommeldal' } });
  }, 420_000);
});
