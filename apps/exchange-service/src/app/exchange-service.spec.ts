import type { INestApplication } from '@nestjs/common';
import {
  type Aanroep,
  type BesluitPoort,
  OutboxBezorger,
  OverdrachtActiviteitenService,
  type OverdrachtOpdracht,
  type OverdrachtWorkflowPoort,
  type VerwerkingMelding,
  type VerwerkingslogPoort,
  type WebhookVerzender,
} from '@ketenregie/exchange-application';
import { TRAJECT_VEREIST } from '@ketenregie/exchange-contracts';
import type {
  InboxDto,
  Namens,
  OntvangerOnbereikbaar,
  OverdrachtDto,
  OverdrachtWeergave,
  OverdrachtWorkflowInput,
  VerwijzingDto,
} from '@ketenregie/exchange-contracts';
import { NIEUWE_OVERDRACHT } from '@ketenregie/exchange-domain';
import {
  createService,
  EmbeddedSigner,
  type Identity,
  type JwksServer,
  type OrganisatieRegister,
  serveJwks,
  vastOrganisatieRegister,
} from '@ketenregie/shared-platform';
import type { BetrokkenheidPoort, OntvangerPoort } from '@ketenregie/shared-platform';
import { decodeJwt } from 'jose';
import { describeEachDatabase } from '@ketenregie/shared-testing';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { AppModule } from './app.module';
import { httpWebhookVerzender } from './http-webhook';
import { exchangeServiceConfigSchema } from './exchange-service.config';

const VAST = vastOrganisatieRegister({ 'gemeente-helmond': 'gemeente', 'ggz-oost-brabant': 'ggz', senzer: 'uitvoerder' });
/** The registry as monitor-service would answer it; tests that need organisations of their own name them by type prefix. */
const REGISTER: OrganisatieRegister = {
  typeVan: async (id) =>
    (await VAST.typeVan(id)) ?? (id.startsWith('wijkteam-') ? 'wijkteam' : id.startsWith('gemeente-') ? 'gemeente' : id.startsWith('ggz-') ? 'ggz' : undefined),
};

/** Records what the service asks of the workflows. */
class OpgenomenWorkflows implements OverdrachtWorkflowPoort {
  readonly gestart: OverdrachtWorkflowInput[] = [];
  readonly opdrachten: OverdrachtOpdracht[] = [];
  readonly onbereikbaar: { overdrachtId: string; melding: OntvangerOnbereikbaar }[] = [];
  async meldOntvangerOnbereikbaar(overdrachtId: string, melding: OntvangerOnbereikbaar): Promise<void> {
    this.onbereikbaar.push({ overdrachtId, melding });
  }
  async start(input: OverdrachtWorkflowInput): Promise<void> {
    this.gestart.push(input);
  }
  async voerUit(overdrachtId: string, opdracht: OverdrachtOpdracht): Promise<OverdrachtWeergave> {
    this.opdrachten.push(opdracht);
    return { overdrachtId, status: 'geaccepteerd', aanZet: 'ontvanger', toestand: NIEUWE_OVERDRACHT, herinneringVerstuurd: false, geescaleerd: false };
  }
}

/** Records what would go to consent's processing log, with whose token. */
class OpgenomenLog implements VerwerkingslogPoort {
  readonly meldingen: (VerwerkingMelding & { bearer?: string })[] = [];
  async meld(m: VerwerkingMelding, aanroep: Aanroep): Promise<void> {
    this.meldingen.push({ ...m, bearer: aanroep.bearer });
  }
}

/** The traject context as these tests set it up: each traject has its deelnemer; every gemeente registered and leads them. */
const TRAJECT_DEELNEMER: Readonly<Record<string, string>> = { 'tr-7': randomUUID(), 'tr-8': randomUUID(), 'tr-9': randomUUID(), 'tr-10': randomUUID() };
const organisatieVan = (bearer: string | undefined) =>
  bearer
    ? String(decodeJwt(bearer)['organisatie'] ?? (decodeJwt(bearer)['authorization_details'] as { organisatie?: string }[] | undefined)?.[0]?.organisatie)
    : '';
const BETROKKENHEID: BetrokkenheidPoort = {
  bijDeelnemer: async (_d, bearer) => (organisatieVan(bearer).startsWith('gemeente-') ? ['aanmelder', 'regievoerder'] : []),
  inTraject: async (trajectId, bearer) =>
    organisatieVan(bearer).startsWith('gemeente-') && TRAJECT_DEELNEMER[trajectId]
      ? { deelnemerId: TRAJECT_DEELNEMER[trajectId], betrokkenheid: ['aanmelder', 'regievoerder'] }
      : // tr-10: Senzer coaches, the gemeente Helmond leads (km-1).
        organisatieVan(bearer) === 'senzer' && trajectId === 'tr-10'
        ? {
            deelnemerId: TRAJECT_DEELNEMER[trajectId],
            betrokkenheid: ['coach-organisatie'],
            regie: { regievoerderId: 'km-1', organisatieId: 'gemeente-helmond' },
          }
        : undefined,
};
/** The receivers exchange asked the traject context to record as `ontvanger`, and for whom. */
const ONTVANGERS: { deelnemerId: string; organisatie: string; namens: string }[] = [];
const ONTVANGER_POORT: OntvangerPoort = {
  legOntvangerVast: async (deelnemerId, organisatie, namens) => void ONTVANGERS.push({ deelnemerId, organisatie, namens: namens.organisatie }),
  beeindigOntvanger: async () => undefined,
};
/** consent-service's decisions as these tests need them: contact details may go, health data may not. */
const BESLUITEN: BesluitPoort = { besluit: async (vraag) => ({ id: randomUUID(), toegestaan: vraag.categorieen.filter((c) => c !== 'gezondheid') }) };

