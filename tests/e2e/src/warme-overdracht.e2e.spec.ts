import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// The orchestrator behind `npm start`, used as-is: same steps, free ports, a temporary data dir.
import { freePorts, startStack } from '@ketenregie/start';
import { demoTrajectAanvraag, geldigBsn } from './deelnemer';
import { devTokens } from './dev-tokens';
import { START_TIMEOUT, freshMachineEnv } from './fresh-machine';

interface Antwoord<T> {
  status: number;
  body: T;
}

interface Overdracht {
  id: string;
  status: string;
  richting?: string;
  dossierLeesbaar?: boolean;
  termijn?: { soort: string; uiterlijk: string };
}

describe('warme overdracht through the gateway, with tokens of three organisations', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ketenregie-e2e-overdracht-'));
  let stack: { url: string; stop(): Promise<void> };

  const devToken = devTokens(() => stack.url);
  const token = (organisatie: string, rol: string): Promise<string> => devToken({ organisatie, rol });

  /** Requests this test sent itself, per path (all of `/overdrachten/**` is routed to exchange-service). */
  const eigenVerzoeken: string[] = [];

  async function call<T>(wie: [string, string], method: string, path: string, body?: unknown): Promise<Antwoord<T>> {
    eigenVerzoeken.push(path);
    const response = await fetch(`${stack.url}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${await token(...wie)}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  }

  const gemeente: [string, string] = ['gemeente-dommeldal', 'klantmanager'];
  const ggz: [string, string] = ['ggz-zuiderlicht', 'behandelaar'];
  const derde: [string, string] = ['werkbrug-dommeldal', 'coach'];
  const coach: [string, string] = ['werkbrug-dommeldal', 'coach'];

  beforeAll(async () => {
    const ports = await freePorts();
    stack = await startStack({ env: freshMachineEnv(), dataDir, ...ports });
  }, START_TIMEOUT);

  afterAll(async () => {
    await stack?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  /**
   * A handover is a child of its traject's workflow: a traject led by the gemeente, met in
   * kennismaking (the first phase that allows a handover).
   */
  async function trajectInKennismaking(): Promise<{ trajectId: string; deelnemerId: string }> {
    const deelnemer = await call<{ id: string }>(gemeente, 'POST', '/deelnemers', {
      voornamen: 'Sam',
      achternaam: 'Bakker',
      geboortedatum: '1979-03-02',
      contact: { telefoon: '0612345678' },
      bsn: geldigBsn(),
    });
    expect(deelnemer.status).toBe(201);
    const traject = await call<{ id: string }>(gemeente, 'POST', '/trajecten', demoTrajectAanvraag(deelnemer.body.id));
    expect(traject.status).toBe(201);
    const contact = await call<{ fase: string }>(coach, 'POST', `/trajecten/${traject.body.id}/contactpogingen`, {
      kanaal: 'telefoon',
      uitkomst: 'afspraak-gemaakt',
    });
    expect(contact.body.fase).toBe('kennismaking');
    return { trajectId: traject.body.id, deelnemerId: deelnemer.body.id };
  }

  async function toestemmingEnOverdracht(
    deelnemerId: string,
    trajectId: string,
    gegevens: Record<string, Record<string, unknown>> = { contact: { naam: 'A. Bakker' }, gezondheid: { behandelstatus: 'intake' } },
  ): Promise<{ toestemmingId: string; id: string }> {
    const toestemming = await call<{ id: string }>(gemeente, 'POST', '/toestemmingen', {
      deelnemerId,
      verlener: { soort: 'deelnemer' },
      doel: 'warme-overdracht',
      categorieen: ['contact', 'traject-status', 'participatieladder', 'zrm', 'gezondheid'],
      bronnen: [{ soort: 'type', type: 'gemeente' }],
      ontvangers: [{ soort: 'organisatie', organisatie: 'ggz-zuiderlicht' }],
      geldigTot: '2099-01-01T00:00:00.000Z',
      bewijs: { soort: 'ondertekend-formulier', documentId: `scan-e2e-${trajectId}` },
    });
    expect(toestemming.status).toBe(201);
    const aangevraagd = await call<Overdracht>(gemeente, 'POST', '/overdrachten', {
      deelnemerId,
      trajectId,
      ontvanger: { organisatie: 'ggz-zuiderlicht', type: 'ggz' },
      reden: 'ggz-behandeling',
      overTeNemen: ['regie'],
      gegevens,
    });
    expect(aangevraagd.status).toBe(201);
    return { toestemmingId: toestemming.body.id, id: aangevraagd.body.id };
  }

  /**
   * The HTTP requests about handover `id` that reached exchange-service but were not sent by this
   * test: the worker's calls back into the service that started the handover. Counted from
   * exchange-service's request log (one line per request, path only), once the log has settled.
   */
  async function verzoekenVanDeWorker(id: string): Promise<{ aantal: number; paden: string[] }> {
    const logbestand = join(dataDir, 'logs', 'exchange-service.log');
    const lees = () =>
      (existsSync(logbestand) ? readFileSync(logbestand, 'utf8') : '').split('\n').flatMap((regel) => {
        try {
          const l = JSON.parse(regel) as { msg?: string; req?: { method?: string; path?: string } };
          return l.req?.path?.includes(id) && l.msg === 'request completed'
            ? [`${l.req.method} ${l.req.path.replace(`/api/v1/overdrachten/${id}`, '{id}')}`]
            : [];
        } catch {
          return [];
        }
      });
    let vorige = -1;
    let paden = lees();
    for (let n = 0; n < 20 && paden.length !== vorige; n++) {
      vorige = paden.length;
      await new Promise((r) => setTimeout(r, 1_000));
      paden = lees();
    }
    const eigen = eigenVerzoeken.filter((p) => p.includes(id)).length;
    return { aantal: paden.length - eigen, paden };
  }

  async function wachtOp(id: string, status: string, wie: [string, string] = ggz): Promise<Overdracht | undefined> {
    let o: Overdracht | undefined;
    for (let n = 0; n < 120 && o?.status !== status; n++) {
      o = (await call<Overdracht>(wie, 'GET', `/overdrachten/${id}`)).body;
      if (o?.status !== status) await new Promise((r) => setTimeout(r, 500));
    }
    return o;
  }

  it('the receiver sees the handover, reads only the permitted fields and accepts; a third organisation gets 404; the processing log holds every read', async () => {
    const { deelnemerId, trajectId } = await trajectInKennismaking();
    const zonderTraject = await call<{ code: string; errors: { field: string }[] }>(gemeente, 'POST', '/overdrachten', {
      deelnemerId,
      ontvanger: { organisatie: 'ggz-zuiderlicht', type: 'ggz' },
      reden: 'ggz-behandeling',
      overTeNemen: ['regie'],
      gegevens: {},
    });
    expect(zonderTraject).toMatchObject({ status: 400, body: { code: 'REQUEST.VALIDATION', errors: [{ field: 'trajectId' }] } });
    const { id } = await toestemmingEnOverdracht(deelnemerId, trajectId, {
      contact: { naam: 'J. de Vries', telefoon: '0612345678', notitie: 'alleen voor intern gebruik' },
      gezondheid: { behandelstatus: 'wachtlijst' },
      'financien-schulden': { schuldenlast: 15000 },
    });

    let inkomend: Overdracht | undefined;
    for (let n = 0; n < 120 && inkomend?.status !== 'dossier-geleverd'; n++) {
      const inbox = await call<{ overdrachten: Overdracht[] }>(ggz, 'GET', '/inbox');
      inkomend = inbox.body.overdrachten.find((o) => o.id === id);
      if (inkomend?.status !== 'dossier-geleverd') await new Promise((r) => setTimeout(r, 500));
    }
    expect(inkomend).toMatchObject({ richting: 'inkomend', status: 'dossier-geleverd', dossierLeesbaar: true, termijn: { soort: 'acceptatie' } });

    const dossier = await call<{ categorieen: Record<string, Record<string, unknown>> }>(ggz, 'GET', `/overdrachten/${id}/dossier`);
    expect(dossier.status).toBe(200);
    expect(dossier.body.categorieen).toEqual({ contact: { naam: 'J. de Vries', telefoon: '0612345678' }, gezondheid: { behandelstatus: 'wachtlijst' } });
    expect((await call(ggz, 'GET', `/overdrachten/${id}/dossier`)).status).toBe(200);

    expect((await call(derde, 'GET', `/overdrachten/${id}`)).status).toBe(404);
    expect((await call(derde, 'GET', `/overdrachten/${id}/dossier`)).status).toBe(404);
    expect((await call(derde, 'POST', `/overdrachten/${id}/acceptatie`, {})).status).toBe(404);

    const geaccepteerd = await call<Overdracht>(ggz, 'POST', `/overdrachten/${id}/acceptatie`, {});
    expect(geaccepteerd).toMatchObject({ status: 200, body: { status: 'geaccepteerd' } });
    // The sender's view is the stored projection, which the workflow updates right after the step.
    let bijZender = '';
    for (let n = 0; n < 40 && bijZender !== 'geaccepteerd'; n++) {
      bijZender = (await call<Overdracht>(gemeente, 'GET', `/overdrachten/${id}`)).body.status;
      if (bijZender !== 'geaccepteerd') await new Promise((r) => setTimeout(r, 250));
    }
    expect(bijZender).toBe('geaccepteerd');

    const inzage = await call<{ verwerkingen: { handeling: string; organisatie: string; doel?: string; categorieen: string[] }[] }>(
      gemeente,
      'GET',
      `/deelnemers/${deelnemerId}/inzage`,
    );
    expect(inzage.status).toBe(200);
    const raadplegingen = inzage.body.verwerkingen.filter((v) => v.handeling === 'raadpleging' && v.organisatie === 'ggz-zuiderlicht');
    expect(raadplegingen).toHaveLength(2);
    expect(raadplegingen.every((r) => r.doel === 'warme-overdracht' && r.categorieen.every((c) => ['contact', 'gezondheid'].includes(c)))).toBe(true);
    expect(inzage.body.verwerkingen.filter((v) => v.handeling === 'verstrekking' && v.organisatie === 'gemeente-dommeldal')).toHaveLength(1);

    // The worker's calls back into exchange-service for this handover, up to the acceptance: none,
    // its steps run in-process (4 over HTTP before issue 17).
    const worker = await verzoekenVanDeWorker(id);
    process.stdout.write(`HTTP requests worker → exchange-service, handover up to acceptance: ${worker.aantal}\n`);
    expect(worker.aantal).toBe(0);
  }, 180_000);

  it('a withdrawn consent withdraws the dossier from the receiver: the next read is denied and logged, the handover ends', async () => {
    const { deelnemerId, trajectId } = await trajectInKennismaking();
    const { toestemmingId, id } = await toestemmingEnOverdracht(deelnemerId, trajectId);
    expect((await wachtOp(id, 'dossier-geleverd'))?.status).toBe('dossier-geleverd');
    expect((await call(ggz, 'GET', `/overdrachten/${id}/dossier`)).status).toBe(200);
    let toegestaan = 1;

    expect((await call(gemeente, 'POST', `/toestemmingen/${toestemmingId}/intrekking`, { reden: 'wil niet meer' })).status).toBe(200);
    let laatste = 200;
    for (let n = 0; n < 120 && laatste === 200; n++) {
      const poging = await call<{ code?: string }>(ggz, 'GET', `/overdrachten/${id}/dossier`);
      laatste = poging.status;
      if (laatste === 200) {
        toegestaan += 1;
        await new Promise((r) => setTimeout(r, 500));
      } else {
        expect(poging.body.code).toBe('EXCHANGE.DOSSIER_NIET_BESCHIKBAAR');
      }
    }
    expect(laatste).toBe(403);
    expect((await wachtOp(id, 'toestemming-ingetrokken', gemeente))?.status).toBe('toestemming-ingetrokken');

    const inzagen = await call<{ uitkomst: string; organisatie: string }[]>(gemeente, 'GET', `/overdrachten/${id}/inzagen`);
    expect(inzagen.body.filter((i) => i.uitkomst === 'toegestaan')).toHaveLength(toegestaan);
    expect(inzagen.body.at(-1)).toMatchObject({ uitkomst: 'geweigerd', organisatie: 'ggz-zuiderlicht' });
    const inzage = await call<{ verwerkingen: { handeling: string; organisatie: string; status: string }[] }>(
      gemeente,
      'GET',
      `/deelnemers/${deelnemerId}/inzage`,
    );
    const ggzLezingen = inzage.body.verwerkingen.filter((v) => v.handeling === 'raadpleging' && v.organisatie === 'ggz-zuiderlicht');
    expect(ggzLezingen.filter((v) => v.status === 'ok')).toHaveLength(toegestaan);
    // The refused reads are in the deelnemer's own log too.
    expect(ggzLezingen.filter((v) => v.status === 'geweigerd')).toHaveLength(inzagen.body.filter((i) => i.uitkomst === 'geweigerd').length);
    expect(inzage.body.verwerkingen.some((v) => v.handeling === 'toestemming-ingetrokken')).toBe(true);

    // The worker's calls back into exchange-service for this handover, from the request to its end:
    // none (6 over HTTP before issue 17).
    const worker = await verzoekenVanDeWorker(id);
    process.stdout.write(`HTTP requests worker → exchange-service, handover ended by a withdrawn consent: ${worker.aantal}\n`);
    expect(worker.aantal).toBe(0);
  }, 180_000);
});
