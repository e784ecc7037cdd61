import type { INestApplication } from '@nestjs/common';
import {
  BesluitService,
  ConsentActiviteitenService,
  type GenomenBesluit,
  PSEUDONIMISEERDER,
  RegisterService,
  type ToestemmingLevenscyclusPoort,
  ToestemmingService,
} from '@ketenregie/consent-application';
import { CONSENT_MIGRATIONS, consentRepositories, embeddedKetenSleutels } from '@ketenregie/consent-data-access';
import {
  type BesluitDto,
  type InzageDto,
  type IntrekkingSignaal,
  type ToestemmingDto,
  type VerificatieDto,
  verwerkingsregisterSchema,
} from '@ketenregie/consent-contracts';
import type { Toestemming } from '@ketenregie/consent-domain';
import {
  asActivities,
  createService,
  EmbeddedSigner,
  type Identity,
  type JwksServer,
  serveJwks,
  openDatabase,
  vastOrganisatieRegister,
} from '@ketenregie/shared-platform';
import { describeEachDatabase } from '@ketenregie/shared-testing';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { AppModule } from './app.module';
import { VerwerkingslogAnkeraar } from './verwerkingslog-ankeraar';
import { consentServiceConfigSchema } from './consent-service.config';

/** Records what the service tells the lifecycle workflows. */
class OpgenomenLevenscyclus implements ToestemmingLevenscyclusPoort {
  readonly gestarte: string[] = [];
  readonly beeindigde: IntrekkingSignaal[] = [];
  async gestart(t: Toestemming): Promise<void> {
    this.gestarte.push(t.id);
  }
  async beeindigd(signaal: IntrekkingSignaal): Promise<void> {
    this.beeindigde.push(signaal);
  }
}

const coachGemeente: Identity = { sub: 'mw-coach-1', organisatie: 'gemeente-helmond', organisatieType: 'gemeente', rol: 'klantmanager' };
const fg: Identity = { sub: 'mw-fg-1', organisatie: 'gemeente-helmond', organisatieType: 'gemeente', rol: 'fg' };
const stuurgroeplid: Identity = { sub: 'mw-sg-1', organisatie: 'senzer', organisatieType: 'uitvoerder', rol: 'stuurgroeplid' };
const ggz = { organisatie: 'ggz-oost-brabant', type: 'ggz' } as const;