const km: Identity = { sub: 'km-1', organisatie: 'gemeente-helmond', organisatieType: 'gemeente', rol: 'klantmanager' };
const behandelaar: Identity = { sub: 'ggz-b-1', organisatie: 'ggz-oost-brabant', organisatieType: 'ggz', rol: 'behandelaar' };
const derde: Identity = { sub: 'coach-9', organisatie: 'senzer', organisatieType: 'uitvoerder', rol: 'coach' };

describeEachDatabase('exchange-service', (db) => {
  describe('over HTTP', () => {
    let keyDir: string;
    let signer: EmbeddedSigner;
    let jwks: JwksServer;
    let jwksUrl: string;
    const tokens = new Map<string, string>();
    const apps: INestApplication[] = [];

    async function startApp(overrides: {
      workflows?: OverdrachtWorkflowPoort;
      verwerkingslog?: VerwerkingslogPoort;
      webhook?: WebhookVerzender;
      leaseMs?: number;
      maxPogingen?: number;
      /** `EXCHANGE_WEBHOOK_ALLOW_PRIVATE_TARGETS=true`: receivers on this machine. */
      privateDoelen?: boolean;
    }) {
      const config = exchangeServiceConfigSchema.parse({
        DATABASE_URL: db.url,
        PORT: '0',
        LOG_LEVEL: 'silent',
        AUTH_JWKS_URL: jwksUrl,
        EXCHANGE_WEBHOOK_ALLOW_PRIVATE_TARGETS: String(overrides.privateDoelen ?? false),
      });
      const app = await createService(
        AppModule.register(config, {
          register: REGISTER,
          schema: db.schema,
          workflows: overrides.workflows ?? new OpgenomenWorkflows(),
          verwerkingslog: overrides.verwerkingslog ?? new OpgenomenLog(),
          betrokkenheid: BETROKKENHEID,
          ontvangers: ONTVANGER_POORT,
          besluiten: BESLUITEN,
          webhook: overrides.webhook ?? (async () => undefined),
          bezorging: { actief: false, intervalMs: 50, leaseMs: overrides.leaseMs ?? 200, basisMs: 10, maxMs: 50, maxPogingen: overrides.maxPogingen ?? 100 },
        }),
        { name: 'exchange-service', port: 0, logLevel: 'silent', shutdownHooks: false },
      );
      await app.listen(0, '127.0.0.1');
      apps.push(app);
      const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
      /** A professional, or the worker acting for one (a service token, as the activity adapters call). */
      const call = async <T>(wie: Identity | { readonly dienst: Identity }, method: string, path: string, body?: unknown) => {
        const sleutel = 'dienst' in wie ? `dienst:${wie.dienst.sub}` : wie.sub;
        let token = tokens.get(sleutel);
        if (!token) {
          token = 'dienst' in wie ? await signer.signServiceToken({ clientId: 'ketenregie-worker', namens: wie.dienst }) : await signer.sign(wie);
          tokens.set(sleutel, token);
        }
        const res = await fetch(`${base}/api/v1${path}`, {
          method,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        const text = await res.text();
        return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
      };
      /** The overdracht workflow's own steps, as the worker runs them: in-process, acting for the sender `wie`. */
      const activiteiten = app.get(OverdrachtActiviteitenService);
      const namens = (wie: Identity): Namens => ({
        professional: wie.sub,
        organisatie: wie.organisatie,
        type: wie.organisatieType as Namens['type'],
        rol: wie.rol,
      });
      const workflowStap = {
        lever: (wie: Identity, overdrachtId: string, body: { sleutel: string; besluitId: string; vrijgaven: { categorie: string; velden: string[] }[] }) =>
          activiteiten.deliverDossier(
            { ...body, overdrachtId, namens: namens(wie) },
            { traceId: 'b'.repeat(32), namens: { ...wie, actor: 'ketenregie-worker' } },
          ),
        registreer: (wie: Identity, overdrachtId: string, body: Omit<Parameters<OverdrachtActiviteitenService['recordStep']>[0], 'namens' | 'overdrachtId'>) =>
          activiteiten.recordStep({ ...body, overdrachtId, namens: namens(wie) }),
        trekIn: (wie: Identity, overdrachtId: string, reden: string) =>
          activiteiten.withdrawDossier({ sleutel: `${overdrachtId}/intrekking`, overdrachtId, namens: namens(wie), reden }),
      };
      return { app, call, workflowStap };
    }

    async function sql<T>(query: string): Promise<T[]> {
      const client = new Client({ connectionString: db.url });
      await client.connect();
      try {
        return (await client.query(query)).rows as T[];
      } finally {
        await client.end();
      }
    }

    beforeAll(async () => {
      keyDir = await mkdtemp(join(tmpdir(), 'exchange-service-spec-'));
      signer = await EmbeddedSigner.loadOrCreate({ dataDir: keyDir });
      jwks = await serveJwks(signer);
      jwksUrl = jwks.url;
    }, 60_000);

    afterAll(async () => {
      for (const app of apps) await app.close();
      await jwks?.close();
      await rm(keyDir, { recursive: true, force: true });
    });

    it('the receiver sees the handover, reads only the released fields, accepts; a third organisation gets 404; every read is logged', async () => {
      const workflows = new OpgenomenWorkflows();
      const log = new OpgenomenLog();
      const { call, workflowStap } = await startApp({ workflows, verwerkingslog: log });
      const deelnemerId = TRAJECT_DEELNEMER['tr-7'];

      const aangevraagd = await call<OverdrachtDto>(km, 'POST', '/overdrachten', {
        deelnemerId,
        trajectId: 'tr-7',
        ontvanger: { organisatie: behandelaar.organisatie, type: 'ggz' },
        reden: 'ggz-behandeling',
        overTeNemen: ['regie'],
        gegevens: {
          contact: { naam: 'J. Jansen', telefoon: '0612345678', adres: 'Kerkstraat 1' },
          gezondheid: { diagnose: 'F32.1', behandelstatus: 'aangemeld' },
          'financien-schulden': { schuldenlast: 12000 },
        },
      });
      expect(aangevraagd.status).toBe(201);
      const id = aangevraagd.body.id;
      expect(aangevraagd.body).toMatchObject({ status: 'aangevraagd', zender: { organisatie: km.organisatie }, aanZet: 'zender' });
      expect(workflows.gestart[0]).toMatchObject({
        overdrachtId: id,
        zender: { organisatie: km.organisatie, professional: 'km-1' },
        ontvanger: { type: 'ggz' },
      });
      expect(JSON.stringify(workflows.gestart[0])).not.toContain('Jansen');

      // Before the consent decision permitted the disclosure, the receiver sees nothing of it (finding 6).
      for (const pad of [`/overdrachten/${id}`, `/overdrachten/${id}/dossier`]) {
        expect(await call<{ code: string }>(behandelaar, 'GET', pad)).toMatchObject({ status: 404, body: { code: 'EXCHANGE.OVERDRACHT_NIET_GEVONDEN' } });
      }
      expect((await call<InboxDto>(behandelaar, 'GET', '/inbox')).body.overdrachten).toEqual([]);
      const vooraf = await sql<{ ontvangers: string[] }>(`SELECT ontvangers FROM "${db.schema}".outbox WHERE subject = 'overdracht/${id}'`);
      expect(vooraf.flatMap((e) => e.ontvangers)).not.toContain(behandelaar.organisatie);

      // The workflow's steps, on behalf of the sender (as the worker's adapters run them, in-process).
      const besluitId = randomUUID();
      const levering = await workflowStap.lever(km, id, {
        sleutel: `overdracht-${id}/2/dossier`,
        besluitId,
        vrijgaven: [
          { categorie: 'contact', velden: ['naam', 'telefoon'] },
          { categorie: 'gezondheid', velden: ['behandelstatus'] },
        ],
      });
      expect(levering).toEqual({ categorieen: ['contact', 'gezondheid'] });
      expect(log.meldingen).toEqual([
        expect.objectContaining({
          handeling: 'verstrekking',
          besluitId,
          categorieen: ['contact', 'gezondheid'],
          ontvanger: { organisatie: behandelaar.organisatie, type: 'ggz' },
        }),
      ]);
      await workflowStap.registreer(km, id, {
        sleutel: `overdracht-${id}/3/nl.ketenregie.overdracht.dossier-geleverd`,
        status: 'dossier-geleverd',
        gebeurtenis: 'nl.ketenregie.overdracht.dossier-geleverd',
        termijn: { soort: 'acceptatie', uiterlijk: '2027-01-04' },
        taak: { voor: 'ontvanger', soort: 'acceptatie-herinnering', vervalt: '2027-01-04' },
      });
      const nepStap = { sleutel: 'x', status: 'geannuleerd', gebeurtenis: 'nl.ketenregie.overdracht.beeindigd' } as const;
      await expect(workflowStap.registreer(behandelaar, id, nepStap)).rejects.toMatchObject({ code: 'EXCHANGE.OVERDRACHT_NIET_GEVONDEN' });
      // Workflow steps are the worker's alone, in-process: exchange-service has no route that records one.
      for (const pad of ['stappen', 'levering', 'intrekking']) {
        expect((await call({ dienst: km }, 'POST', `/overdrachten/${id}/${pad}`, nepStap)).status).toBe(404);
      }
      // …and the worker's service token opens nothing of exchange-service.
      expect((await call<{ code: string }>({ dienst: km }, 'GET', '/inbox')).body.code).toBe('AUTH.SERVICE_NOT_ALLOWED');

      const inbox = await call<InboxDto>(behandelaar, 'GET', '/inbox');
      expect(inbox.body.overdrachten).toEqual([
        expect.objectContaining({
          id,
          richting: 'inkomend',
          status: 'dossier-geleverd',
          dossierLeesbaar: true,
          termijn: { soort: 'acceptatie', uiterlijk: '2027-01-04' },
        }),
      ]);
      expect(inbox.body.taken).toEqual([{ overdrachtId: id, voor: 'ontvanger', soort: 'acceptatie-herinnering', vervalt: '2027-01-04' }]);
      expect((await call<InboxDto>(derde, 'GET', '/inbox')).body).toEqual({ overdrachten: [], verwijzingen: [], taken: [] });

      const dossier = await call<{ categorieen: Record<string, Record<string, unknown>> }>(behandelaar, 'GET', `/overdrachten/${id}/dossier`);
      expect(dossier.status).toBe(200);
      expect(dossier.body.categorieen).toEqual({ contact: { naam: 'J. Jansen', telefoon: '0612345678' }, gezondheid: { behandelstatus: 'aangemeld' } });
      expect(log.meldingen[1]).toMatchObject({
        handeling: 'raadpleging',
        deelnemerId,
        categorieen: ['contact', 'gezondheid'],
        bearer: tokens.get(behandelaar.sub),
      });

      // The list, over HTTP: filters and a page; a third organisation sees none; bad filters are refused.
      type Lijst = { overdrachten: { id: string; richting: string }[]; totaal: number; pagina: number; limiet: number };
      expect((await call<Lijst>(behandelaar, 'GET', '/overdrachten?richting=inkomend&status=lopend')).body).toMatchObject({
        overdrachten: [{ id, richting: 'inkomend' }],
        totaal: 1,
        pagina: 1,
        limiet: 20,
      });
      expect((await call<Lijst>(km, 'GET', '/overdrachten?richting=uitgaand&pagina=1&limiet=5')).body.overdrachten.map((o) => o.id)).toContain(id);
      expect((await call<Lijst>(km, 'GET', '/overdrachten?status=afgerond')).body.overdrachten.map((o) => o.id)).not.toContain(id);
      expect((await call<Lijst>(derde, 'GET', '/overdrachten')).body).toMatchObject({ overdrachten: [], totaal: 0 });
      expect((await call(km, 'GET', '/overdrachten?status=verzonnen')).status).toBe(400);
      expect((await call(km, 'GET', '/overdrachten?limiet=1000')).status).toBe(400);
      // The sender reads back what went and what stayed behind (names only); the receiver gets no such account.
      const bijZender = await call<{ levering?: { geleverd: unknown[]; weggelaten: unknown[] } }>(km, 'GET', `/overdrachten/${id}`);
      expect(bijZender.body.levering).toMatchObject({
        geleverd: [
          { categorie: 'contact', velden: ['naam', 'telefoon'] },
          { categorie: 'gezondheid', velden: ['behandelstatus'] },
        ],
        weggelaten: [
          { categorie: 'contact', veld: 'adres', reden: 'NIET_VRIJGEGEVEN' },
          { categorie: 'gezondheid', veld: 'diagnose', reden: 'NIET_VRIJGEGEVEN' },
          { categorie: 'financien-schulden', reden: 'NIET_NODIG_VOOR_ROL' },
        ],
      });
      expect(JSON.stringify(bijZender.body)).not.toMatch(/Kerkstraat|F32|12000/);
      expect((await call<{ levering?: unknown }>(behandelaar, 'GET', `/overdrachten/${id}`)).body.levering).toBeUndefined();

      expect((await call(derde, 'GET', `/overdrachten/${id}`)).status).toBe(404);
      expect((await call(derde, 'GET', `/overdrachten/${id}/dossier`)).status).toBe(404);
      expect((await call(km, 'GET', `/overdrachten/${id}/dossier`)).status).toBe(403);
      expect((await call(km, 'POST', `/overdrachten/${id}/acceptatie`, {})).status).toBe(403);

      const geaccepteerd = await call<OverdrachtDto>(behandelaar, 'POST', `/overdrachten/${id}/acceptatie`, { regievoerderId: 'ggz-b-1' });
      expect(geaccepteerd).toMatchObject({ status: 200, body: { id, status: 'geaccepteerd', aanZet: 'ontvanger' } });
      expect(workflows.opdrachten).toEqual([{ soort: 'acceptatie', door: 'ggz-b-1', regievoerderId: 'ggz-b-1' }]);

      // Consent withdrawn: the workflow withdraws the dossier; the next read is denied and logged.
      await workflowStap.trekIn(km, id, 'toestemming-ingetrokken');
      const na = await call<{ code: string; detail: string }>(behandelaar, 'GET', `/overdrachten/${id}/dossier`);
      expect(na).toMatchObject({ status: 403, body: { code: 'EXCHANGE.DOSSIER_NIET_BESCHIKBAAR' } });
      expect(log.meldingen).toHaveLength(3);
      expect(log.meldingen[2]).toMatchObject({ handeling: 'raadpleging', status: 'geweigerd', deelnemerId, categorieen: [] });
      const inzagen = await call<{ uitkomst: string; reden?: string; organisatie: string }[]>(km, 'GET', `/overdrachten/${id}/inzagen`);
      expect(inzagen.body.map((i) => [i.organisatie, i.uitkomst, i.reden])).toEqual([
        [behandelaar.organisatie, 'toegestaan', undefined],
        [behandelaar.organisatie, 'geweigerd', 'toestemming-ingetrokken'],
      ]);
      const [{ inhoud }] = await sql<{ inhoud: string }>(`SELECT categorieen::text AS inhoud FROM "${db.schema}".dossier WHERE overdracht_id = '${id}'`);
      expect(inhoud).toBe('{}');
    });

    it('refuses a handover without trajectId with a problem naming it, and stores and starts nothing', async () => {
      const workflows = new OpgenomenWorkflows();
      const { call } = await startApp({ workflows });
      const deelnemerId = randomUUID();
      const zonder = await call<{ code: string; errors: { field: string; detail: string }[] }>(km, 'POST', '/overdrachten', {
        deelnemerId,
        ontvanger: { organisatie: behandelaar.organisatie, type: 'ggz' },
        reden: 'ggz-behandeling',
        overTeNemen: ['regie'],
        gegevens: { contact: { naam: 'J. Jansen' } },
      });
      expect(zonder.status).toBe(400);
      expect(zonder.body.code).toBe('REQUEST.VALIDATION');
      expect(zonder.body.errors).toEqual([expect.objectContaining({ field: 'trajectId', detail: TRAJECT_VEREIST })]);
      expect(workflows.gestart).toEqual([]);
      expect(await sql(`SELECT 1 FROM "${db.schema}".overdracht WHERE deelnemer_id = '${deelnemerId}'`)).toEqual([]);
    });

    it("takes the recipient's type from the registry: it may be left out, and one that disagrees is refused with a problem naming it", async () => {
      const workflows = new OpgenomenWorkflows();
      const { call } = await startApp({ workflows });
      const aanvraag = {
        deelnemerId: TRAJECT_DEELNEMER['tr-7'],
        trajectId: 'tr-7',
        reden: 'ggz-behandeling',
        overTeNemen: ['regie'],
        gegevens: { contact: { naam: 'J. Jansen' } },
      };
      const onjuist = await call<{ code: string; errors: { field: string }[] }>(km, 'POST', '/overdrachten', {
        ...aanvraag,
        ontvanger: { organisatie: behandelaar.organisatie, type: 'wijkteam' },
      });
      expect(onjuist).toMatchObject({ status: 400, body: { code: 'TOEGANG.ORGANISATIETYPE_ONJUIST', errors: [{ field: 'ontvanger.type' }] } });
      expect(workflows.gestart).toEqual([]);
      const verwijzing = await call<{ code: string }>(km, 'POST', '/verwijzingen', {
        deelnemerId: randomUUID(),
        soort: 'ggz-behandeling',
        ontvanger: { organisatie: behandelaar.organisatie, type: 'schuldhulp' },
        reden: 'ggz-behandeling',
      });
      expect(verwijzing).toMatchObject({ status: 400, body: { code: 'TOEGANG.ORGANISATIETYPE_ONJUIST' } });

      const zonderType = await call<OverdrachtDto>(km, 'POST', '/overdrachten', { ...aanvraag, ontvanger: { organisatie: behandelaar.organisatie } });
      expect(zonderType).toMatchObject({ status: 201, body: { ontvanger: { organisatie: behandelaar.organisatie, type: 'ggz' } } });
      expect(workflows.gestart).toEqual([expect.objectContaining({ ontvanger: { organisatie: behandelaar.organisatie, type: 'ggz' } })]);
    });

    it('gives a delivery up once its retries are exhausted, and tells the handover only when the receiver cannot be reached', async () => {
      const workflows = new OpgenomenWorkflows();
      const { app, call, workflowStap } = await startApp({
        workflows,
        maxPogingen: 3,
        privateDoelen: true,
        webhook: async (url) => {
          if (url.includes('onbereikbaar')) throw new Error('webhook answered HTTP 503');
        },
      });
      // Organisations of their own: their subscriptions stay out of the other tests' deliveries.
      const wijkteam: Identity = { sub: 'wt-1', organisatie: `wijkteam-${randomUUID().slice(0, 8)}`, organisatieType: 'wijkteam', rol: 'coach' };
      const zender: Identity = { sub: 'km-2', organisatie: `gemeente-${randomUUID().slice(0, 8)}`, organisatieType: 'gemeente', rol: 'klantmanager' };
      expect((await call(wijkteam, 'POST', '/abonnementen', { url: 'http://127.0.0.1:9/onbereikbaar/ontvanger' })).status).toBe(201);
      expect((await call(zender, 'POST', '/abonnementen', { url: 'http://127.0.0.1:9/onbereikbaar/zender' })).status).toBe(201);
      const aangevraagd = await call<OverdrachtDto>(zender, 'POST', '/overdrachten', {
        deelnemerId: TRAJECT_DEELNEMER['tr-8'],
        trajectId: 'tr-8',
        ontvanger: { organisatie: wijkteam.organisatie, type: 'wijkteam' },
        reden: 'wijkteam-begeleiding',
        overTeNemen: ['begeleiding'],
        gegevens: { contact: { naam: 'J. Jansen' } },
      });
      expect(aangevraagd.status).toBe(201);
      const id = aangevraagd.body.id;
      // The receiver is notified once the consent decision permitted the dossier.
      const levering = await workflowStap.lever(zender, id, {
        sleutel: `overdracht-${id}/2/dossier`,
        besluitId: randomUUID(),
        vrijgaven: [{ categorie: 'contact', velden: ['naam'] }],
      });
      expect(levering).toEqual({ categorieen: ['contact'] });
      await workflowStap.registreer(zender, id, {
        sleutel: `overdracht-${id}/3/nl.ketenregie.overdracht.dossier-geleverd`,
        status: 'dossier-geleverd',
        gebeurtenis: 'nl.ketenregie.overdracht.dossier-geleverd',
      });
      const afleveringen = () =>
        sql<{ url: string; pogingen: number; opgegeven: boolean }>(
          `SELECT ab.url, a.pogingen, a.opgegeven_op IS NOT NULL AS opgegeven FROM "${db.schema}".outbox_aflevering a
           JOIN "${db.schema}".outbox o ON o.id = a.event_id JOIN "${db.schema}".abonnement ab ON ab.id = a.abonnement_id
           WHERE o.subject = 'overdracht/${id}' AND o.type = 'nl.ketenregie.overdracht.dossier-geleverd' ORDER BY ab.url`,
        );
      const bezorger = app.get(OutboxBezorger);
      for (let n = 0; n < 60 && !(await afleveringen()).every((a) => a.opgegeven); n++) {
        await bezorger.ronde();
        await new Promise((r) => setTimeout(r, 30));
      }
      expect(await afleveringen()).toEqual([
        { url: 'http://127.0.0.1:9/onbereikbaar/ontvanger', pogingen: 3, opgegeven: true },
        { url: 'http://127.0.0.1:9/onbereikbaar/zender', pogingen: 3, opgegeven: true },
      ]);
      expect(workflows.onbereikbaar).toEqual([{ overdrachtId: id, melding: { organisatie: wijkteam.organisatie, eventId: expect.any(String), pogingen: 3 } }]);
      await new Promise((r) => setTimeout(r, 100));
      await bezorger.ronde();
      expect((await afleveringen()).map((a) => a.pogingen)).toEqual([3, 3]);
    });

    it("a coach organisation's handover escalates to the traject's regievoerder: the task is in the gemeente's inbox, not the coach's", async () => {
      const { call, workflowStap } = await startApp({});
      const aangevraagd = await call<OverdrachtDto>(derde, 'POST', '/overdrachten', {
        deelnemerId: TRAJECT_DEELNEMER['tr-10'],
        trajectId: 'tr-10',
        ontvanger: { organisatie: behandelaar.organisatie, type: 'ggz' },
        reden: 'ggz-behandeling',
        overTeNemen: ['begeleiding'],
        gegevens: { contact: { naam: 'J. Jansen' } },
      });
      expect(aangevraagd.status).toBe(201);
      const id = aangevraagd.body.id;
      await workflowStap.registreer(derde, id, {
        sleutel: `overdracht-${id}/5/toestemming-geescaleerd`,
        status: 'toestemming-nodig',
        gebeurtenis: 'nl.ketenregie.overdracht.toestemming-geescaleerd',
        taak: { voor: 'regievoerder', soort: 'toestemming-escalatie' },
      });
      const takenVan = async (wie: Identity) => (await call<InboxDto>(wie, 'GET', '/inbox')).body.taken.filter((t) => t.overdrachtId === id);
      expect(await takenVan(km)).toEqual([{ overdrachtId: id, voor: 'regievoerder', soort: 'toestemming-escalatie' }]);
      expect(await takenVan(derde)).toEqual([]);
      // The escalation event goes to the regievoerder's organisation too.
      expect(
        await sql<{ ontvangers: string[] }>(`SELECT ontvangers FROM "${db.schema}".outbox WHERE subject = 'overdracht/${id}' AND type LIKE '%geescaleerd'`),
      ).toEqual([{ ontvangers: [derde.organisatie, km.organisatie] }]);
    });

    it('an expired consent shows as toestemming-verlopen to both sides, not as withdrawn; the dossier read is denied with that reason', async () => {
      const { call, workflowStap } = await startApp({});
      const aangevraagd = await call<OverdrachtDto>(km, 'POST', '/overdrachten', {
        deelnemerId: TRAJECT_DEELNEMER['tr-9'],
        trajectId: 'tr-9',
        ontvanger: { organisatie: behandelaar.organisatie, type: 'ggz' },
        reden: 'ggz-behandeling',
        overTeNemen: ['regie'],
        gegevens: { contact: { naam: 'J. Jansen' } },
      });
      const id = aangevraagd.body.id;
      const wf = `overdracht-${id}`;
      await workflowStap.lever(km, id, {
        sleutel: `${wf}/2/dossier`,
        besluitId: randomUUID(),
        vrijgaven: [{ categorie: 'contact', velden: ['naam'] }],
      });
      // The workflow's closing steps after consent's end signal with reden `verlopen`.
      await workflowStap.trekIn(km, id, 'toestemming-verlopen');
      for (const [n, gebeurtenis, taak] of [
        [3, 'dossier-ingetrokken', { voor: 'ontvanger', soort: 'overdracht-beeindigd' }],
        [4, 'beeindigd', { voor: 'regievoerder', soort: 'overdracht-beeindigd' }],
      ] as const) {
        await workflowStap.registreer(km, id, {
          sleutel: `${wf}/${n}/${gebeurtenis}`,
          status: 'toestemming-verlopen',
          gebeurtenis: `nl.ketenregie.overdracht.${gebeurtenis}`,
          taak,
          gegevens: { status: 'toestemming-verlopen' },
        });
      }
      expect((await call<OverdrachtDto>(km, 'GET', `/overdrachten/${id}`)).body).toMatchObject({ status: 'toestemming-verlopen', aanZet: 'niemand' });
      expect((await call<OverdrachtDto>(behandelaar, 'GET', `/overdrachten/${id}`)).body).toMatchObject({ status: 'toestemming-verlopen' });
      expect((await call<{ detail: string }>(behandelaar, 'GET', `/overdrachten/${id}/dossier`)).body.detail).toContain('toestemming-verlopen');
    });

    it('verwijzing to GGZ: the receiver reports coded statuses, the sender sees only in behandeling / afgerond', async () => {
      const { call } = await startApp({});
      const deelnemerId = randomUUID();
      const v = await call<VerwijzingDto>(km, 'POST', '/verwijzingen', {
        deelnemerId,
        soort: 'ggz-behandeling',
        ontvanger: { organisatie: behandelaar.organisatie, type: 'ggz' },
        reden: 'psychische-klachten',
      });
      expect(v).toMatchObject({ status: 201, body: { status: 'aangemeld' } });
      // The permitted referral makes GGZ `ontvanger` of the deelnemer in the traject context, asked for the sender.
      expect(ONTVANGERS).toContainEqual({ deelnemerId, organisatie: behandelaar.organisatie, namens: km.organisatie });
      expect((await call(km, 'POST', `/verwijzingen/${v.body.id}/status`, { status: 'geaccepteerd' })).status).toBe(403);
      expect((await call(behandelaar, 'POST', `/verwijzingen/${v.body.id}/status`, { status: 'gestart' })).status).toBe(422);
      for (const status of [{ status: 'geaccepteerd' }, { status: 'gestart' }]) {
        expect((await call(behandelaar, 'POST', `/verwijzingen/${v.body.id}/status`, status)).status).toBe(200);
      }
      expect((await call<VerwijzingDto>(km, 'GET', `/verwijzingen/${v.body.id}`)).body.status).toBe('in-behandeling');
      expect((await call(behandelaar, 'POST', `/verwijzingen/${v.body.id}/status`, { status: 'beeindigd', eindreden: 'diagnose' })).status).toBe(400);
      const einde = await call<VerwijzingDto>(behandelaar, 'POST', `/verwijzingen/${v.body.id}/status`, {
        status: 'beeindigd',
        eindreden: 'voortijdig-gestopt-deelnemer',
      });
      expect(einde.body).toMatchObject({ status: 'beeindigd', eindreden: 'voortijdig-gestopt-deelnemer' });
      const zender = await call<VerwijzingDto>(km, 'GET', `/verwijzingen/${v.body.id}`);
      expect(zender.body.status).toBe('afgerond');
      expect(zender.body.eindreden).toBeUndefined();
      expect((await call(derde, 'GET', `/verwijzingen/${v.body.id}`)).status).toBe(404);
      const events = await sql<{ data: Record<string, unknown> }>(
        `SELECT data FROM "${db.schema}".outbox WHERE subject = 'verwijzing/${v.body.id}' ORDER BY volgnummer`,
      );
      expect(JSON.stringify(events)).not.toContain('voortijdig');
    });

    it('the outbox survives a restart between sending and marking: nothing lost, duplicates only by id', async () => {
      const ontvangen: { id: string; type: string; specversion: string; subject: string }[] = [];
      let sterfNaVerzending = true;
      const webhook =
        (sterf: boolean): WebhookVerzender =>
        async (_url, event) => {
          ontvangen.push(event as (typeof ontvangen)[number]);
          if (sterf && sterfNaVerzending) {
            sterfNaVerzending = false;
            throw new Error('process killed after the POST, before the mark');
          }
        };
      const eerste = await startApp({ webhook: webhook(true), leaseMs: 300, privateDoelen: true });
      const hook = `http://127.0.0.1:9/${randomUUID()}`;
      expect((await eerste.call(behandelaar, 'POST', '/abonnementen', { url: hook })).status).toBe(201);
      const ids: string[] = [];
      for (let n = 0; n < 3; n++) {
        const v = await eerste.call<VerwijzingDto>(km, 'POST', '/verwijzingen', {
          deelnemerId: randomUUID(),
          soort: 'schuldhulp',
          ontvanger: { organisatie: behandelaar.organisatie, type: 'ggz' },
          reden: 'schulden',
        });
        ids.push(v.body.id);
      }
      const bezorger1 = eerste.app.get(OutboxBezorger);
      await bezorger1.ronde(1);
      await eerste.app.close();
      apps.splice(apps.indexOf(eerste.app), 1);

      const tweede = await startApp({ webhook: webhook(false), leaseMs: 300, privateDoelen: true });
      const bezorger2 = tweede.app.get(OutboxBezorger);
      const verwacht = (
        await sql<{ id: string }>(
          `SELECT o.id FROM "${db.schema}".outbox o JOIN "${db.schema}".outbox_aflevering a ON a.event_id = o.id JOIN "${db.schema}".abonnement ab ON ab.id = a.abonnement_id WHERE ab.url = '${hook}'`,
        )
      ).map((r) => r.id);
      expect(verwacht).toHaveLength(3);
      for (let poging = 0; poging < 20; poging++) {
        await bezorger2.ronde();
        const open = await sql(`SELECT 1 FROM "${db.schema}".outbox_aflevering WHERE afgeleverd_op IS NULL AND event_id IN ('${verwacht.join("','")}')`);
        if (open.length === 0) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      const uniek = new Set(ontvangen.map((e) => e.id));
      expect([...uniek].sort()).toEqual([...verwacht].sort());
      expect(ontvangen.length).toBe(4);
      expect(
        ontvangen.every(
          (e) => e.specversion === '1.0' && e.type === 'nl.ketenregie.verwijzing.aangemeld' && ids.some((id) => e.subject === `verwijzing/${id}`),
        ),
      ).toBe(true);
    });

    /** A webhook receiver on this machine that records what it is sent. */
    async function ontvanger() {
      const ontvangen: { headers: IncomingHttpHeaders; body: string }[] = [];
      const server = createServer((req, res) => {
        let body = '';
        req.on('data', (d) => (body += d));
        req.on('end', () => {
          ontvangen.push({ headers: req.headers, body });
          res.writeHead(204).end();
        });
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, ontvangen, sluit: () => new Promise((r) => server.close(r)) };
    }

    const verwijzingAan = (organisatie: string) => ({
      deelnemerId: randomUUID(),
      soort: 'schuldhulp',
      ontvanger: { organisatie, type: 'ggz' },
      reden: 'schulden',
    });

    it('refuses webhook targets that are not public when subscribing, and again when delivering (DNS rebinding)', async () => {
      const { app, call } = await startApp({ webhook: httpWebhookVerzender({ privateDoelenToestaan: false }) });
      const eigenaar: Identity = { ...behandelaar, sub: `ggz-${randomUUID()}`, organisatie: `ggz-${randomUUID().slice(0, 8)}` };
      const doelen = [
        'http://127.0.0.1:8080/hook',
        'http://10.0.0.5/hook',
        'http://192.168.1.1/hook',
        'http://169.254.169.254/latest/meta-data',
        'http://[::1]/hook',
        'http://[::ffff:127.0.0.1]/hook',
        'http://[fe80::1]/hook',
        'http://0.0.0.0/hook',
        'http://localhost/hook',
        'http://bestaat-niet.invalid/hook',
      ];
      for (const url of doelen) {
        const res = await call<{ code: string; errors: { field: string }[] }>(eigenaar, 'POST', '/abonnementen', { url });
        expect({ url, status: res.status, code: res.body.code }).toEqual({ url, status: 400, code: 'EXCHANGE.WEBHOOK_DOEL_NIET_TOEGESTAAN' });
      }
      expect(await sql(`SELECT 1 FROM "${db.schema}".abonnement WHERE organisatie = '${eigenaar.organisatie}'`)).toEqual([]);

      // A name that resolved to a public address when subscribing and to this machine now.
      const hook = await ontvanger();
      try {
        await sql(
          `INSERT INTO "${db.schema}".abonnement (id, organisatie, url, geheim) VALUES ('${randomUUID()}', '${eigenaar.organisatie}', '${hook.url}', 'whsec_${Buffer.alloc(32, 7).toString('base64')}')`,
        );
        expect((await call(km, 'POST', '/verwijzingen', verwijzingAan(eigenaar.organisatie))).status).toBe(201);
        await app.get(OutboxBezorger).ronde(100);
        expect(hook.ontvangen).toEqual([]);
        const [fout] = await sql<{ laatste_fout: string }>(
          `SELECT a.laatste_fout FROM "${db.schema}".outbox_aflevering a JOIN "${db.schema}".abonnement ab ON ab.id = a.abonnement_id WHERE ab.organisatie = '${eigenaar.organisatie}'`,
        );
        expect(fout.laatste_fout).toMatch(/is not allowed/);
      } finally {
        await hook.sluit();
      }
    });

    it('signs every delivery (Standard Webhooks) with the secret shown once; only the owning organisation lists and deletes a subscription', async () => {
      const { app, call } = await startApp({ privateDoelen: true, webhook: httpWebhookVerzender({ privateDoelenToestaan: true }) });
      const eigenaar: Identity = { ...behandelaar, sub: `ggz-${randomUUID()}`, organisatie: `ggz-${randomUUID().slice(0, 8)}` };
      const ander: Identity = { ...behandelaar, sub: `ggz-${randomUUID()}`, organisatie: `ggz-${randomUUID().slice(0, 8)}` };
      const hook = await ontvanger();
      try {
        const nieuw = await call<{ id: string; url: string; geheim: string }>(eigenaar, 'POST', '/abonnementen', { url: hook.url });
        expect(nieuw.status).toBe(201);
        expect(nieuw.body.geheim).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/);
        const lijst = await call<Record<string, unknown>[]>(eigenaar, 'GET', '/abonnementen');
        expect(lijst.body).toEqual([{ id: nieuw.body.id, organisatie: eigenaar.organisatie, url: hook.url }]);
        expect((await call<{ id: string }[]>(ander, 'GET', '/abonnementen')).body.map((a) => a.id)).not.toContain(nieuw.body.id);

        expect((await call(km, 'POST', '/verwijzingen', verwijzingAan(eigenaar.organisatie))).status).toBe(201);
        await app.get(OutboxBezorger).ronde(100);
        expect(hook.ontvangen).toHaveLength(1);
        const [bezorgd] = hook.ontvangen;
        const headers = bezorgd.headers as Record<string, string>;
        const event = new Webhook(nieuw.body.geheim).verify(bezorgd.body, headers) as { id: string; type: string };
        expect(event.type).toBe('nl.ketenregie.verwijzing.aangemeld');
        expect(headers['webhook-id']).toBe(event.id);
        expect(() => new Webhook(`whsec_${Buffer.alloc(32, 1).toString('base64')}`).verify(bezorgd.body, headers)).toThrow();
        expect(() => new Webhook(nieuw.body.geheim).verify(bezorgd.body.replace('aangemeld', 'afgerond'), headers)).toThrow();

        expect((await call(ander, 'DELETE', `/abonnementen/${nieuw.body.id}`)).status).toBe(404);
        expect((await call(eigenaar, 'DELETE', `/abonnementen/${nieuw.body.id}`)).status).toBe(204);
        expect((await call(eigenaar, 'GET', '/abonnementen')).body).toEqual([]);
        expect((await call(eigenaar, 'DELETE', `/abonnementen/${nieuw.body.id}`)).status).toBe(404);
        expect((await call(km, 'POST', '/verwijzingen', verwijzingAan(eigenaar.organisatie))).status).toBe(201);
        await app.get(OutboxBezorger).ronde(100);
        expect(hook.ontvangen).toHaveLength(1);
      } finally {
        await hook.sluit();
      }
    });
  });
});
