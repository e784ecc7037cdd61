/**
 * traject-service over HTTP, with the real traject workflow on our dev server (time skipping)
 * and the real activities writing projections, timeline and tasks into the same database.
 * consent-service's processing log is a local HTTP endpoint that checks each report against the
 * consent contract and records it (the whole stack with the real one is tests/e2e).
 */
import { addMonths, amsterdamDate } from '@ketenregie/shared-kernel';
import type { INestApplication } from '@nestjs/common';
import { VERWERKINGEN_PATH, verwerkingMeldingSchema } from '@ketenregie/consent-contracts';
import type { VerwerkingMeldingDto } from '@ketenregie/consent-contracts';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createService, EmbeddedSigner, type Identity, type JwksServer, SERVICE_SCOPE, serveJwks, vastOrganisatieRegister } from '@ketenregie/shared-platform';
import { decodeJwt } from 'jose';
import { openDatabase } from '@ketenregie/shared-platform';
import { describeEachDatabase, eventually } from '@ketenregie/shared-testing';
import { DEELNEMER_OPSLAG, TRAJECT_OPSLAG, TrajectActiviteitenService, TrajectService } from '@ketenregie/traject-application';
import { DEMO_COACH, zaaiDemoTrajecten } from '../seed/demo-trajecten';
import {
  deelnemerWeergaveSchema,
  programmaLijstSchema,
  signalenSchema,
  takenSchema,
  TRAJECT_TASK_QUEUE,
  trajectBetrokkenheidSchema,
  trajectenPaginaSchema,
  trajectOverzichtenSchema,
  trajectOverzichtSchema,
  trajectVerloopSchema,
} from '@ketenregie/traject-contracts';
import type { DeelnemerWeergave, OpdrachtResultaat, TrajectOverzicht } from '@ketenregie/traject-contracts';
import { TRAJECT_MIGRATIONS, type SqlDeelnemerRepository, SqlTakenRepository, SqlTrajectRepository } from '@ketenregie/traject-data-access';
import { isWorkingDay } from '@ketenregie/shared-kernel';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { TsconfigPathsPlugin } from 'tsconfig-paths-webpack-plugin';
import type { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { TemporalTrajectWorkflows } from './temporal-traject-workflows';
import { trajectServiceConfigSchema } from './traject-service.config';

const ROOT = join(__dirname, '..', '..', '..', '..');
const LAUNCHER = join(ROOT, 'infra', 'temporal-dev-server', 'bin', 'temporal-dev-server');

const klantmanager: Identity = { sub: 'km-1', organisatie: 'gemeente-den-bosch', organisatieType: 'gemeente', rol: 'klantmanager' };
const coach: Identity = { sub: 'coach-1', organisatie: 'weener-xl', organisatieType: 'uitvoerder', rol: 'coach' };
const werkgever: Identity = { sub: 'wg-1', organisatie: 'werkgever-x', organisatieType: 'werkgever', rol: 'jobcoach' };
/** The organisation registry as monitor-service would answer it. */
const REGISTER = vastOrganisatieRegister(
  {
    'gemeente-den-bosch': 'gemeente',
    'gemeente-dommeldal': 'gemeente',
    'weener-xl': 'uitvoerder',
    'werkbrug-dommeldal': 'uitvoerder',
    'werkgever-x': 'werkgever',
  },
  { 'gemeente-den-bosch': "Gemeente 's-Hertogenbosch", 'weener-xl': 'Weener XL' },
);

describeEachDatabase('traject-service', (db) => {
  describe('over HTTP with the traject workflow on the dev server', () => {
    let env: TestWorkflowEnvironment;
    let worker: Worker;
    let workerRun: Promise<void>;
    let workerDs: DataSource;
    let app: INestApplication;
    let base: string;
    let jwks: JwksServer;
    let signer: EmbeddedSigner;
    let keyDir: string;
    const tokens = new Map<string, string>();
    let consent: Server;
    /** What reached the processing log, with the headers it came with. */
    const verwerkingen: { melding: VerwerkingMeldingDto; authorization?: string; traceparent?: string }[] = [];
    /** While set, the processing log answers 503 (consent-service unavailable). */
    let logWeigert = false;

    async function call<T>(identity: Identity, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
      let token = tokens.get(identity.sub);
      if (!token) {
        token = await signer.sign(identity);
        tokens.set(identity.sub, token);
      }
      const res = await fetch(`${base}/api/v1${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      return { status: res.status, type: res.headers.get('content-type') ?? '', body: (text ? JSON.parse(text) : undefined) as T, token };
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

    const vandaag = async () => amsterdamDate(await env.currentTimeMs());

    /** Registers a deelnemer and starts a FIP traject led by the klantmanager's gemeente, coached by the coach's uitvoerder. */
    async function startFip(
      bsn: string,
      persoon: { voornamen: string; achternaam: string; geboortedatum: string },
    ): Promise<{ deelnemerId: string; trajectId: string }> {
      const d = await call<{ id: string }>(klantmanager, 'POST', '/deelnemers', { bsn, ...persoon });
      expect(d.status).toBe(201);
      const t = await call<{ id: string }>(klantmanager, 'POST', '/trajecten', {
        deelnemerId: d.body.id,
        programmaCode: 'fip',
        regie: { regievoerderId: klantmanager.sub, organisatieId: klantmanager.organisatie },
        coach: { coachId: coach.sub, organisatieId: coach.organisatie },
        aanmeldreden: 'activering',
      });
      expect(t.status).toBe(201);
      return { deelnemerId: d.body.id, trajectId: t.body.id };
    }

    beforeAll(async () => {
      env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: LAUNCHER } } });
      workerDs = await openDatabase({ url: db.url, schema: db.schema, migrations: TRAJECT_MIGRATIONS });
      const activiteiten = new TrajectActiviteitenService(new SqlTrajectRepository(workerDs), new SqlTakenRepository(workerDs));
      const workflowBundle = await bundleWorkflowCode({
        workflowsPath: join(ROOT, 'workflows', 'traject', 'src', 'index.ts'),
        webpackConfigHook: (config) => ({
          ...config,
          resolve: {
            ...config.resolve,
            plugins: [...(config.resolve?.plugins ?? []), new TsconfigPathsPlugin({ configFile: join(ROOT, 'tsconfig.base.json') })],
          },
        }),
      });
      worker = await Worker.create({
        connection: env.nativeConnection,
        taskQueue: TRAJECT_TASK_QUEUE,
        workflowBundle,
        activities: {
          createTask: (i) => activiteiten.createTask(i),
          signalOverdue: (i) => activiteiten.signalOverdue(i),
          escalate: (i) => activiteiten.escalate(i),
          closeTask: (i) => activiteiten.closeTask(i),
          transferTasks: (i) => activiteiten.transferTasks(i),
          notify: (i) => activiteiten.notify(i),
          recordTimeline: (i) => activiteiten.recordTimeline(i),
          updateProjection: (i) => activiteiten.updateProjection(i),
          applyOutcome: (i) => activiteiten.applyOutcome(i),
        } satisfies Record<keyof TrajectActiviteitenService, (i: never) => Promise<void>>,
      });
      workerRun = worker.run();

      consent = createServer((req, res) => {
        let raw = '';
        req.on('data', (chunk) => (raw += chunk));
        req.on('end', () => {
          const melding = req.method === 'POST' && req.url === VERWERKINGEN_PATH ? verwerkingMeldingSchema.safeParse(JSON.parse(raw || '{}')) : undefined;
          if (!melding?.success) return void res.writeHead(400).end();
          if (logWeigert) return void res.writeHead(503).end();
          verwerkingen.push({ melding: melding.data, authorization: req.headers.authorization, traceparent: String(req.headers.traceparent) });
          res.writeHead(201, { 'content-type': 'application/json' }).end('{}');
        });
      });
      await new Promise<void>((resolve) => consent.listen(0, '127.0.0.1', resolve));

      keyDir = await mkdtemp(join(tmpdir(), 'traject-service-spec-'));
      signer = await EmbeddedSigner.loadOrCreate({ dataDir: keyDir });
      jwks = await serveJwks(signer);
      const config = trajectServiceConfigSchema.parse({
        DATABASE_URL: db.url,
        PORT: '0',
        LOG_LEVEL: 'silent',
        AUTH_JWKS_URL: jwks.url,
        CONSENT_SERVICE_URL: `http://127.0.0.1:${(consent.address() as AddressInfo).port}`,
        // The service signs its own service tokens with the key the test's issuer uses.
        KETENREGIE_DATA_DIR: keyDir,
      });
      app = await createService(AppModule.register(config, { workflows: new TemporalTrajectWorkflows(env.client), schema: db.schema, register: REGISTER }), {
        name: 'traject-service',
        port: 0,
        logLevel: 'silent',
        shutdownHooks: false,
      });
      await app.listen(0, '127.0.0.1');
      base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    }, 180_000);

    afterAll(async () => {
      await app?.close();
      await jwks?.close();
      await new Promise((resolve) => consent?.close(resolve));
      await rm(keyDir, { recursive: true, force: true });
      for (const { id } of await sql<{ id: string }>(`SELECT workflow_id AS id FROM "${db.schema}".traject`).catch(() => [])) {
        await env.client.workflow
          .getHandle(id)
          .terminate('test finished')
          .catch(() => undefined);
      }
      worker?.shutdown();
      await workerRun;
      await workerDs?.destroy();
      await env?.teardown();
    });

    it("erasure by the gemeente's fg: logged first, refused while a traject runs, then the deelnemer is gone for everyone and stays gone", async () => {
      const fg: Identity = { sub: 'fg-1', organisatie: 'gemeente-den-bosch', organisatieType: 'gemeente', rol: 'fg' };
      const persoon = { voornamen: 'Wies', achternaam: 'Wissink', geboortedatum: '1975-05-05' };
      const d = await call<{ id: string }>(klantmanager, 'POST', '/deelnemers', { bsn: '100000009', ...persoon });
      expect(d.status).toBe(201);
      const ander = await call<{ id: string }>(klantmanager, 'POST', '/deelnemers', { bsn: '100000010', ...persoon, achternaam: 'Blijft' });
      expect((await call(coach, 'POST', `/deelnemers/${d.body.id}/wissing`, { grond: 'verzoek-betrokkene' })).status).toBe(403);
      expect((await call(klantmanager, 'POST', `/deelnemers/${d.body.id}/wissing`, { grond: 'verzoek-betrokkene' })).status).toBe(403);
      // The worker's retention workflow erases with a service token: only for the end of the retention
      // period, and only acting for the fg of the gemeente that registered the deelnemer.
      const alsDienst = async (id: string, namens: Identity, grond: string) =>
        call<{ code: string }>(
          fg,
          'POST',
          `/deelnemers/${id}/wissing`,
          { grond },
          {
            authorization: `Bearer ${await signer.signServiceToken({ clientId: 'ketenregie-worker', namens })}`,
          },
        );
      const fgElders: Identity = { ...fg, sub: 'fg-2', organisatie: 'gemeente-dommeldal' };
      expect(await alsDienst(d.body.id, fg, 'verzoek-betrokkene')).toMatchObject({ status: 403, body: { code: 'TRAJECT.FORBIDDEN' } });
      expect(await alsDienst(d.body.id, fgElders, 'bewaartermijn-verstreken')).toMatchObject({ status: 403, body: { code: 'TRAJECT.FORBIDDEN' } });
      // The fg of another gemeente does not erase this deelnemer in person either.
      expect(await call(fgElders, 'POST', `/deelnemers/${d.body.id}/wissing`, { grond: 'verzoek-betrokkene' })).toMatchObject({
        status: 403,
        body: { code: 'TRAJECT.FORBIDDEN' },
      });
      expect((await call(klantmanager, 'GET', `/deelnemers/${d.body.id}`)).status).toBe(200);
      const vervallen = await call<{ id: string }>(klantmanager, 'POST', '/deelnemers', { bsn: '100000034', ...persoon, achternaam: 'Vervallen' });
      expect((await alsDienst(vervallen.body.id, fg, 'bewaartermijn-verstreken')).status).toBe(200);
      expect((await call(klantmanager, 'GET', `/deelnemers/${vervallen.body.id}`)).status).toBe(404);
      // The log cannot be written: nothing is erased.
      logWeigert = true;
      try {
        expect((await call(fg, 'POST', `/deelnemers/${d.body.id}/wissing`, { grond: 'verzoek-betrokkene' })).status).toBe(503);
      } finally {
        logWeigert = false;
      }
      expect((await call(klantmanager, 'GET', `/deelnemers/${d.body.id}`)).status).toBe(200);
      const gewist = await call<{ sleutels: number }>(fg, 'POST', `/deelnemers/${d.body.id}/wissing`, { grond: 'verzoek-betrokkene' });
      expect(gewist.status).toBe(200);
      expect(gewist.body.sleutels).toBeGreaterThanOrEqual(1);
      expect(verwerkingen.filter((v) => v.melding.handeling === 'wissing' && v.melding.deelnemerId === d.body.id)).toHaveLength(1);
      expect((await call(klantmanager, 'GET', `/deelnemers/${d.body.id}`)).status).toBe(404);
      expect((await call(fg, 'POST', `/deelnemers/${d.body.id}/wissing`, { grond: 'verzoek-betrokkene' })).status).toBe(404);
      // Registering the same BSN again makes a new deelnemer: the old row no longer matches it.
      const opnieuw = await call<{ id: string }>(klantmanager, 'POST', '/deelnemers', { bsn: '100000009', ...persoon });
      expect(opnieuw.body.id).not.toBe(d.body.id);
      expect((await call<{ achternaam: string }>(klantmanager, 'GET', `/deelnemers/${ander.body.id}`)).body.achternaam).toBe('Blijft');

      const { deelnemerId } = await startFip('100000022', persoon);
      const lopend = await call<{ code: string }>(fg, 'POST', `/deelnemers/${deelnemerId}/wissing`, { grond: 'verzoek-betrokkene' });
      expect([lopend.status, lopend.body.code]).toEqual([422, 'TRAJECT.WISSING_LOPEND_TRAJECT']);
    });

    it("the codec endpoint (Temporal's codec server protocol) encodes and decodes for the fg only, and passes unencoded payloads through", async () => {
      const fg: Identity = { sub: 'fg-1', organisatie: 'gemeente-den-bosch', organisatieType: 'gemeente', rol: 'fg' };
      const b64 = (t: string) => Buffer.from(t).toString('base64');
      const payload = { metadata: { encoding: b64('json/plain') }, data: b64('{"plan":"schuldhulp"}') };
      expect((await call(coach, 'POST', '/codec/encode', { payloads: [payload] })).status).toBe(403);
      const enc = await call<{ payloads: { metadata: Record<string, string>; data: string }[] }>(fg, 'POST', '/codec/encode', { payloads: [payload] });
      expect(enc.status).toBe(200);
      const [versleuteld] = enc.body.payloads;
      expect(Buffer.from(versleuteld?.metadata['encoding'] ?? '', 'base64').toString()).toBe('binary/encrypted');
      expect(Buffer.from(versleuteld?.data ?? '', 'base64').toString('latin1')).not.toContain('schuldhulp');
      expect((await call(coach, 'POST', '/codec/decode', { payloads: [versleuteld] })).status).toBe(403);
      const dec = await call<{ payloads: unknown[] }>(fg, 'POST', '/codec/decode', { payloads: [versleuteld, payload] });
      expect(dec.body.payloads).toEqual([payload, payload]);
    });

    it('declares the response of every read in its OpenAPI document, and answers in that shape', async () => {
      const document = (await (await fetch(`${base}/openapi.json`)).json()) as {
        paths: Record<
          string,
          Record<string, { parameters?: { name: string; in: string }[]; responses: Record<string, { content?: Record<string, { schema?: unknown }> }> }>
        >;
        components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
      };
      const antwoord = (pad: string, methode: 'get' | 'post', status: string) => {
        const schema = document.paths[pad]?.[methode]?.responses[status]?.content?.['application/json']?.schema as
          { $ref?: string; items?: { $ref?: string } } | undefined;
        const ref = schema?.$ref ?? schema?.items?.$ref;
        return ref ? document.components.schemas[ref.replace('#/components/schemas/', '')] : undefined;
      };
      const verwacht: [string, 'get' | 'post', string, string][] = [
        ['/api/v1/programmas', 'get', '200', 'definitie'],
        ['/api/v1/programmas/{code}', 'get', '200', 'versies'],
        ['/api/v1/programmas/{code}/versies/{versie}', 'get', '200', 'definitie'],
        ['/api/v1/deelnemers', 'post', '201', 'id'],
        ['/api/v1/deelnemers/{id}', 'get', '200', 'trajecten'],
        ['/api/v1/deelnemers/{id}/trajecten', 'get', '200', 'volgendeTermijn'],
        ['/api/v1/trajecten', 'post', '201', 'overzicht'],
        ['/api/v1/trajecten', 'get', '200', 'paginas'],
        ['/api/v1/trajecten/{id}', 'get', '200', 'volgendeTermijn'],
        ['/api/v1/trajecten/{id}/betrokkenheid', 'get', '200', 'deelnemerId'],
        ['/api/v1/trajecten/{id}/verloop', 'get', '200', 'gebeurtenissen'],
        ['/api/v1/trajecten/{id}/tijdlijn', 'get', '200', 'gebeurtenissen'],
        ['/api/v1/taken', 'get', '200', 'taken'],
        ['/api/v1/signalen', 'get', '200', 'signalen'],
      ];
      for (const [pad, methode, status, veld] of verwacht)
        expect([pad, Object.keys(antwoord(pad, methode, status)?.properties ?? {})]).toEqual([pad, expect.arrayContaining([veld])]);
      // The list's filters and pages are declared as query parameters.
      expect(document.paths['/api/v1/trajecten']?.['get']?.parameters?.filter((p) => p.in === 'query').map((p) => p.name)).toEqual(
        expect.arrayContaining(['programma', 'fase', 'status', 'verlopen', 'pagina', 'perPagina']),
      );

      // What the service answers fits what it declares.
      const { deelnemerId, trajectId } = await startFip('100000046', { voornamen: 'Sam', achternaam: 'Schema', geboortedatum: '1980-01-01' });
      trajectOverzichtSchema.parse((await call(klantmanager, 'GET', `/trajecten/${trajectId}`)).body);
      trajectVerloopSchema.parse((await call(klantmanager, 'GET', `/trajecten/${trajectId}/verloop`)).body);
      trajectenPaginaSchema.parse((await call(klantmanager, 'GET', '/trajecten?perPagina=5')).body);
      deelnemerWeergaveSchema.parse((await call(klantmanager, 'GET', `/deelnemers/${deelnemerId}`)).body);
      trajectOverzichtenSchema.parse((await call(klantmanager, 'GET', `/deelnemers/${deelnemerId}/trajecten`)).body);
      trajectBetrokkenheidSchema.parse((await call(klantmanager, 'GET', `/trajecten/${trajectId}/betrokkenheid`)).body);
      programmaLijstSchema.parse((await call(klantmanager, 'GET', '/programmas')).body);
      takenSchema.parse((await call(coach, 'GET', '/taken')).body);
      signalenSchema.parse((await call(klantmanager, 'GET', '/signalen')).body);
    });

    it('lists the programmes as versioned data, the shipped catalogue among them', async () => {
      const r = await call<{ code: string; versie: number; definitie: { evaluatie: { intervalMaanden: number } } }[]>(klantmanager, 'GET', '/programmas');
      expect(r.status).toBe(200);
      expect(r.body.map((p) => `${p.code}@${p.versie}`)).toEqual(
        expect.arrayContaining(['maatwerktraject-den-bosch@1', 'fip@1', 'heemskerk-trede-1-2@1', 'aandacht-doet-bewegen@2']),
      );
      expect(r.body.find((p) => p.code === 'fip')?.definitie.evaluatie.intervalMaanden).toBe(3);
    });

    it('e2e: deelnemer (an invalid BSN stores nothing) → traject → intake → plan → evaluation → timeline and tasks', async () => {
      const persoon = { voornamen: 'Anna', achternaam: 'Jansen', geboortedatum: '1975-03-02', contact: { telefoon: '0612345678' } };
      const deelnemersVoor = await sql(`SELECT 1 FROM "${db.schema}".deelnemer`);
      const ongeldig = await call<{ code: string; errors: { field: string }[] }>(klantmanager, 'POST', '/deelnemers', { ...persoon, bsn: '123456789' });
      expect(ongeldig.status).toBe(400);
      expect(ongeldig.type).toContain('application/problem+json');
      expect(ongeldig.body.errors.map((e) => e.field)).toEqual(['bsn']);
      expect(await sql(`SELECT 1 FROM "${db.schema}".deelnemer`)).toHaveLength(deelnemersVoor.length);

      const deelnemer = await call<{ id: string }>(klantmanager, 'POST', '/deelnemers', { ...persoon, bsn: '111222333' });
      expect(deelnemer.status).toBe(201);
      const nogmaals = await call<{ id: string }>(klantmanager, 'POST', '/deelnemers', { ...persoon, bsn: '111222333' });
      expect({ status: nogmaals.status, body: nogmaals.body }).toEqual({ status: 201, body: { id: deelnemer.body.id } });

      const gestart = await call<{ id: string; overzicht: TrajectOverzicht }>(klantmanager, 'POST', '/trajecten', {
        deelnemerId: deelnemer.body.id,
        programmaCode: 'maatwerktraject-den-bosch',
        regie: { regievoerderId: klantmanager.sub, organisatieId: klantmanager.organisatie },
        coach: { coachId: coach.sub, organisatieId: coach.organisatie },
        aanmeldreden: 'activering',
      });
      expect(gestart.status).toBe(201);
      const id = gestart.body.id;
      expect(gestart.body.overzicht).toEqual(
        expect.objectContaining({ fase: 'contact-leggen', status: 'actief', regie: { regievoerderId: 'km-1', organisatieId: 'gemeente-den-bosch' } }),
      );
      const [wf] = await sql<{ workflow_id: string }>(`SELECT workflow_id FROM "${db.schema}".traject WHERE id = $1`, [id]);
      expect(wf.workflow_id).toBe(`traject-${id}`);

      expect((await call(werkgever, 'GET', `/trajecten/${id}`)).status).toBe(404);
      expect((await call(werkgever, 'POST', `/trajecten/${id}/pauze`, { reden: 'ziekte' })).status).toBe(404);

      const stap = async (sub: string, body: unknown, wie: Identity = coach) => {
        const r = await call<OpdrachtResultaat>(wie, 'POST', `/trajecten/${id}/${sub}`, body);
        expect(r.status).toBe(200);
        return r.body;
      };
      expect((await stap('contactpogingen', { kanaal: 'telefoon', uitkomst: 'afspraak-gemaakt' })).fase).toBe('kennismaking');
      await stap('contactmomenten', { vorm: 'huisbezoek', verschenen: true, minuten: 90 });
      const fout = await call<{ code: string; type: string }>(coach, 'POST', `/trajecten/${id}/evaluaties`, { besluit: 'doorgaan' });
      expect(fout.status).toBe(422);
      expect(fout.type).toContain('application/problem+json');
      expect(fout.body.code).toBe('TRAJECT.PHASE_INVALID');
      await stap('kennismaking', { klik: true });
      const d = await vandaag();
      const scorer = { rol: 'coach', professionalId: coach.sub };
      await stap('diagnose', {
        metingen: [
          { instrument: 'participatieladder', trede: 2, datum: d, scorer, instrumentVersie: 'participatieladder-6' },
          { instrument: 'zrm', datum: d, scorer, instrumentVersie: 'zrm-2017', relevanteDomeinen: ['financien'], scores: { financien: 2 } },
        ],
      });
      const plan = await stap('plan', {
        plan: {
          grow: { goal: 'vrijwilligerswerk', reality: 'thuis', options: 'kringloop', will: 'oriëntatie' },
          doelen: [
            {
              id: 'd1',
              omschrijving: 'twee dagdelen',
              smart: { specifiek: 's', meetbaar: 'm', actiegericht: 'a', realistisch: 'r', tijdgebonden: addMonths(d, 6) },
            },
          ],
          ondertekening: { datum: d, door: 'deelnemer' },
        },
      });
      expect(plan.fase).toBe('uitvoering');
      expect(plan.volgendeTermijn).toBeDefined();

      // Three months of contact moments, then the evaluation on its due date.
      const overzicht = await call<TrajectOverzicht>(klantmanager, 'GET', `/trajecten/${id}`);
      expect(overzicht.status).toBe(200);
      const evaluatieDatum = (await env.client.workflow.getHandle(`traject-${id}`).query<{ soort: string; vervalt: string }[]>('termijnen')).find(
        (t) => t.soort === 'evaluatie',
      )?.vervalt as string;
      while ((await vandaag()) < evaluatieDatum) {
        await env.sleep(10 * 86_400_000);
        if ((await vandaag()) <= evaluatieDatum) await stap('contactmomenten', { vorm: 'gesprek', verschenen: true });
      }
      const evaluatie = await stap('evaluaties', { besluit: 'doorgaan' });
      expect(evaluatie.gebeurtenissen.map((g) => g.soort)).toContain('evaluatie');

      const tijdlijn = await call<{ gebeurtenissen: { nr: number; soort: string }[] }>(coach, 'GET', `/trajecten/${id}/tijdlijn`);
      expect(tijdlijn.status).toBe(200);
      const soorten = tijdlijn.body.gebeurtenissen.map((g) => g.soort);
      for (const s of ['aangemeld', 'contactpoging', 'kennismaking-afgerond', 'meting', 'plan-vastgesteld', 'plan-ondertekend', 'evaluatie'])
        expect(soorten).toContain(s);
      expect(soorten.indexOf('aangemeld')).toBeLessThan(soorten.indexOf('evaluatie'));

      await eventually(async () => {
        const o = await call<TrajectOverzicht>(klantmanager, 'GET', `/trajecten/${id}`);
        expect(o.body).toEqual(expect.objectContaining({ fase: 'uitvoering', evaluaties: 1 }));
        const rijen = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM "${db.schema}".tijdlijn_gebeurtenis WHERE traject_id = $1`, [id]);
        expect(rijen[0].n).toBe(tijdlijn.body.gebeurtenissen.length);
      });
      const taken = await call<{ taken: { trajectId: string; soort: string }[] }>(coach, 'GET', '/taken');
      expect(taken.status).toBe(200);
      // The coach's list holds this traject's tasks (and those of the other trajecten the coach coaches in this suite).
      expect(taken.body.taken.some((t) => t.trajectId === id)).toBe(true);
      expect((await call<{ taken: unknown[] }>(werkgever, 'GET', '/taken')).body.taken).toEqual([]);
      const bsnKolom = await sql<{ bsn: Buffer }>(`SELECT bsn_versleuteld AS bsn FROM "${db.schema}".deelnemer`);
      expect(bsnKolom.some((r) => r.bsn.includes(Buffer.from('111222333')))).toBe(false);
    });

    it('a read by the coach organisation is written to the processing log before the answer; the lead reads unlogged; a refused log write refuses the read', async () => {
      const { deelnemerId, trajectId } = await startFip('123456782', { voornamen: 'D', achternaam: 'E', geboortedatum: '1979-06-01' });
      const vanDeelnemer = () => verwerkingen.filter((v) => v.melding.deelnemerId === deelnemerId);

      expect((await call(klantmanager, 'GET', `/trajecten/${trajectId}`)).status).toBe(200);
      expect((await call(klantmanager, 'GET', `/trajecten/${trajectId}/tijdlijn`)).status).toBe(200);
      expect(vanDeelnemer()).toEqual([]);

      const traceId = '0af7651916cd43dd8448eb211c80319c';
      const overzicht = await call<TrajectOverzicht>(coach, 'GET', `/trajecten/${trajectId}`, undefined, { traceparent: `00-${traceId}-b7ad6b7169203331-01` });
      expect(overzicht.status).toBe(200);
      expect(overzicht.body.trajectId).toBe(trajectId);
      const tijdlijn = await call<{ gebeurtenissen: unknown[] }>(coach, 'GET', `/trajecten/${trajectId}/tijdlijn`, undefined, {
        traceparent: `00-${traceId}-b7ad6b7169203332-01`,
      });
      expect(tijdlijn.status).toBe(200);
      const raadpleging = { handeling: 'raadpleging', deelnemerId, doel: 're-integratie', categorieen: ['traject-status'], traceId };
      expect(vanDeelnemer().map((v) => v.melding)).toEqual([expect.objectContaining(raadpleging), expect.objectContaining(raadpleging)]);
      for (const v of vanDeelnemer()) {
        // Only the services write the log: a service token of traject-service acting for the coach,
        // so the line names the coach's organisation; and it continues the caller's trace.
        const token = decodeJwt(String(v.authorization).replace(/^Bearer /, ''));
        expect(token).toMatchObject({
          sub: 'ketenregie-traject-service',
          scope: SERVICE_SCOPE,
          authorization_details: [expect.objectContaining({ organisatie: coach.organisatie, sub: coach.sub })],
        });
        expect(v.traceparent).toBe(`00-${traceId}-${v.melding.spanId}-01`);
      }

      logWeigert = true;
      try {
        for (const pad of [`/trajecten/${trajectId}`, `/trajecten/${trajectId}/tijdlijn`]) {
          const geweigerd = await call<{ code: string; status: number; trajectId?: string; gebeurtenissen?: unknown }>(coach, 'GET', pad);
          expect({ pad, status: geweigerd.status, type: geweigerd.type.includes('application/problem+json'), code: geweigerd.body.code }).toEqual({
            pad,
            status: 503,
            type: true,
            code: 'TRAJECT.PROCESSING_LOG_UNAVAILABLE',
          });
          expect(geweigerd.body.trajectId ?? geweigerd.body.gebeurtenissen).toBeUndefined();
        }
        expect((await call(klantmanager, 'GET', `/trajecten/${trajectId}`)).status).toBe(200);
      } finally {
        logWeigert = false;
      }
      expect(vanDeelnemer()).toHaveLength(2);
    });

    it('GET /deelnemers/{id}: the registering gemeente reads it all, the coach organisation the masked BSN (logged first), an uninvolved organisation 404; unknown 404, malformed 400', async () => {
      const persoon = { voornamen: 'Johanna', achternaam: 'Smits', geboortedatum: '1972-08-19' };
      const { deelnemerId, trajectId } = await startFip('111222357', persoon);
      const gelogd = () => verwerkingen.filter((v) => v.melding.deelnemerId === deelnemerId).map((v) => v.melding);

      const lead = await call<DeelnemerWeergave>(klantmanager, 'GET', `/deelnemers/${deelnemerId}`);
      expect(lead.status).toBe(200);
      expect(lead.body).toEqual({
        id: deelnemerId,
        bsn: '111222357',
        bsnGemaskeerd: '******357',
        ...persoon,
        contact: {},
        trajecten: [{ id: trajectId, programma: { code: 'fip', versie: 1 }, startdatum: await vandaag(), fase: 'contact-leggen', status: 'actief' }],
      });
      expect(gelogd()).toEqual([]);

      const doorCoach = await call<DeelnemerWeergave>(coach, 'GET', `/deelnemers/${deelnemerId}`);
      expect(doorCoach.status).toBe(200);
      expect({ ...doorCoach.body, bsn: doorCoach.body.bsn ?? 'afwezig' }).toEqual({ ...lead.body, bsn: 'afwezig' });
      expect(gelogd()).toEqual([expect.objectContaining({ handeling: 'raadpleging', doel: 're-integratie', categorieen: ['contact', 'traject-status'] })]);

      const vreemd = await call<{ code: string }>(werkgever, 'GET', `/deelnemers/${deelnemerId}`);
      const onbekend = await call<{ code: string }>(klantmanager, 'GET', `/deelnemers/${randomUUID()}`);
      for (const r of [vreemd, onbekend]) {
        expect({ status: r.status, problem: r.type.includes('application/problem+json'), code: r.body.code }).toEqual({
          status: 404,
          problem: true,
          code: 'TRAJECT.DEELNEMER_NOT_FOUND',
        });
      }
      const misvormd = await call<{ status: number }>(klantmanager, 'GET', '/deelnemers/111222357');
      expect({ status: misvormd.status, problem: misvormd.type.includes('application/problem+json') }).toEqual({ status: 400, problem: true });
      expect(gelogd()).toHaveLength(1);

      const [rij] = await sql<Record<string, unknown>>(`SELECT * FROM "${db.schema}".deelnemer WHERE id = $1`, [deelnemerId]);
      const rauw = JSON.stringify(Object.values(rij).map((v) => (Buffer.isBuffer(v) ? v.toString('latin1') : v)));
      for (const geheim of ['Johanna', 'Smits', '1972-08-19', '111222357'])
        expect({ geheim, gevonden: rauw.includes(geheim) }).toEqual({ geheim, gevonden: false });
    });

    it('re-entry after the workflow ended: heropening continues from the final state, keeping the history', async () => {
      const body = { id: (await startFip('111222345', { voornamen: 'B', achternaam: 'C', geboortedatum: '1980-01-01' })).trajectId };
      expect((await call(coach, 'POST', `/trajecten/${body.id}/uitval`, { reden: 'te-ziek' })).status).toBe(200);
      const handle = env.client.workflow.getHandle(`traject-${body.id}`);
      // A dropped-out traject waits a year for a heropening; then its workflow completes.
      await handle.result();
      expect((await handle.describe()).status.name).toBe('COMPLETED');
      // Re-entry is the regievoerder's decision (docs/access.md); the coach organisation may not reopen.
      expect((await call(coach, 'POST', `/trajecten/${body.id}/heropening`, {})).status).toBe(403);
      const heropend = await call<OpdrachtResultaat>(klantmanager, 'POST', `/trajecten/${body.id}/heropening`, {});
      expect(heropend.status).toBe(200);
      expect(heropend.body).toEqual(expect.objectContaining({ fase: 'kennismaking', status: 'actief' }));
      const tijdlijn = await call<{ gebeurtenissen: { soort: string }[] }>(coach, 'GET', `/trajecten/${body.id}/tijdlijn`);
      expect(tijdlijn.body.gebeurtenissen.map((g) => g.soort)).toEqual(expect.arrayContaining(['aangemeld', 'uitgevallen', 'heropend']));
    });

    it('caseload transfer: the running trajecten of a leaving coach move to a colleague', async () => {
      const teamleider: Identity = { sub: 'tl-1', organisatie: coach.organisatie, organisatieType: 'uitvoerder', rol: 'coach' };
      const lopend = await sql<{ traject_id: string }>(
        `SELECT traject_id FROM "${db.schema}".traject_overzicht WHERE coach_id = 'coach-1' AND status IN ('actief', 'gepauzeerd')`,
      );
      expect(lopend.length).toBeGreaterThan(0);
      expect(
        (await call(klantmanager, 'POST', '/caseload-overdrachten', { vanCoachId: 'coach-1', naar: { coachId: 'coach-2', organisatieId: coach.organisatie } }))
          .status,
      ).toBe(403);
      const r = await call<{ trajecten: number }>(teamleider, 'POST', '/caseload-overdrachten', {
        vanCoachId: 'coach-1',
        naar: { coachId: 'coach-2', organisatieId: coach.organisatie },
      });
      expect(r.status).toBe(202);
      expect(r.body.trajecten).toBe(lopend.length);
      await eventually(async () => {
        for (const { traject_id } of lopend) {
          const o = await call<TrajectOverzicht>(klantmanager, 'GET', `/trajecten/${traject_id}`);
          expect(o.body.coach?.coachId).toBe('coach-2');
        }
        const taken = await call<{ taken: { soort: string }[] }>({ ...coach, sub: 'coach-2' }, 'GET', '/taken');
        expect(taken.body.taken.map((t) => t.soort)).toEqual(expect.arrayContaining(['caseload-overdracht', 'deelnemer-informeren']));
      });
    });

    it('demo seed: registers the demo deelnemers with a traject each, once', async () => {
      const deelnemers = app.get<SqlDeelnemerRepository>(DEELNEMER_OPSLAG);
      const trajecten = app.get<SqlTrajectRepository>(TRAJECT_OPSLAG);
      const opzoeking = {
        vindOpBsn: (bsn: string) => deelnemers.vindOpBsn(bsn),
        heeftTraject: async (id: string) => (await trajecten.vanDeelnemer(id)).length > 0,
      };
      expect(await zaaiDemoTrajecten(app.get(TrajectService), opzoeking)).toEqual({ deelnemers: 3, trajecten: 3 });
      expect(await zaaiDemoTrajecten(app.get(TrajectService), opzoeking)).toEqual({ deelnemers: 0, trajecten: 0 });
      const taken = await call<{ taken: { soort: string }[] }>(
        { sub: DEMO_COACH.coachId, organisatie: DEMO_COACH.organisatieId, organisatieType: 'uitvoerder', rol: 'coach' },
        'GET',
        '/taken',
      );
      await eventually(async () => {
        const t = await call<{ taken: { soort: string }[] }>(
          { sub: DEMO_COACH.coachId, organisatie: DEMO_COACH.organisatieId, organisatieType: 'uitvoerder', rol: 'coach' },
          'GET',
          '/taken',
        );
        expect(t.body.taken.filter((x) => x.soort === 'eerste-contact')).toHaveLength(3);
      });
      expect(taken.status).toBe(200);
    });

    it('programmes as configuration: created through the API, a new version while a traject runs — the running one keeps its version, a new one takes the new; case meetings become agenda items on working days', async () => {
      const aanpak = {
        naam: 'Wijkaanpak Dommeldal',
        omschrijving: 'Outreach in de wijk, daarna uitvoering met een driewekelijks casuïstiekoverleg.',
        fasen: ['aanmelding', 'contact-leggen', 'uitvoering', 'afgesloten'],
        contact: { maxIntervalWerkdagen: 15, sessieMinuten: 60 },
        evaluatie: { intervalMaanden: 3, t1NaMaanden: 6, aankondigingWerkdagen: 10 },
        duur: { typischMaanden: 12, maxMaanden: 12, verlenging: { maanden: 3, maxAantal: 1 } },
        casuistiekoverleg: { elkeWeken: 3, partners: ['ggz', 'schuldhulp'] },
        instrumenten: { ladderVersie: 'participatieladder-6', ladderSubtreden: false, zrmVersie: 'zrm-2017', verplichtBijMeting: [] },
      };
      expect((await call(coach, 'POST', '/programmas', { code: 'wijkaanpak', ...aanpak })).status).toBe(403);
      const fout = await call<{ code: string; errors: { field: string; detail: string }[] }>(klantmanager, 'POST', '/programmas', {
        code: 'wijkaanpak',
        ...aanpak,
        evaluatie: { ...aanpak.evaluatie, intervalMaanden: 14 },
      });
      expect(fout.status).toBe(400);
      expect(fout.type).toContain('application/problem+json');
      expect(fout.body.code).toBe('TRAJECT.PROGRAMME_INVALID');
      expect(fout.body.errors).toEqual([
        expect.objectContaining({ field: 'evaluatie.intervalMaanden', detail: expect.stringContaining('valt na het einde van het traject') }),
      ]);
      const v1 = await call<{ versie: number }>(klantmanager, 'POST', '/programmas', { code: 'wijkaanpak', ...aanpak });
      expect(v1.status).toBe(201);
      expect(v1.body.versie).toBe(1);

      const start = async (bsn: string) => {
        const d = await call<{ id: string }>(klantmanager, 'POST', '/deelnemers', { bsn, voornamen: 'W', achternaam: 'K', geboortedatum: '1970-01-01' });
        const t = await call<{ id: string; overzicht: TrajectOverzicht }>(klantmanager, 'POST', '/trajecten', {
          deelnemerId: d.body.id,
          programmaCode: 'wijkaanpak',
          regie: { regievoerderId: klantmanager.sub, organisatieId: klantmanager.organisatie },
          coach: { coachId: coach.sub, organisatieId: coach.organisatie },
          aanmeldreden: 'activering',
        });
        expect(t.status).toBe(201);
        return t.body;
      };
      const lopend = await start('123456708');
      expect(lopend.overzicht.programma).toEqual({ code: 'wijkaanpak', versie: 1 });
      expect((await call(coach, 'POST', `/trajecten/${lopend.id}/contactpogingen`, { kanaal: 'telefoon', uitkomst: 'afspraak-gemaakt' })).status).toBe(200);

      const v2 = await call<{ versie: number }>(klantmanager, 'POST', '/programmas/wijkaanpak/versies', {
        ...aanpak,
        casuistiekoverleg: { elkeWeken: 2, partners: ['ggz'] },
      });
      expect(v2.status).toBe(201);
      expect(v2.body.versie).toBe(2);
      const nieuw = await start('123456721');
      expect(nieuw.overzicht.programma).toEqual({ code: 'wijkaanpak', versie: 2 });
      expect((await call(coach, 'POST', `/trajecten/${nieuw.id}/contactpogingen`, { kanaal: 'telefoon', uitkomst: 'afspraak-gemaakt' })).status).toBe(200);
      expect((await call<TrajectOverzicht>(klantmanager, 'GET', `/trajecten/${lopend.id}`)).body.programma).toEqual({ code: 'wijkaanpak', versie: 1 });
      const programma = await call<{ actueleVersie: number; versies: { versie: number }[] }>(coach, 'GET', '/programmas/wijkaanpak');
      expect(programma.body).toMatchObject({ actueleVersie: 2, versies: [{ versie: 1 }, { versie: 2 }] });

      await env.sleep(50 * 86_400_000);
      const agenda = async (trajectId: string) =>
        sql<{ vervalt: string; voor: string; toegewezen_aan: string }>(
          `SELECT vervalt::text AS vervalt, voor, toegewezen_aan FROM "${db.schema}".taak WHERE traject_id = $1 AND soort = 'casuistiekoverleg' ORDER BY vervalt`,
          [trajectId],
        );
      const dagen = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);
      await eventually(async () => {
        const oud = await agenda(lopend.id);
        const jong = await agenda(nieuw.id);
        expect(oud.length).toBeGreaterThanOrEqual(2);
        expect(jong.length).toBeGreaterThanOrEqual(3);
        for (const r of [...oud, ...jong]) {
          expect(isWorkingDay(r.vervalt)).toBe(true);
          expect(r).toMatchObject({ voor: 'regievoerder', toegewezen_aan: klantmanager.sub });
        }
        // Three-weekly for the running traject (its version 1), two-weekly for the new one (version 2); a holiday moves a meeting a day or two.
        for (let i = 1; i < oud.length; i++) expect(dagen(oud[i - 1].vervalt, oud[i].vervalt)).toBeGreaterThanOrEqual(21);
        for (let i = 1; i < oud.length; i++) expect(dagen(oud[i - 1].vervalt, oud[i].vervalt)).toBeLessThanOrEqual(25);
        for (let i = 1; i < jong.length; i++) expect(dagen(jong[i - 1].vervalt, jong[i].vervalt)).toBeLessThanOrEqual(18);
      });
      const tijdlijn = await call<{ gebeurtenissen: { soort: string; gegevens: Record<string, string> }[] }>(
        klantmanager,
        'GET',
        `/trajecten/${lopend.id}/tijdlijn`,
      );
      expect(tijdlijn.body.gebeurtenissen.find((g) => g.soort === 'casuistiekoverleg-geagendeerd')?.gegevens.partners).toBe('ggz,schuldhulp');

      // The regievoerder records the meeting with the organisations that attended; who was invited is the traject's involvement.
      const gehouden = async () =>
        sql<{ soort: string; data: Record<string, unknown> }>(
          `SELECT soort, data FROM "${db.schema}".outbox WHERE traject_id = $1 AND soort = 'casuistiekoverleg-gehouden'`,
          [lopend.id],
        );
      const overleg = (wie: Identity, body: unknown) =>
        call<{ code: string; errors?: { field: string }[] }>(wie, 'POST', `/trajecten/${lopend.id}/casuistiekoverleg`, body);
      const alsCoach = await overleg(coach, { aanwezig: [coach.organisatie] });
      expect(alsCoach.status).toBe(403);
      expect(alsCoach.type).toContain('application/problem+json');
      const nietBetrokken = await overleg(klantmanager, { aanwezig: ['werkbrug-dommeldal'] });
      expect(nietBetrokken.status).toBe(400);
      expect(nietBetrokken.body.code).toBe('TRAJECT.ATTENDANCE_INVALID');
      expect((await overleg(klantmanager, { aanwezig: ['bestaat-niet'] })).status).toBe(404);
      expect((await overleg(klantmanager, { aanwezig: [], genodigd: ['werkbrug-dommeldal'] })).status).toBe(400);
      expect(await gehouden()).toEqual([]);
      expect((await overleg(klantmanager, { aanwezig: [coach.organisatie] })).status).toBe(200);
      await eventually(async () => {
        const [feit] = await gehouden();
        expect(feit.data).toMatchObject({
          genodigd: [klantmanager.organisatie, coach.organisatie].sort().join(','),
          aanwezig: coach.organisatie,
          programma: 'wijkaanpak',
        });
        expect(Object.keys(feit.data)).not.toContain('doorSub');
      });
    });

    it("the call-back after unanswered calls and the re-approach a month after a no stay on the coach's list; the timeline for people; the list of trajecten; the regievoerder's signals", async () => {
      const { deelnemerId, trajectId } = await startFip('234567004', { voornamen: 'Karim', achternaam: 'Bouzid', geboortedatum: '1982-09-12' });
      type Taak = { trajectId: string; soort: string; status: string; taakVanaf?: string; vervalt: string };
      const takenVan = async (wie: Identity) => (await call<{ taken: Taak[] }>(wie, 'GET', '/taken')).body.taken.filter((t) => t.trajectId === trajectId);
      await eventually(async () => expect((await takenVan(coach)).map((t) => [t.soort, t.status])).toEqual([['eerste-contact', 'open']]));

      const poging = async (uitkomst: string) => {
        const r = await call<OpdrachtResultaat>(coach, 'POST', `/trajecten/${trajectId}/contactpogingen`, { kanaal: 'telefoon', uitkomst });
        expect(r.status).toBe(200);
      };
      await poging('geen-gehoor');
      // The first call closed the first-contact task; the call-back is on the list at once, planned.
      await eventually(async () => {
        const taken = await takenVan(coach);
        expect(taken.map((t) => [t.soort, t.status])).toEqual([['contactpoging', 'gepland']]);
        expect(String(taken[0].taakVanaf) > (await vandaag())).toBe(true);
      });
      await poging('geen-gehoor');
      await poging('geen-gehoor');
      // Three unanswered calls (FIP's maximum): a home visit, due now.
      await eventually(async () => expect((await takenVan(coach)).map((t) => [t.soort, t.status])).toEqual([['huisbezoek', 'open']]));
      await poging('geweigerd');
      const vanaf = addMonths(await vandaag(), 1);
      await eventually(async () => {
        const herbenadering = (await takenVan(coach)).find((t) => t.soort === 'herbenadering');
        expect(herbenadering?.status).toBe('gepland');
        expect(String(herbenadering?.taakVanaf) >= vanaf).toBe(true);
        expect(String(herbenadering?.vervalt) > String(herbenadering?.taakVanaf)).toBe(true);
      });

      // The timeline as people read it.
      const verloop = await call<{
        programma: string;
        volgendeTermijn?: { titel: string; uiterlijk: string };
        gebeurtenissen: { titel: string; details: string[]; door: string; datumTekst: string; vastgelegdOp?: string }[];
      }>(coach, 'GET', `/trajecten/${trajectId}/verloop`);
      expect(verloop.status).toBe(200);
      const [laatste] = verloop.body.gebeurtenissen;
      expect(laatste).toEqual(expect.objectContaining({ titel: 'Contact geprobeerd telefonisch', door: 'Coach van Weener XL' }));
      expect(laatste.details).toContain('Uitkomst: de deelnemer zei nee');
      expect(verloop.body.gebeurtenissen.at(-1)).toEqual(
        expect.objectContaining({ titel: 'Aangemeld voor het traject', door: "Regievoerder van Gemeente 's-Hertogenbosch" }),
      );
      await eventually(async () => {
        const v = await call<{ gebeurtenissen: { vastgelegdOp?: string }[] }>(coach, 'GET', `/trajecten/${trajectId}/verloop`);
        expect(v.body.gebeurtenissen.every((g) => /^\d{1,2} [a-z]+ \d{4}, \d{2}:\d{2}$/.test(g.vastgelegdOp ?? ''))).toBe(true);
      });
      expect(verloop.body.volgendeTermijn?.titel).toEqual(expect.any(String));
      expect(JSON.stringify(verloop.body.gebeurtenissen)).not.toMatch(
        /coach-1|km-1|weener-xl|gemeente-den-bosch|geen-gehoor|contact-leggen|[0-9a-f]{8}-[0-9a-f]{4}-/,
      );
      expect((await call(werkgever, 'GET', `/trajecten/${trajectId}/verloop`)).status).toBe(404);

      // The list of trajecten: only the organisation's own, filtered and paginated.
      type Pagina = { trajecten: { trajectId: string; deelnemer?: { naam: string }; faseTekst?: string }[]; totaal: number; paginas: number };
      const lijst = await call<Pagina>(klantmanager, 'GET', '/trajecten?fase=contact-leggen&programma=fip&perPagina=100');
      expect(lijst.status).toBe(200);
      expect(lijst.body.trajecten.find((t) => t.trajectId === trajectId)).toEqual(
        expect.objectContaining({ deelnemer: expect.objectContaining({ naam: 'Karim Bouzid' }), faseTekst: 'Contact leggen' }),
      );
      await startFip('234567016', { voornamen: 'Lotte', achternaam: 'Peters', geboortedatum: '1990-01-20' });
      const eerste = await call<Pagina>(klantmanager, 'GET', '/trajecten?perPagina=1');
      expect(eerste.body.trajecten).toHaveLength(1);
      expect(eerste.body.paginas).toBe(eerste.body.totaal);
      expect(eerste.body.totaal).toBeGreaterThan(1);
      expect((await call<Pagina>(klantmanager, 'GET', '/trajecten?fase=uitvoering&perPagina=100')).body.trajecten.map((t) => t.trajectId)).not.toContain(
        trajectId,
      );
      expect((await call<Pagina>(werkgever, 'GET', '/trajecten')).body).toEqual(expect.objectContaining({ trajecten: [], totaal: 0 }));
      expect((await call(klantmanager, 'GET', '/trajecten?perPagina=1000')).status).toBe(400);
      const gelogd = verwerkingen.length;
      expect((await call<Pagina>(coach, 'GET', '/trajecten?perPagina=100')).body.trajecten.map((t) => t.trajectId)).toContain(trajectId);
      expect(verwerkingen.slice(gelogd).some((v) => v.melding.deelnemerId === deelnemerId && v.melding.categorieen.includes('contact'))).toBe(true);

      // A drop-out is a signal for the regievoerder, not for the coach organisation.
      expect((await call(coach, 'POST', `/trajecten/${trajectId}/uitval`, { reden: 'onbereikbaar' })).status).toBe(200);
      await eventually(async () => {
        const signalen = await call<{ signalen: { trajectId: string; soortTekst: string; titel: string; details: string[]; deelnemer?: { naam: string } }[] }>(
          klantmanager,
          'GET',
          '/signalen',
        );
        expect(signalen.body.signalen.find((x) => x.trajectId === trajectId)).toEqual(
          expect.objectContaining({
            soortTekst: 'Uitval',
            titel: 'Deelnemer uitgevallen',
            details: ['Reden: onbereikbaar'],
            deelnemer: { id: deelnemerId, naam: 'Karim Bouzid' },
          }),
        );
      });
      expect((await call<{ signalen: { trajectId: string }[] }>(coach, 'GET', '/signalen')).body.signalen.map((x) => x.trajectId)).not.toContain(trajectId);
    });

    it('GET /trajecten/{id}/metingen: the scores per instrument with who scored (from the token), when, the version, and the movement since T0', async () => {
      const { trajectId } = await startFip('123456733', { voornamen: 'M', achternaam: 'T', geboortedatum: '1980-01-01' });
      expect((await call(coach, 'POST', `/trajecten/${trajectId}/contactpogingen`, { kanaal: 'telefoon', uitkomst: 'afspraak-gemaakt' })).status).toBe(200);
      expect((await call(coach, 'POST', `/trajecten/${trajectId}/contactmomenten`, { vorm: 'gesprek', verschenen: true })).status).toBe(200);
      expect((await call(coach, 'POST', `/trajecten/${trajectId}/kennismaking`, { klik: true })).status).toBe(200);
      const t0 = await vandaag();
      const zrm = (waarde: number, datum: string) => ({
        instrument: 'zrm',
        relevanteDomeinen: ['financien'],
        scores: { financien: waarde },
        datum,
        instrumentVersie: 'zrm-2017',
        scorer: { rol: 'coach', professionalId: 'iemand-anders' },
      });
      expect((await call(coach, 'POST', `/trajecten/${trajectId}/diagnose`, { metingen: [zrm(2, t0)] })).status).toBe(200);
      await env.sleep(30 * 86_400_000);
      const later = await vandaag();
      expect(
        (await call(coach, 'POST', `/trajecten/${trajectId}/metingen`, { metingen: [zrm(4, later), { ...zrm(3, later), scorer: { rol: 'zelf' } }] })).status,
      ).toBe(200);
      const r = await call<{
        programma: unknown;
        t0: string;
        instrumenten: {
          instrument: string;
          instrumentVersie: string;
          metingen: { datum: string; scorer: unknown; waarden: unknown }[];
          beweging: Record<string, unknown>;
        }[];
      }>(klantmanager, 'GET', `/trajecten/${trajectId}/metingen`);
      expect(r.status).toBe(200);
      expect(r.body.programma).toEqual({ code: 'fip', versie: 1 });
      expect(r.body.t0).toBe(t0);
      expect(r.body.instrumenten).toEqual([
        {
          instrument: 'zrm',
          instrumentVersie: 'zrm-2017',
          metingen: [
            { datum: t0, scorer: { rol: 'coach', professionalId: coach.sub }, waarden: { financien: 2 } },
            { datum: later, scorer: { rol: 'coach', professionalId: coach.sub }, waarden: { financien: 4 } },
            { datum: later, scorer: { rol: 'zelf', professionalId: coach.sub }, waarden: { financien: 3 } },
          ],
          beweging: { financien: { t0: 2, laatste: 3, verschil: 1, t0Datum: t0, laatsteDatum: later } },
        },
      ]);
      expect((await call(werkgever, 'GET', `/trajecten/${trajectId}/metingen`)).status).toBe(404);
    });
  });
});