describeEachDatabase('consent-service', (db) => {
  // An inner block, so the service closes its connections before the database is dropped.
  describe('over HTTP and through the use cases', () => {
    let app: INestApplication;
    let base: string;
    let jwks: JwksServer;
    let signer: EmbeddedSigner;
    let keyDir: string;
    let schema: string;
    const levenscyclus = new OpgenomenLevenscyclus();
    const tokens = new Map<string, string>();

    /** A professional, or a service acting for one (a service token: the services write the processing log). */
    async function call<T>(wie: Identity | { dienst: Identity }, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
      const sleutel = 'dienst' in wie ? `dienst:${wie.dienst.sub}` : wie.sub;
      let token = tokens.get(sleutel);
      if (!token) {
        token = 'dienst' in wie ? await signer.signServiceToken({ clientId: 'ketenregie-exchange-service', namens: wie.dienst }) : await signer.sign(wie);
        tokens.set(sleutel, token);
      }
      const res = await fetch(`${base}/api/v1${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      const type = res.headers.get('content-type') ?? '';
      return { status: res.status, type, body: (type.includes('json') ? JSON.parse(text) : text) as T };
    }

    async function sql<T>(query: string, params: unknown[] = []): Promise<T[]> {
      const client = new Client({ connectionString: db.url });
      await client.connect();
      try {
        return (await client.query(query, params)).rows as T[];
      } finally {
        await client.end();
      }
    }

    beforeAll(async () => {
      keyDir = await mkdtemp(join(tmpdir(), 'consent-service-spec-'));
      signer = await EmbeddedSigner.loadOrCreate({ dataDir: keyDir });
      jwks = await serveJwks(signer);
      const config = consentServiceConfigSchema.parse({
        DATABASE_URL: db.url,
        PORT: '0',
        LOG_LEVEL: 'silent',
        AUTH_JWKS_URL: jwks.url,
        CONSENT_LOG_ANKER_MAP: await mkdtemp(join(tmpdir(), 'consent-ankers-')),
      });
      schema = db.schema;
      app = await createService(
        AppModule.register(config, {
          register: vastOrganisatieRegister({ 'gemeente-helmond': 'gemeente', 'ggz-oost-brabant': 'ggz', senzer: 'uitvoerder' }),
          // The traject context as it answers for the gemeente that registered every deelnemer here.
          betrokkenheid: { bijDeelnemer: async () => ['aanmelder', 'regievoerder'], inTraject: async () => undefined },
          levenscyclus,
          schema,
        }),
        { name: 'consent-service', port: 0, logLevel: 'silent', shutdownHooks: false },
      );
      await app.listen(0, '127.0.0.1');
      base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    }, 120_000);

    afterAll(async () => {
      await app?.close();
      await jwks?.close();
      await rm(keyDir, { recursive: true, force: true });
    });

    it("declares the processing register's shape in its OpenAPI document and answers the fg in it", async () => {
      const document = (await (await fetch(`${base}/openapi.json`)).json()) as {
        paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }> }>>;
      };
      expect(document.paths['/api/v1/verwerkingsregister']?.['get']?.responses['200']?.content?.['application/json']?.schema?.$ref).toBe(
        '#/components/schemas/VerwerkingsregisterDto',
      );
      const register = await call(fg, 'GET', '/verwerkingsregister');
      expect(register.status).toBe(200);
      expect(verwerkingsregisterSchema.parse(register.body).versies.length).toBeGreaterThan(0);
    });

    it('e2e: consent → permit → disclosure logged → withdrawal → deny → inzage in order → a direct edit fails verification', async () => {
      const deelnemerId = randomUUID();
      const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

      const gegeven = await call<ToestemmingDto>(coachGemeente, 'POST', '/toestemmingen', {
        deelnemerId,
        verlener: { soort: 'deelnemer' },
        doel: 'verwijzing-ggz',
        categorieen: ['contact', 'gezondheid'],
        bronnen: [{ soort: 'type', type: 'gemeente' }],
        ontvangers: [{ soort: 'organisatie', organisatie: ggz.organisatie }],
        geldigTot: '2099-01-01T00:00:00.000Z',
        bewijs: { soort: 'ondertekend-formulier', documentId: 'scan-2026-001' },
      });
      expect(gegeven.status).toBe(201);
      expect(gegeven.body).toMatchObject({ status: 'gegeven', historie: [{ status: 'gegeven', door: 'mw-coach-1' }] });
      expect(levenscyclus.gestarte).toContain(gegeven.body.id);

      const verzoek = { deelnemerId, ontvanger: ggz, doel: 'verwijzing-ggz', categorieen: ['gezondheid', 'contact'] };
      const toegestaan = await call<BesluitDto>(coachGemeente, 'POST', '/besluiten', verzoek, { traceparent });
      expect(toegestaan.status).toBe(200);
      expect(toegestaan.body).toMatchObject({
        uitkomst: 'toegestaan',
        bron: { organisatie: 'gemeente-helmond', type: 'gemeente' },
        verwerkingsactiviteit: { id: 'va-verwijzing-ggz' },
        traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      });
      expect(toegestaan.body.categorieen[0]).toMatchObject({
        categorie: 'gezondheid',
        verleendOp: ['toestemming'],
        wettelijk: { status: 'geen-grondslag' },
        toestemming: { status: 'verleend', toestemmingen: [gegeven.body.id] },
      });

      const melding = {
        traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
        spanId: 'a1b2c3d4e5f60718',
        handeling: 'verstrekking',
        deelnemerId,
        ontvanger: ggz,
        doel: 'verwijzing-ggz',
        categorieen: ['gezondheid', 'contact'],
        besluitId: toegestaan.body.id,
      };
      // Only the services write the processing log (finding 4): a professional's own token is refused.
      expect(await call<{ code: string }>(coachGemeente, 'POST', '/verwerkingen', melding)).toMatchObject({ status: 403, body: { code: 'AUTH.SERVICE_ONLY' } });
      const gemeld = await call<{ volgnummer: number }>({ dienst: coachGemeente }, 'POST', '/verwerkingen', {
        traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
        spanId: 'a1b2c3d4e5f60718',
        handeling: 'verstrekking',
        deelnemerId,
        ontvanger: ggz,
        doel: 'verwijzing-ggz',
        categorieen: ['gezondheid', 'contact'],
        besluitId: toegestaan.body.id,
      });
      expect(gemeld.status).toBe(201);
      // The receiver reads what was disclosed, citing the decision: re-checked against the consents now.
      const behandelaar: Identity = { sub: 'b-1', organisatie: ggz.organisatie, organisatieType: 'ggz', rol: 'behandelaar' };
      const lezing = (spanId: string) => ({
        traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
        spanId,
        handeling: 'raadpleging',
        deelnemerId,
        doel: 'verwijzing-ggz',
        categorieen: ['gezondheid'],
        besluitId: toegestaan.body.id,
      });
      expect((await call({ dienst: behandelaar }, 'POST', '/verwerkingen', lezing('a1b2c3d4e5f6071a'))).status).toBe(201);

      const intrekking = await call<ToestemmingDto>(coachGemeente, 'POST', `/toestemmingen/${gegeven.body.id}/intrekking`, {
        reden: 'deelnemer wil dit niet meer',
      });
      expect(intrekking.status).toBe(200);
      expect(intrekking.body.status).toBe('ingetrokken');
      expect(levenscyclus.beeindigde).toContainEqual(expect.objectContaining({ toestemmingId: gegeven.body.id, reden: 'ingetrokken' }));

      const naIntrekking = await call<{ code: string }>({ dienst: coachGemeente }, 'POST', '/verwerkingen', {
        traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
        spanId: 'a1b2c3d4e5f60719',
        handeling: 'verstrekking',
        deelnemerId,
        ontvanger: ggz,
        doel: 'verwijzing-ggz',
        categorieen: ['gezondheid'],
        besluitId: toegestaan.body.id,
      });
      expect(naIntrekking.status).toBe(403);
      expect(naIntrekking.body.code).toBe('CONSENT.DISCLOSURE_NOT_PERMITTED');
      // The withdrawal stops the receiver's reads at once, even if it has not reached the handover.
      expect(await call<{ code: string }>({ dienst: behandelaar }, 'POST', '/verwerkingen', lezing('a1b2c3d4e5f6071b'))).toMatchObject({
        status: 403,
        body: { code: 'CONSENT.READ_NOT_PERMITTED' },
      });

      const geweigerd = await call<BesluitDto>(coachGemeente, 'POST', '/besluiten', verzoek);
      expect(geweigerd.body.uitkomst).toBe('geweigerd');
      expect(geweigerd.body.categorieen[0]).toMatchObject({
        uitkomst: 'geweigerd',
        weigerreden: 'GEEN_GRONDSLAG_OF_TOESTEMMING',
        toestemming: { status: 'geen', afgewezen: [{ toestemmingId: gegeven.body.id, reden: 'INGETROKKEN' }] },
      });

      const inzage = await call<InzageDto>(coachGemeente, 'GET', `/deelnemers/${deelnemerId}/inzage`);
      expect(inzage.status).toBe(200);
      expect(inzage.body.toestemmingen.map((t) => t.historie.map((h) => h.status))).toEqual([['gegeven', 'ingetrokken']]);
      expect(inzage.body.verwerkingen.map((v) => [v.handeling, v.status])).toEqual([
        ['toestemming-gegeven', 'ok'],
        ['besluit', 'ok'],
        ['verstrekking', 'ok'],
        ['raadpleging', 'ok'],
        ['toestemming-ingetrokken', 'ok'],
        ['besluit', 'geweigerd'],
      ]);
      expect(inzage.body.verwerkingen[1]).toMatchObject({
        organisatie: 'gemeente-helmond',
        ontvanger: ggz.organisatie,
        verwerkingsactiviteit: { naam: 'Verwijzing naar en terugkoppeling met de GGZ' },
      });
      const tijden = inzage.body.verwerkingen.map((v) => v.tijdstip);
      expect([...tijden].sort()).toEqual(tijden);

      const html = await call<string>(coachGemeente, 'GET', `/deelnemers/${deelnemerId}/inzage?formaat=html`);
      expect(html.type).toContain('text/html');
      expect(html.body).toContain('Toestemming ingetrokken');
      expect(html.body).not.toContain('<script');

      const rows = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM "${schema}".verwerking WHERE row_to_json(verwerking)::text LIKE $1`, [
        `%${deelnemerId}%`,
      ]);
      expect(rows).toEqual([{ n: 0 }]);

      expect((await call<VerificatieDto>(fg, 'GET', '/verwerkingen/verificatie')).body).toMatchObject({ geldig: true });
      // The heads signed into the FG's directory: verification checks against them from now on.
      expect(await app.get(VerwerkingslogAnkeraar).veranker()).toMatch(/anker-.*\.json$/);
      expect((await call<VerificatieDto>(fg, 'GET', '/verwerkingen/verificatie')).body).toMatchObject({ geldig: true, anker: { geldig: true } });
      const pagina = await call<{ regels: { betrokkene: string }[]; volgende?: unknown }>(fg, 'GET', '/verwerkingen?limiet=2');
      expect(pagina.body.regels).toHaveLength(2);
      expect(pagina.body.volgende).toBeDefined();
      expect(JSON.stringify(pagina.body)).not.toContain(deelnemerId);
      expect((await call(coachGemeente, 'GET', '/verwerkingen')).status).toBe(403);
      const tweede = inzage.body.verwerkingen[1] as { keten: number; volgnummer: number };
      const bewerking = `UPDATE "${schema}".verwerking SET organisatie = 'iemand-anders' WHERE keten = $1 AND volgnummer = $2`;
      await expect(sql(bewerking, [tweede.keten, tweede.volgnummer])).rejects.toThrow(/append-only/);
      await sql(`ALTER TABLE "${schema}".verwerking DISABLE TRIGGER verwerking_append_only`);
      await sql(bewerking, [tweede.keten, tweede.volgnummer]);
      await sql(`ALTER TABLE "${schema}".verwerking ENABLE TRIGGER verwerking_append_only`);
      const verificatie = await call<VerificatieDto>(fg, 'GET', '/verwerkingen/verificatie');
      expect(verificatie.body).toMatchObject({ geldig: false, breuk: { keten: tweede.keten, volgnummer: tweede.volgnummer, reden: 'HASH_ONJUIST' } });
    }, 60_000);

    it('publishes consents given and withdrawn to the feed monitor-service reads: once each, codes only, service token only', async () => {
      const feed = await call<{ gebeurtenissen: { id: string; type: string; subject: string; data: Record<string, unknown> }[]; laatste: number }>(
        { dienst: coachGemeente },
        'GET',
        '/toestemming-gebeurtenissen?na=0',
      );
      expect(feed.status).toBe(200);
      const typen = feed.body.gebeurtenissen.map((e) => e.type);
      expect(typen).toContain('nl.ketenregie.toestemming.gegeven');
      expect(typen).toContain('nl.ketenregie.toestemming.ingetrokken');
      for (const e of feed.body.gebeurtenissen) expect(Object.keys(e.data).sort()).toEqual(['doel', 'organisatie']);
      expect(new Set(feed.body.gebeurtenissen.map((e) => e.id)).size).toBe(feed.body.gebeurtenissen.length);
      const verder = await call<{ gebeurtenissen: unknown[] }>({ dienst: coachGemeente }, 'GET', `/toestemming-gebeurtenissen?na=${feed.body.laatste}`);
      expect(verder.body.gebeurtenissen).toEqual([]);
      expect((await call(coachGemeente, 'GET', '/toestemming-gebeurtenissen')).status).toBe(403);
    });

    it('race: 1,000 concurrent decisions while the consent is withdrawn midway; none timestamped after the withdrawal permits', async () => {
      const toestemmingen = app.get(ToestemmingService);
      const besluiten = app.get(BesluitService);
      const deelnemerId = randomUUID();
      const aanroep = { traceId: '0af7651916cd43dd8448eb211c80319c' };
      const t = await toestemmingen.geef(
        {
          deelnemerId,
          verlener: { soort: 'deelnemer' },
          doel: 'verwijzing-ggz',
          categorieen: ['gezondheid'],
          bronnen: [{ soort: 'type', type: 'gemeente' }],
          ontvangers: [{ soort: 'type', type: 'ggz' }],
          geldigTot: new Date('2099-01-01T00:00:00.000Z'),
          bewijs: { soort: 'digitaal-ondertekend', ondertekeningId: 'sig-1' },
        },
        coachGemeente,
        aanroep,
      );
      const verzoek = { deelnemerId, ontvanger: ggz, doel: 'verwijzing-ggz', categorieen: ['gezondheid' as const] };
      const besluit = () => besluiten.besluit(verzoek, coachGemeente, aanroep);

      // The withdrawal goes through a second replica (its own pool and queue), so only the
      // database's locks order it against the decisions of the first.
      const replica = await openDatabase({ url: db.url, schema, migrations: CONSENT_MIGRATIONS, poolSize: 2 });
      const tweedeOpslag = consentRepositories(replica, embeddedKetenSleutels(), { gelijktijdig: 1 });
      const tweedeReplica = new ToestemmingService(
        tweedeOpslag.transacties,
        tweedeOpslag.levenscyclusOutbox,
        app.get(PSEUDONIMISEERDER),
        levenscyclus,
        app.get(RegisterService),
      );
      let ingetrokken: Toestemming;
      let lijst: GenomenBesluit[];
      try {
        const eerste = Array.from({ length: 500 }, besluit);
        await Promise.all(eerste.slice(0, 100));
        const intrekking = tweedeReplica.trekIn(t.id, coachGemeente, undefined, aanroep);
        const tweede = Array.from({ length: 500 }, besluit);
        [ingetrokken, lijst] = await Promise.all([intrekking, Promise.all([...eerste, ...tweede])]);
      } finally {
        await replica.destroy();
      }
      const ingetrokkenOp = ingetrokken.historie[1]?.op as Date;

      expect(lijst).toHaveLength(1000);
      const na = lijst.filter((b) => b.besluit.op >= ingetrokkenOp);
      const voor = lijst.filter((b) => b.besluit.op < ingetrokkenOp);
      expect(na.every((b) => b.besluit.categorieen[0]?.uitkomst === 'geweigerd')).toBe(true);
      expect(voor.every((b) => b.besluit.categorieen[0]?.uitkomst === 'toegestaan')).toBe(true);
      // The withdrawal really landed midway.
      expect(voor.length).toBeGreaterThan(0);
      expect(na.length).toBeGreaterThan(0);
      console.log(`race: ${voor.length} decisions before the withdrawal permitted, ${na.length} after it denied`);

      // The same statement, asked of the database: no stored decision at or after the withdrawal permits.
      const [{ n }] = (await sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM "${schema}".besluit b JOIN "${schema}".toestemming_status s ON s.toestemming_id = $1 AND s.status = 'ingetrokken'
         WHERE b.deelnemer_id = $2 AND b.op >= s.op AND b.uitkomst <> 'geweigerd'`,
        [t.id, deelnemerId],
      )) as [{ n: number }];
      expect(n).toBe(0);
    }, 300_000);

    it('lifecycle activities: reminder once in the coach list, expiry recorded at the end, a repeated call reports the recorded end', async () => {
      const activiteiten = asActivities(new ConsentActiviteitenService(app.get(ToestemmingService)));
      const deelnemerId = randomUUID();
      const geldigTot = new Date(Date.now() + 1500).toISOString();
      const t = await call<ToestemmingDto>(coachGemeente, 'POST', '/toestemmingen', {
        deelnemerId,
        verlener: { soort: 'deelnemer' },
        doel: 'verwijzing-ggz',
        categorieen: ['gezondheid'],
        bronnen: [{ soort: 'type', type: 'gemeente' }],
        ontvangers: [{ soort: 'type', type: 'ggz' }],
        geldigTot,
        bewijs: { soort: 'ondertekend-formulier', documentId: 'scan-7' },
      });
      await activiteiten.remindCoach({ toestemmingId: t.body.id, coach: coachGemeente.sub, geldigTot });
      await activiteiten.remindCoach({ toestemmingId: t.body.id, coach: coachGemeente.sub, geldigTot });
      const lijst = await call<{ toestemmingId: string }[]>(coachGemeente, 'GET', '/herinneringen');
      expect(lijst.body.filter((h) => h.toestemmingId === t.body.id)).toEqual([
        { toestemmingId: t.body.id, deelnemerId, geldigTot, aangemaaktOp: expect.any(String) },
      ]);

      await expect(activiteiten.recordExpiry({ toestemmingId: t.body.id })).rejects.toThrow(/retry/);
      await new Promise((r) => setTimeout(r, Date.parse(geldigTot) - Date.now() + 50));
      expect(await activiteiten.recordExpiry({ toestemmingId: t.body.id })).toEqual({
        toestemmingId: t.body.id,
        reden: 'verlopen',
        op: geldigTot,
        doel: 'verwijzing-ggz',
        categorieen: ['gezondheid'],
      });
      expect(await activiteiten.recordExpiry({ toestemmingId: t.body.id })).toMatchObject({ reden: 'verlopen' });
      const inzage = await call<InzageDto>(coachGemeente, 'GET', `/deelnemers/${deelnemerId}/inzage`);
      expect(inzage.body.verwerkingen.map((v) => v.handeling)).toEqual(['toestemming-gegeven', 'toestemming-verlopen']);
      expect((await call<unknown[]>(coachGemeente, 'GET', '/herinneringen')).body).not.toContainEqual(expect.objectContaining({ toestemmingId: t.body.id }));

      await expect(activiteiten.recordExpiry({ toestemmingId: randomUUID() })).rejects.toMatchObject({ type: 'CONSENT.NOT_FOUND', nonRetryable: true });
    }, 60_000);

    it('rejects a backdated withdrawal body, a role without the right, and verification by anyone but the FG', async () => {
      const deelnemerId = randomUUID();
      const t = await call<ToestemmingDto>(coachGemeente, 'POST', '/toestemmingen', {
        deelnemerId,
        verlener: { soort: 'deelnemer' },
        doel: 're-integratie',
        categorieen: ['contact'],
        bronnen: [{ soort: 'type', type: 'gemeente' }],
        ontvangers: [{ soort: 'type', type: 'wijkteam' }],
        geldigTot: '2099-01-01T00:00:00.000Z',
        bewijs: { soort: 'mondeling-met-getuige', getuige: 'mw-2', notitie: 'op kantoor' },
      });
      const terug = await call<{ status: number }>(coachGemeente, 'POST', `/toestemmingen/${t.body.id}/intrekking`, {
        ingetrokkenOp: '2020-01-01T00:00:00.000Z',
      });
      expect(terug.status).toBe(400);
      expect(terug.type).toContain('application/problem+json');
      expect((await call(stuurgroeplid, 'POST', '/toestemmingen', { ...t.body })).status).toBe(400);
      expect((await call(stuurgroeplid, 'GET', `/deelnemers/${deelnemerId}/inzage`)).status).toBe(403);
      expect((await call(coachGemeente, 'GET', '/verwerkingen/verificatie')).status).toBe(403);
      const tweemaal = await call<{ code: string }>(coachGemeente, 'POST', `/toestemmingen/${t.body.id}/intrekking`, {});
      expect(tweemaal.status).toBe(200);
      const nogmaals = await call<{ code: string }>(coachGemeente, 'POST', `/toestemmingen/${t.body.id}/intrekking`, {});
      expect(nogmaals.status).toBe(422);
      expect(nogmaals.body.code).toBe('CONSENT.NOT_ACTIVE');
      const onbekendDoel = await call<{ code: string }>(coachGemeente, 'POST', '/toestemmingen', {
        deelnemerId,
        verlener: { soort: 'deelnemer' },
        doel: 'marketing',
        categorieen: ['contact'],
        bronnen: [{ soort: 'type', type: 'gemeente' }],
        ontvangers: [{ soort: 'type', type: 'wijkteam' }],
        geldigTot: '2099-01-01T00:00:00.000Z',
        bewijs: { soort: 'ondertekend-formulier', documentId: 'x' },
      });
      expect(onbekendDoel.body.code).toBe('CONSENT.PURPOSE_UNKNOWN');
    }, 60_000);

    it('previews the release profile of a recipient type before a handover: fields and what needs consent, for professionals and the FG only', async () => {
      type Profiel = { ontvangerType: string; categorieen: { categorie: string; regime: string; velden: string[] }[] };
      const ggzProfiel = await call<Profiel[]>(coachGemeente, 'GET', '/vrijgaveprofielen?doel=warme-overdracht&ontvangerType=ggz');
      expect(ggzProfiel.status).toBe(200);
      expect(ggzProfiel.body).toHaveLength(1);
      const gezondheid = ggzProfiel.body[0]?.categorieen.find((c) => c.categorie === 'gezondheid');
      expect(gezondheid).toMatchObject({ regime: 'toestemming' });
      expect(gezondheid?.velden).toContain('behandelstatus');
      const alle = await call<Profiel[]>(fg, 'GET', '/vrijgaveprofielen');
      expect(alle.body.map((p) => p.ontvangerType)).toEqual(['gemeente', 'uitvoerder', 'werkgever', 'ggz', 'schuldhulp', 'wijkteam']);
      expect(alle.body.find((p) => p.ontvangerType === 'uitvoerder')?.categorieen.find((c) => c.categorie === 'contact')?.regime).toBe('wettelijke-grondslag');
      expect((await call(stuurgroeplid, 'GET', '/vrijgaveprofielen')).status).toBe(403);
      expect((await call(coachGemeente, 'GET', '/vrijgaveprofielen?ontvangerType=bakkerij')).status).toBe(400);
    }, 60_000);
  });
});
