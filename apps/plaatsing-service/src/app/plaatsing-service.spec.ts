import type { INestApplication } from '@nestjs/common';
import { createService, EmbeddedSigner, loadConfig, vastOrganisatieRegister } from '@ketenregie/shared-platform';
import { describeEachDatabase } from '@ketenregie/shared-testing';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { plaatsingServiceConfigSchema } from './plaatsing-service.config';

const quiet = { write: () => true };
const TRAJECT = randomUUID();
const DEELNEMER = randomUUID();

describeEachDatabase('plaatsing-service', (db) => {
  let app: INestApplication;
  let base: string;
  let jwks: Server;
  let signer: EmbeddedSigner;
  let keyDir: string;
  const opdrachten: unknown[] = [];

  beforeAll(async () => {
    keyDir = await mkdtemp(join(tmpdir(), 'plaatsing-service-spec-'));
    signer = await EmbeddedSigner.loadOrCreate({ dataDir: keyDir });
    jwks = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(signer.jwks())));
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const config = loadConfig(plaatsingServiceConfigSchema, {
      DATABASE_URL: db.url,
      AUTH_JWKS_URL: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/auth/jwks.json`,
      TEMPORAL_ADDRESS: '127.0.0.1:1',
      PORT: '0',
    });
    app = await createService(
      AppModule.register(config, {
        register: vastOrganisatieRegister({ bakkerij: 'werkgever', metaal: 'werkgever', werkbrug: 'uitvoerder', 'gemeente-a': 'gemeente' }),
        workflows: {
          start: async () => undefined,
          voerUit: async (_id, o) => (opdrachten.push(o), { fase: 'proefplaatsing', termijnen: [], gebeurtenissen: [] }),
        },
        betrokkenheid: {
          bijDeelnemer: async () => [],
          inTraject: async (id) => (id === TRAJECT ? { deelnemerId: DEELNEMER, betrokkenheid: ['coach-organisatie'] } : undefined),
        },
        trajecten: {
          gegevens: async () => ({ regie: { regievoerderId: 'km-1', organisatieId: 'gemeente-a' }, coach: { coachId: 'c-1', organisatieId: 'werkbrug' } }),
        },
        besluiten: { besluit: async () => ({ id: randomUUID(), toegestaan: ['contact', 'werkervaring-cv'] }) },
        verwerkingslog: { meld: async () => undefined },
      }),
      { name: 'plaatsing-service', port: 0, logLevel: 'silent', logDestination: quiet, shutdownHooks: false },
    );
    await app.listen(0, '127.0.0.1');
    base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await new Promise((resolve) => jwks?.close(resolve));
    await rm(keyDir, { recursive: true, force: true });
  });

  const als = async (organisatie: string, organisatieType: 'werkgever' | 'uitvoerder' | 'gemeente', rol: 'jobcoach' | 'coach' | 'klantmanager') =>
    signer.sign({ sub: `${organisatie}-1`, organisatie, organisatieType, rol });
  const vraag = async (token: string, method: string, pad: string, body?: unknown) => {
    const res = await fetch(`${base}/api/v1${pad}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, type: res.headers.get('content-type') ?? '', body: (await res.json().catch(() => undefined)) as Record<string, unknown> };
  };

  it('an employer names its contact and deputy, then publishes a vacancy; bad input is a 400 problem and stores nothing', async () => {
    const bakkerij = await als('bakkerij', 'werkgever', 'jobcoach');
    const zonderProfiel = await vraag(bakkerij, 'POST', '/vacatures', { titel: 'Bakker', urenPerWeek: 24, taken: ['deeg'] });
    expect(zonderProfiel).toMatchObject({ status: 422, body: { code: 'PLAATSING.GEEN_WERKGEVER' } });
    const fout = await vraag(bakkerij, 'PUT', '/werkgevers/bakkerij', { contactpersoon: { naam: 'Ria', telefoon: 'bel me' } });
    expect(fout.status).toBe(400);
    expect(fout.type).toContain('application/problem+json');
    const profiel = { contactpersoon: { naam: 'Ria', telefoon: '0401111111' }, plaatsvervanger: { naam: 'Kees', telefoon: '0402222222' } };
    expect((await vraag(bakkerij, 'PUT', '/werkgevers/bakkerij', profiel)).status).toBe(200);
    expect((await vraag(bakkerij, 'GET', '/werkgevers/metaal')).status).toBe(404);
    const v = await vraag(bakkerij, 'POST', '/vacatures', { titel: 'Bakker', urenPerWeek: 24, taken: ['deeg'], ondersteuning: ['jobcoach', 'proefplaatsing'] });
    expect(v.status).toBe(201);
    expect(v.body).toMatchObject({ werkgeverId: 'bakkerij', status: 'open', ondersteuning: [{ code: 'jobcoach' }, { code: 'proefplaatsing' }] });
    const metaal = await als('metaal', 'werkgever', 'jobcoach');
    expect((await vraag(metaal, 'GET', `/vacatures/${String(v.body['id'])}`)).status).toBe(404);
    expect((await vraag(metaal, 'GET', '/vacatures')).body).toEqual([]);
  });

  it('a coach proposes; the employer overview shows only what consent released (no limitations key), and refuses unknown command fields', async () => {
    const bakkerij = await als('bakkerij', 'werkgever', 'jobcoach');
    const coach = await als('werkbrug', 'uitvoerder', 'coach');
    const [vacature] = (await vraag(coach, 'GET', '/vacatures')).body as unknown as { id: string }[];
    const voordracht = await vraag(coach, 'POST', `/vacatures/${vacature.id}/voordrachten`, {
      trajectId: TRAJECT,
      jobcoach: { organisatieId: 'werkbrug', professional: 'werkbrug-1' },
      profiel: { roepnaam: 'Sam', werkervaring: ['bakkerij'], beperkingen: { belastbaarheidUren: 20 } },
    });
    expect(voordracht.status).toBe(201);
    const overzicht = await vraag(bakkerij, 'GET', '/werkgeversoverzicht');
    expect(overzicht.status).toBe(200);
    const [p] = overzicht.body['plaatsingen'] as { plaatsingId: string; kandidaat: Record<string, unknown> }[];
    expect(p.kandidaat).toEqual({ roepnaam: 'Sam', werkervaring: ['bakkerij'] });
    expect(JSON.stringify(overzicht.body)).not.toContain(DEELNEMER);
    const onbekend = await vraag(bakkerij, 'POST', `/plaatsingen/${p.plaatsingId}/opdrachten`, {
      soort: 'evaluatie',
      uitkomst: 'positief',
      door: 'werkgever',
      extra: 1,
    });
    expect(onbekend.status).toBe(400);
    expect(opdrachten).toEqual([]);
    const ok = await vraag(bakkerij, 'POST', `/plaatsingen/${p.plaatsingId}/opdrachten`, { soort: 'evaluatie', uitkomst: 'positief', door: 'jobcoach' });
    expect(ok.status).toBe(200);
    expect(opdrachten).toEqual([expect.objectContaining({ door: 'werkgever' })]);

    // The jobcoach's overdue check-in is on their task list; the employer and the gemeente's colleague have none.
    await app
      .get(DataSource)
      .query(`INSERT INTO plaatsing.taak (sleutel, plaatsing_id, voor, onderwerp, vervalt) VALUES ($1, $2, 'jobcoach', 'checkin', '2025-01-10')`, [
        `plaatsing-${p.plaatsingId}:t2-jobcoach`,
        p.plaatsingId,
      ]);
    expect(await vraag(coach, 'GET', '/plaatsingen/taken')).toMatchObject({
      status: 200,
      body: {
        taken: [
          {
            plaatsingId: p.plaatsingId,
            trajectId: TRAJECT,
            taakId: `plaatsing-${p.plaatsingId}:t2-jobcoach`,
            soort: 'checkin',
            voor: 'jobcoach',
            toegewezenAan: 'werkbrug-1',
            vervalt: '2025-01-10',
            status: 'verlopen',
          },
        ],
      },
    });
    expect((await vraag(bakkerij, 'GET', '/plaatsingen/taken')).body).toEqual({ taken: [] });
    expect((await vraag(await als('gemeente-a', 'gemeente', 'klantmanager'), 'GET', '/plaatsingen/taken')).body).toEqual({ taken: [] });
  });

  it('documents its routes in its OpenAPI document', async () => {
    const document = (await (await fetch(`${base}/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths).sort()).toEqual(
      [
        '/api/v1/plaatsing-gebeurtenissen',
        '/api/v1/plaatsingen',
        '/api/v1/plaatsingen/taken',
        '/api/v1/plaatsingen/{id}',
        '/api/v1/plaatsingen/{id}/opdrachten',
        '/api/v1/vacatures',
        '/api/v1/vacatures/{id}',
        '/api/v1/vacatures/{id}/voordrachten',
        '/api/v1/werkgevers/{id}',
        '/api/v1/werkgeversoverzicht',
      ].sort(),
    );
  });
});
