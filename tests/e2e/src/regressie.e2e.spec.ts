/**
 * Regression tests for the eight findings of issue 15, one test each, through the gateway with
 * dev tokens of professionals only (the tokens every version of the stack issues). Each test
 * failed on the code before the access policy (commit 8be31bc); see tests/e2e/README.md for how
 * that was shown. Self-contained on purpose: the file runs unchanged against that commit.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// The orchestrator behind `npm start`, used as-is: same steps, free ports, a temporary data dir.
import { freePorts, startStack } from '@ketenregie/start';
import { demoTrajectAanvraag, geldigBsn } from './deelnemer';
import { BELASTE_MACHINE, freshMachineEnv } from './fresh-machine';

interface Antwoord<T> {
  status: number;
  body: T;
}

type Wie = { readonly organisatie: string; readonly rol: string };

/** Generous limits: the stack starts on 2 cores shared with other work. */
const { opstart: OPSTART, timeouts: TIMEOUTS } = BELASTE_MACHINE;

describe('regression: the eight findings of issue 15 (access policy)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ketenregie-e2e-regressie-'));
  let stack: { url: string; stop(): Promise<void> };
  const tokens = new Map<string, Promise<string>>();

  function token(wie: Wie): Promise<string> {
    const key = `${wie.organisatie}|${wie.rol}`;
    let t = tokens.get(key);
    if (!t) {
      t = (async () => {
        const response = await fetch(`${stack.url}/auth/dev-token`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ organisatie: wie.organisatie, rol: wie.rol }),
        });
        if (response.status !== 200) throw new Error(`POST /auth/dev-token for ${key} answered ${response.status}`);
        return ((await response.json()) as { token: string }).token;
      })();
      tokens.set(key, t);
    }
    return t;
  }

  async function call<T>(wie: Wie, method: string, path: string, body?: unknown): Promise<Antwoord<T>> {
    const response = await fetch(`${stack.url}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${await token(wie)}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON (an HTML inzage)
    }
    return { status: response.status, body: parsed as T };
  }

  const gemeente: Wie = { organisatie: 'gemeente-dommeldal', rol: 'klantmanager' };
  const coach: Wie = { organisatie: 'werkbrug-dommeldal', rol: 'coach' };
  const werkgever: Wie = { organisatie: 'van-der-heijden-metaal', rol: 'jobcoach' };
  const ggz: Wie = { organisatie: 'ggz-zuiderlicht', rol: 'behandelaar' };
  const stuurgroeplid: Wie = { organisatie: 'gemeente-dommeldal', rol: 'stuurgroeplid' };

  beforeAll(async () => {
    const ports = await freePorts();
    // `timeouts` is an option of the orchestrator that its type declaration does not name.
    stack = await startStack({ env: freshMachineEnv(), dataDir, ...ports, timeouts: TIMEOUTS } as Parameters<typeof startStack>[0]);
  }, OPSTART);

  afterAll(async () => {
    await stack?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  const persoon = () => ({ voornamen: 'Sam', achternaam: 'Bakker', geboortedatum: '1979-03-02', contact: { telefoon: '0612345678' }, bsn: geldigBsn() });

  /** A deelnemer the gemeente registered, with a traject it leads and Werkbrug coaches. */
  async function deelnemerMetTraject(): Promise<{ deelnemerId: string; trajectId: string }> {
    const d = await call<{ id: string }>(gemeente, 'POST', '/deelnemers', persoon());
    expect(d.status).toBe(201);
    const t = await call<{ id: string }>(gemeente, 'POST', '/trajecten', demoTrajectAanvraag(d.body.id));
    expect(t.status).toBe(201);
    return { deelnemerId: d.body.id, trajectId: t.body.id };
  }

  /** The same, met once by the coach: kennismaking, the first phase that allows a handover. */
  async function inKennismaking(): Promise<{ deelnemerId: string; trajectId: string }> {
    const f = await deelnemerMetTraject();
    const contact = await call<{ fase: string }>(coach, 'POST', `/trajecten/${f.trajectId}/contactpogingen`, {
      kanaal: 'telefoon',
      uitkomst: 'afspraak-gemaakt',
    });
    expect(contact.body.fase).toBe('kennismaking');
    return f;
  }

  const toestemming = (deelnemerId: string, ontvangers: unknown[]) => ({
    deelnemerId,
    verlener: { soort: 'deelnemer' },
    doel: 'warme-overdracht',
    categorieen: ['contact', 'gezondheid'],
    bronnen: [{ soort: 'type', type: 'gemeente' }],
    ontvangers,
    geldigTot: '2099-01-01T00:00:00.000Z',
    bewijs: { soort: 'ondertekend-formulier', documentId: 'scan-regressie' },
  });

  const overdracht = (deelnemerId: string, trajectId: string) => ({
    deelnemerId,
    trajectId,
    ontvanger: { organisatie: 'ggz-zuiderlicht', type: 'ggz' },
    reden: 'ggz-behandeling',
    overTeNemen: ['regie'],
    gegevens: { contact: { naam: 'A. Bakker' }, gezondheid: { behandelstatus: 'intake' } },
  });

  /** The processing-log lines of the deelnemer's inzage, read by the gemeente (which is involved). */
  async function inzageRegels(deelnemerId: string): Promise<{ handeling: string; organisatie: string; ontvanger?: string }[]> {
    const inzage = await call<{ verwerkingen: { handeling: string; organisatie: string; ontvanger?: string }[] }>(
      gemeente,
      'GET',
      `/deelnemers/${deelnemerId}/inzage`,
    );
    expect(inzage.status).toBe(200);
    return inzage.body.verwerkingen;
  }

  it("finding 1: the recipient type of a decision comes from the registry, not the body, and a handover names its traject's own deelnemer", async () => {
    const { deelnemerId } = await deelnemerMetTraject();
    expect((await call(gemeente, 'POST', '/toestemmingen', toestemming(deelnemerId, [{ soort: 'type', type: 'ggz' }]))).status).toBe(201);
    // A werkgever named as "ggz" in the body.
    const besluit = await call<{ ontvanger: { type: string }; categorieen: { categorie: string; uitkomst: string }[] }>(gemeente, 'POST', '/besluiten', {
      deelnemerId,
      ontvanger: { organisatie: 'van-der-heijden-metaal', type: 'ggz' },
      doel: 'warme-overdracht',
      categorieen: ['gezondheid'],
    });
    // A type that disagrees with the registry is refused outright (400 naming the field): nothing is decided or logged as lawful.
    expect(besluit.status).toBe(400);
    expect(JSON.stringify(besluit.body)).toContain('ontvanger.type');
    // A handover on one deelnemer's traject for another deelnemer.
    const eigen = await inKennismaking();
    const ander = await deelnemerMetTraject();
    const verkeerd = await call<{ code: string }>(gemeente, 'POST', '/overdrachten', overdracht(ander.deelnemerId, eigen.trajectId));
    expect(verkeerd.status).toBe(400);
    expect(verkeerd.body.code).toBe('EXCHANGE.DEELNEMER_NIET_VAN_TRAJECT');
  });

  it("finding 2: another organisation cannot start a traject on the gemeente's deelnemer with itself as lead, nor then read the deelnemer", async () => {
    const { deelnemerId } = await deelnemerMetTraject();
    for (const wie of [werkgever, ggz, { organisatie: 'geldwijs-dommeldal', rol: 'coach' }, { organisatie: 'kempenpoort-reintegratie', rol: 'coach' }]) {
      const start = await call(wie, 'POST', '/trajecten', {
        ...demoTrajectAanvraag(deelnemerId),
        regie: { regievoerderId: `dev:${wie.organisatie}:${wie.rol}`, organisatieId: wie.organisatie },
      });
      const lezen = await call(wie, 'GET', `/deelnemers/${deelnemerId}`);
      expect({ wie: wie.organisatie, start: start.status, lezen: lezen.status }).toEqual({ wie: wie.organisatie, start: 403, lezen: 404 });
    }
  });

  it("finding 3: a werkgever cannot record, list or withdraw a deelnemer's consent or compile their inzage; a list by an involved professional is logged", async () => {
    const { deelnemerId } = await deelnemerMetTraject();
    const body = toestemming(deelnemerId, [{ soort: 'organisatie', organisatie: 'ggz-zuiderlicht' }]);
    expect((await call(werkgever, 'POST', '/toestemmingen', body)).status).toBe(403);
    const gegeven = await call<{ id: string }>(gemeente, 'POST', '/toestemmingen', body);
    expect(gegeven.status).toBe(201);
    expect((await call(werkgever, 'GET', `/toestemmingen?deelnemerId=${deelnemerId}`)).status).toBe(403);
    expect((await call(werkgever, 'GET', `/deelnemers/${deelnemerId}/inzage`)).status).toBe(403);
    expect((await call(werkgever, 'POST', `/toestemmingen/${gegeven.body.id}/intrekking`, {})).status).toBe(404);
    expect((await call(gemeente, 'GET', `/toestemmingen?deelnemerId=${deelnemerId}`)).status).toBe(200);
    expect(await inzageRegels(deelnemerId)).toEqual(
      expect.arrayContaining([expect.objectContaining({ handeling: 'raadpleging', organisatie: 'gemeente-dommeldal' })]),
    );
  });

  it("finding 4: an organisation cannot write lines into a deelnemer's processing log", async () => {
    const { deelnemerId } = await deelnemerMetTraject();
    const poging = await call<{ code: string }>(werkgever, 'POST', '/verwerkingen', {
      traceId: randomBytes(16).toString('hex'),
      spanId: randomBytes(8).toString('hex'),
      handeling: 'raadpleging',
      deelnemerId,
      doel: 'warme-overdracht',
      categorieen: ['contact'],
    });
    expect(poging.status).toBe(403);
    expect(await inzageRegels(deelnemerId)).not.toEqual(expect.arrayContaining([expect.objectContaining({ organisatie: 'van-der-heijden-metaal' })]));
  });

  it('finding 5: a referral needs an organisation working the traject and goes through a consent decision that is logged', async () => {
    const { deelnemerId } = await deelnemerMetTraject();
    const verwijzing = { deelnemerId, soort: 'schuldhulp', ontvanger: { organisatie: 'geldwijs-dommeldal', type: 'schuldhulp' }, reden: 'schulden' };
    expect((await call(werkgever, 'POST', '/verwijzingen', verwijzing)).status).toBe(403);
    expect((await call(gemeente, 'POST', '/verwijzingen', verwijzing)).status).toBe(201);
    expect(await inzageRegels(deelnemerId)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ handeling: 'besluit', ontvanger: 'geldwijs-dommeldal' }),
        expect.objectContaining({ handeling: 'verstrekking', ontvanger: 'geldwijs-dommeldal' }),
      ]),
    );
  });

  it("finding 5, after the referral: withdrawing the consent it rested on ends the receiver's access to the deelnemer", async () => {
    const { deelnemerId } = await deelnemerMetTraject();
    const gegeven = await call<{ id: string }>(gemeente, 'POST', '/toestemmingen', {
      ...toestemming(deelnemerId, [{ soort: 'type', type: 'ggz' }]),
      doel: 'verwijzing-ggz',
      categorieen: ['contact'],
    });
    expect(gegeven.status).toBe(201);
    const verwijzing = { deelnemerId, soort: 'ggz-behandeling', ontvanger: { organisatie: 'ggz-zuiderlicht', type: 'ggz' }, reden: 'ggz-behandeling' };
    expect((await call(gemeente, 'POST', '/verwijzingen', verwijzing)).status).toBe(201);
    // The receiver now works with the deelnemer: it reads their data.
    expect((await call(ggz, 'GET', `/deelnemers/${deelnemerId}`)).status).toBe(200);

    expect((await call(gemeente, 'POST', `/toestemmingen/${gegeven.body.id}/intrekking`, { reden: 'op verzoek van de deelnemer' })).status).toBe(200);
    // At once, not after a cache: the receiver's involvement ended with the consent.
    expect([403, 404]).toContain((await call(ggz, 'GET', `/deelnemers/${deelnemerId}`)).status);
    // The gemeente, which leads the traject, keeps its access.
    expect((await call(gemeente, 'GET', `/deelnemers/${deelnemerId}`)).status).toBe(200);
  });

  it("finding 6: a refused handover leaves nothing in the receiver's inbox, the receiver sees nothing before consent, and a stuurgroeplid gets no inbox", async () => {
    // Refused by the traject (still in aanmelding): 422, and nothing anywhere.
    const vroeg = await deelnemerMetTraject();
    expect((await call(gemeente, 'POST', '/overdrachten', overdracht(vroeg.deelnemerId, vroeg.trajectId))).status).toBe(422);
    // Waiting for consent: the receiver learns nothing of it.
    const wacht = await inKennismaking();
    const aangevraagd = await call<{ id: string }>(gemeente, 'POST', '/overdrachten', overdracht(wacht.deelnemerId, wacht.trajectId));
    expect(aangevraagd.status).toBe(201);
    for (let n = 0; n < 40; n++) {
      const o = await call<{ status: string }>(gemeente, 'GET', `/overdrachten/${aangevraagd.body.id}`);
      if (o.body.status !== 'aangevraagd') break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect((await call(ggz, 'GET', `/overdrachten/${aangevraagd.body.id}`)).status).toBe(404);
    const inbox = await call(ggz, 'GET', '/inbox');
    expect(inbox.status).toBe(200);
    expect(JSON.stringify(inbox.body)).not.toContain(vroeg.deelnemerId);
    expect(JSON.stringify(inbox.body)).not.toContain(wacht.deelnemerId);
    expect((await call(stuurgroeplid, 'GET', '/inbox')).status).toBe(403);
  });

  it('finding 7: traject commands record their actor; the coach organisation cannot take the lead or add a coach organisation', async () => {
    const { trajectId } = await deelnemerMetTraject();
    const naarCoach = await call(coach, 'POST', `/trajecten/${trajectId}/regie`, {
      regie: { regievoerderId: 'dev:werkbrug-dommeldal:coach', organisatieId: 'werkbrug-dommeldal' },
    });
    expect(naarCoach.status).toBe(403);
    const andereCoach = await call(coach, 'POST', `/trajecten/${trajectId}/coachwissel`, {
      coach: { coachId: 'dev:van-der-heijden-metaal:jobcoach', organisatieId: 'van-der-heijden-metaal' },
      reden: 'overig',
    });
    expect(andereCoach.status).toBe(403);
    expect((await call(werkgever, 'GET', `/trajecten/${trajectId}`)).status).toBe(404);
    const contact = await call(coach, 'POST', `/trajecten/${trajectId}/contactpogingen`, { kanaal: 'telefoon', uitkomst: 'afspraak-gemaakt' });
    expect(contact.status).toBe(200);
    const tijdlijn = await call<{ gebeurtenissen: { gegevens: Record<string, unknown> }[] }>(gemeente, 'GET', `/trajecten/${trajectId}/tijdlijn`);
    expect(tijdlijn.body.gebeurtenissen.at(-1)?.gegevens).toMatchObject({
      doorSub: 'dev:werkbrug-dommeldal:coach',
      doorOrganisatie: 'werkbrug-dommeldal',
      doorRol: 'coach',
    });
  });

  it('finding 8: unknown fields are refused with 400 naming them, and POST /deelnemers answers the same for a known BSN', async () => {
    const metExtra = await call<{ code: string; errors?: unknown }>(gemeente, 'POST', '/deelnemers', { ...persoon(), isAdmin: true });
    expect(metExtra.status).toBe(400);
    expect(JSON.stringify(metExtra.body)).toContain('isAdmin');
    const { deelnemerId, trajectId } = await deelnemerMetTraject();
    const start = await call(gemeente, 'POST', '/trajecten', { ...demoTrajectAanvraag(deelnemerId), vip: true });
    expect(start.status).toBe(400);
    expect(JSON.stringify(start.body)).toContain('vip');
    const opdracht = await call(coach, 'POST', `/trajecten/${trajectId}/contactpogingen`, { kanaal: 'telefoon', uitkomst: 'afspraak-gemaakt', extra: 1 });
    expect(opdracht.status).toBe(400);
    expect(JSON.stringify(opdracht.body)).toContain('extra');
    // The same BSN twice: the same answer, nothing revealed.
    const p = persoon();
    const eerste = await call<{ id: string }>(gemeente, 'POST', '/deelnemers', p);
    const tweede = await call<{ id: string }>(gemeente, 'POST', '/deelnemers', { ...p, voornamen: 'Iemand', achternaam: 'Anders' });
    expect([eerste.status, tweede.status]).toEqual([201, 201]);
    expect(Object.keys(tweede.body).sort()).toEqual(Object.keys(eerste.body).sort());
  });
});
