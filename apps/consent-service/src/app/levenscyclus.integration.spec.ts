/**
 * The service, the consent lifecycle workflow and its activities together, on the Temporal dev
 * server: a consent recorded over HTTP starts its workflow; a handover that relies on it
 * registers; a withdrawal over HTTP reaches the workflow, which tells the handover. The service
 * reaches Temporal through a TCP relay the test can cut: with Temporal unreachable at the moment
 * of a withdrawal, the withdrawal waits in the lifecycle outbox and arrives once Temporal is back,
 * and no read of what was disclosed under the consent succeeds in between. A consent that
 * reaches its end date, and one withdrawn while traject-service is down, end the receiver's
 * `ontvanger` involvement through the workflow's activity (a stand-in for traject-service's
 * receivers API that the test can take down).
 */
import type { INestApplication } from '@nestjs/common';
import { BesluitService, ConsentActiviteitenService, ToestemmingService, VerwerkingService } from '@ketenregie/consent-application';
import {
  CONSENT_TASK_QUEUE,
  registreerAfhankelijkheidUpdate,
  type ToestemmingBeeindigd,
  type ToestemmingDto,
  type ToestemmingLevenscyclusStatus,
  toestemmingStatusQuery,
  toestemmingWorkflowId,
} from '@ketenregie/consent-contracts';
import {
  asActivities,
  createService,
  EmbeddedSigner,
  type Identity,
  type JwksServer,
  type OntvangerPoort,
  serveJwks,
  unavailable,
  vastOrganisatieRegister,
} from '@ketenregie/shared-platform';
import { describeEachDatabase, eventually } from '@ketenregie/shared-testing';
import { kluisDataConverter, type Sleutelkluis, sleutelkluisVanConfig } from '@ketenregie/shared-crypto';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { type AddressInfo, connect, createServer as createNetServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TsconfigPathsPlugin } from 'tsconfig-paths-webpack-plugin';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { consentServiceConfigSchema } from './consent-service.config';

const ROOT = join(__dirname, '..', '..', '..', '..');
const SERVER_BIN = join(ROOT, 'infra', 'temporal-dev-server', 'bin', 'temporal-dev-server');
const TSCONFIG = join(ROOT, 'tsconfig.base.json');
const coach: Identity = { sub: 'mw-coach-9', organisatie: 'gemeente-helmond', organisatieType: 'gemeente', rol: 'klantmanager' };

interface WebpackConfig {
  resolve?: { plugins?: unknown[] };
}
const webpackConfigHook = <C extends WebpackConfig>(config: C): C => ({
  ...config,
  resolve: { ...config.resolve, plugins: [...(config.resolve?.plugins ?? []), new TsconfigPathsPlugin({ configFile: TSCONFIG })] },
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A TCP relay to `doelPoort` that the test can cut (every connection dropped, new ones refused) and restore. */
async function relais(doelPoort: number): Promise<{ adres: string; onderbreek(): void; herstel(): void; sluit(): Promise<void> }> {
  const sockets = new Set<Socket>();
  let onderbroken = false;
  const server: Server = createNetServer((inkomend) => {
    if (onderbroken) return void inkomend.destroy();
    const uitgaand = connect(doelPoort, '127.0.0.1');
    for (const s of [inkomend, uitgaand]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
    inkomend.on('close', () => uitgaand.destroy());
    uitgaand.on('close', () => inkomend.destroy());
    inkomend.pipe(uitgaand).pipe(inkomend);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    adres: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    onderbreek: () => {
      onderbroken = true;
      for (const s of sockets) s.destroy();
    },
    herstel: () => {
      onderbroken = false;
    },
    sluit: () => {
      for (const s of sockets) s.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * traject-service's receivers as the test sees them: which organisation is `ontvanger` of which
 * deelnemer (and so reads the deelnemer there), and whether traject-service can be reached.
 */
class TrajectOntvangers implements OntvangerPoort {
  private readonly rijen = new Set<string>();
  readonly namens: Identity[] = [];
  bereikbaar = true;

  async legOntvangerVast(deelnemerId: string, organisatie: string): Promise<void> {
    this.eisBereikbaar();
    this.rijen.add(`${deelnemerId} ${organisatie}`);
  }

  async beeindigOntvanger(deelnemerId: string, organisatie: string, namens: Identity): Promise<void> {
    this.eisBereikbaar();
    this.namens.push(namens);
    this.rijen.delete(`${deelnemerId} ${organisatie}`);
  }

  /** Whether traject-service lets `organisatie` read the deelnemer (200, else 404). */
  magLezen(deelnemerId: string, organisatie: string): boolean {
    return this.rijen.has(`${deelnemerId} ${organisatie}`);
  }

  private eisBereikbaar(): void {
    if (!this.bereikbaar) throw unavailable('TOEGANG.BETROKKENHEID_ONBEREIKBAAR', 'traject-service cannot be reached')(new Error('ECONNREFUSED'));
  }
}

beforeAll(() => {
  Runtime.install({ logger: new DefaultLogger('ERROR'), shutdownSignals: [] });
});

describeEachDatabase('consent lifecycle through the service and the dev server', (db) => {
  describe('with a consent worker and a dependant worker', () => {
    let server: ChildProcess | undefined;
    let connection: Connection;
    let nativeConnection: NativeConnection;
    let app: INestApplication;
    let jwks: JwksServer;
    let keyDir: string;
    let base: string;
    let token: string;
    let consentWorker: Worker;
    let anderenWorker: Worker;
    let lopend: Promise<unknown>;
    // The service encrypts workflow payloads (its own key store); the test's workers read them with the same store.
    let sleutels: Sleutelkluis | undefined;
    let klant: Client;
    let temporal: Awaited<ReturnType<typeof relais>>;
    const traject = new TrajectOntvangers();

    beforeAll(async () => {
      const port = await freePort();
      // Launched here rather than by the SDK, whose 5 s start limit a loaded machine misses; ready when it logs so.
      server = spawn(process.execPath, [SERVER_BIN, 'server', 'start-dev', '--port', String(port), '--ip', '127.0.0.1', '--in-memory', '--log-level', 'info'], {
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      await new Promise<void>((resolve, reject) => {
        let log = '';
        server?.stderr?.on('data', (c: Buffer) => {
          log += c.toString('utf8');
          if (log.includes('temporal dev server ready')) resolve();
        });
        server?.once('exit', (code) => reject(new Error(`dev server exited (${code}): ${log.slice(-500)}`)));
      });
      connection = await Connection.connect({ address: `127.0.0.1:${port}` });
      nativeConnection = await NativeConnection.connect({ address: `127.0.0.1:${port}` });
      temporal = await relais(port);
      keyDir = await mkdtemp(join(tmpdir(), 'consent-levenscyclus-'));
      const signer = await EmbeddedSigner.loadOrCreate({ dataDir: keyDir });
      token = await signer.sign(coach);
      jwks = await serveJwks(signer);
      const config = consentServiceConfigSchema.parse({
        DATABASE_URL: db.url,
        PORT: '0',
        LOG_LEVEL: 'silent',
        TEMPORAL_ADDRESS: temporal.adres,
        AUTH_JWKS_URL: jwks.url,
        CONSENT_LEVENSCYCLUS_BEZORG_INTERVAL_MS: '250',
      });
      app = await createService(
        AppModule.register(config, {
          register: vastOrganisatieRegister({ 'gemeente-helmond': 'gemeente', 'ggz-oost-brabant': 'ggz', senzer: 'uitvoerder' }),
          // The traject context as it answers for the gemeente that registered every deelnemer here.
          betrokkenheid: { bijDeelnemer: async () => ['aanmelder', 'regievoerder'], inTraject: async () => undefined },
          ontvangers: traject,
          schema: db.schema,
        }),
        { name: 'consent-service', port: 0, logLevel: 'silent', shutdownHooks: false },
      );
      await app.listen(0, '127.0.0.1');
      base = `${(await app.getUrl()).replace('[::1]', '127.0.0.1')}/api/v1`;
      sleutels = sleutelkluisVanConfig(config, { applicationName: 'levenscyclus-test-kluis' });
      const dataConverter = kluisDataConverter(sleutels, async () => undefined);
      klant = new Client({ connection, dataConverter });

      consentWorker = await Worker.create({
        connection: nativeConnection,
        taskQueue: CONSENT_TASK_QUEUE,
        dataConverter,
        workflowsPath: join(ROOT, 'workflows', 'consent', 'src', 'index.ts'),
        bundlerOptions: { webpackConfigHook },
        activities: asActivities(new ConsentActiviteitenService(app.get(ToestemmingService))),
      });
      anderenWorker = await Worker.create({
        connection: nativeConnection,
        taskQueue: 'overdracht-test',
        dataConverter,
        workflowsPath: join(ROOT, 'workflows', 'consent', 'test', 'afhankelijke.workflow.ts'),
        bundlerOptions: { webpackConfigHook },
      });
      lopend = Promise.all([consentWorker.run(), anderenWorker.run()]);
    }, 420_000);

    afterAll(async () => {
      consentWorker?.shutdown();
      anderenWorker?.shutdown();
      await lopend;
      await app?.close();
      await sleutels?.sluit();
      await temporal?.sluit();
      await jwks?.close();
      await connection?.close();
      await nativeConnection?.close();
      server?.kill('SIGTERM');
      if (keyDir) await rm(keyDir, { recursive: true, force: true });
    }, 60_000);

    it('starts the workflow when consent is given and tells a relying handover at once when it is withdrawn', async () => {
      const post = async <T>(path: string, body: unknown): Promise<T> => {
        const res = await fetch(`${base}${path}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        expect(res.status).toBeLessThan(300);
        return (await res.json()) as T;
      };
      const t = await post<ToestemmingDto>('/toestemmingen', {
        deelnemerId: randomUUID(),
        verlener: { soort: 'deelnemer' },
        doel: 'warme-overdracht',
        categorieen: ['contact', 'gezondheid'],
        bronnen: [{ soort: 'type', type: 'uitvoerder' }],
        ontvangers: [{ soort: 'type', type: 'ggz' }],
        geldigTot: '2099-01-01T00:00:00.000Z',
        bewijs: { soort: 'ondertekend-formulier', documentId: 'scan-42' },
      });
      const levenscyclus = klant.workflow.getHandle(toestemmingWorkflowId(t.id));
      expect(await eventually(() => levenscyclus.query(toestemmingStatusQuery), 20_000)).toMatchObject({ fase: 'actief', herinneringVerstuurd: false });

      const overdracht = await klant.workflow.start('afhankelijkeWorkflow', { taskQueue: 'overdracht-test', workflowId: `overdracht-${randomUUID()}` });
      expect(await levenscyclus.executeUpdate(registreerAfhankelijkheidUpdate, { args: [{ workflowId: overdracht.workflowId, context: 'exchange' }] })).toEqual(
        {
          actief: true,
        },
      );

      const ingetrokken = await post<ToestemmingDto>(`/toestemmingen/${t.id}/intrekking`, { reden: 'wil het zelf vertellen' });
      const op = ingetrokken.historie[1]?.op;
      const bericht: ToestemmingBeeindigd[] = await overdracht.result();
      expect(bericht).toEqual([{ toestemmingId: t.id, reden: 'ingetrokken', op, doel: 'warme-overdracht', categorieen: ['contact', 'gezondheid'] }]);
      const einde: ToestemmingLevenscyclusStatus = await levenscyclus.result();
      expect(einde).toMatchObject({ fase: 'ingetrokken', herinneringVerstuurd: false, afhankelijken: [{ workflowId: overdracht.workflowId }] });
    }, 120_000);

    it('with Temporal unreachable at the withdrawal: the withdrawal waits in the outbox, arrives when Temporal is back, and no read succeeds in between', async () => {
      const toestemmingen = app.get(ToestemmingService);
      const aanroep = { traceId: '0af7651916cd43dd8448eb211c80319d' };
      const deelnemerId = randomUUID();
      const ggz = { organisatie: 'ggz-oost-brabant', type: 'ggz' as const };
      const t = await toestemmingen.geef(
        {
          deelnemerId,
          verlener: { soort: 'deelnemer' },
          doel: 'verwijzing-ggz',
          categorieen: ['gezondheid'],
          bronnen: [{ soort: 'type', type: 'gemeente' }],
          ontvangers: [{ soort: 'type', type: 'ggz' }],
          geldigTot: new Date('2099-01-01T00:00:00.000Z'),
          bewijs: { soort: 'digitaal-ondertekend', ondertekeningId: 'sig-2' },
        },
        coach,
        aanroep,
      );
      const levenscyclus = klant.workflow.getHandle(toestemmingWorkflowId(t.id));
      expect(await eventually(() => levenscyclus.query(toestemmingStatusQuery), 20_000)).toMatchObject({ fase: 'actief' });
      const overdracht = await klant.workflow.start('afhankelijkeWorkflow', { taskQueue: 'overdracht-test', workflowId: `overdracht-${randomUUID()}` });
      await levenscyclus.executeUpdate(registreerAfhankelijkheidUpdate, { args: [{ workflowId: overdracht.workflowId, context: 'exchange' }] });

      // Data disclosed under a decision; the receiver's read of it is re-checked at every read.
      const besluit = await app
        .get(BesluitService)
        .besluit({ deelnemerId, ontvanger: ggz, doel: 'verwijzing-ggz', categorieen: ['gezondheid'] }, coach, aanroep);
      const behandelaar: Identity = { sub: 'b-1', organisatie: ggz.organisatie, organisatieType: 'ggz', rol: 'behandelaar' };
      const lees = () =>
        app.get(VerwerkingService).meld(
          {
            traceId: aanroep.traceId,
            spanId: 'a1b2c3d4e5f6071b',
            handeling: 'raadpleging',
            deelnemerId,
            doel: 'verwijzing-ggz',
            categorieen: ['gezondheid'],
            besluitId: besluit.id,
          },
          behandelaar,
        );
      await expect(lees()).resolves.toMatchObject({ regel: { handeling: 'raadpleging', status: 'ok' } });

      // Temporal goes away; the withdrawal is recorded all the same (the outbox row with it).
      temporal.onderbreek();
      const ingetrokken = await toestemmingen.trekIn(t.id, coach, 'wil het niet meer', aanroep);
      const op = ingetrokken.historie[1]?.op.toISOString();
      const [rij] = (await app
        .get(DataSource)
        .query(`SELECT pogingen, bezorgd_op FROM "${db.schema}".levenscyclus_outbox WHERE toestemming_id = $1`, [t.id])) as {
        pogingen: number;
        bezorgd_op: Date | null;
      }[];
      expect(rij).toMatchObject({ bezorgd_op: null });
      expect(rij?.pogingen).toBeGreaterThanOrEqual(1);
      // While Temporal is down the workflow has not heard, but every read is refused already.
      const geweigerd: unknown[] = [];
      for (let i = 0; i < 5; i++) {
        geweigerd.push(
          await lees().then(
            () => 'gelezen',
            (e: { code?: string }) => e.code,
          ),
        );
        await new Promise((r) => setTimeout(r, 300));
      }
      expect(geweigerd).toEqual(Array(5).fill('CONSENT.READ_NOT_PERMITTED'));

      // Temporal is back: the outbox delivers, the workflow ends and tells the handover; reads stay refused.
      temporal.herstel();
      const bericht: ToestemmingBeeindigd[] = await overdracht.result();
      expect(bericht).toEqual([{ toestemmingId: t.id, reden: 'ingetrokken', op, doel: 'verwijzing-ggz', categorieen: ['gezondheid'] }]);
      expect(await levenscyclus.result()).toMatchObject({ fase: 'ingetrokken' });
      const [na] = (await app.get(DataSource).query(`SELECT bezorgd_op FROM "${db.schema}".levenscyclus_outbox WHERE toestemming_id = $1`, [t.id])) as {
        bezorgd_op: Date | null;
      }[];
      expect(na?.bezorgd_op).toBeInstanceOf(Date);
      await expect(lees()).rejects.toMatchObject({ code: 'CONSENT.READ_NOT_PERMITTED' });
    }, 300_000);

    /** A consent for a referral to GGZ, a decision that permitted it, and GGZ recorded as `ontvanger` (as exchange-service does). */
    async function verwezenNaarGgz(geldigTot: Date) {
      const toestemmingen = app.get(ToestemmingService);
      const aanroep = { traceId: '5bf92f3577b34da6a3ce929d0e0e4737' };
      const deelnemerId = randomUUID();
      const ggz = { organisatie: 'ggz-oost-brabant', type: 'ggz' as const };
      const t = await toestemmingen.geef(
        {
          deelnemerId,
          verlener: { soort: 'deelnemer' },
          doel: 'verwijzing-ggz',
          categorieen: ['gezondheid'],
          bronnen: [{ soort: 'type', type: 'gemeente' }],
          ontvangers: [{ soort: 'type', type: 'ggz' }],
          geldigTot,
          bewijs: { soort: 'digitaal-ondertekend', ondertekeningId: 'sig-3' },
        },
        coach,
        aanroep,
      );
      await app.get(BesluitService).besluit({ deelnemerId, ontvanger: ggz, doel: 'verwijzing-ggz', categorieen: ['gezondheid'] }, coach, aanroep);
      await traject.legOntvangerVast(deelnemerId, ggz.organisatie);
      const levenscyclus = klant.workflow.getHandle(toestemmingWorkflowId(t.id));
      expect(await eventually(() => levenscyclus.query(toestemmingStatusQuery), 20_000)).toMatchObject({ fase: 'actief' });
      return { t, deelnemerId, ggz, levenscyclus, aanroep };
    }

    it("GGZ reads the deelnemer while the consent runs; once its end date passes the workflow ends GGZ's involvement and the read is refused", async () => {
      const { deelnemerId, ggz, levenscyclus } = await verwezenNaarGgz(new Date(Date.now() + 4_000));
      expect(traject.magLezen(deelnemerId, ggz.organisatie)).toBe(true);
      await new Promise((r) => setTimeout(r, 1_000));
      expect(traject.magLezen(deelnemerId, ggz.organisatie)).toBe(true);

      expect(await levenscyclus.result()).toMatchObject({ fase: 'verlopen' });
      expect(traject.magLezen(deelnemerId, ggz.organisatie)).toBe(false);
      // The worker acts for the deelnemer whose consent ended, not for a professional.
      expect(traject.namens.at(-1)).toMatchObject({ rol: 'deelnemer', deelnemerId });
    }, 120_000);

    it('with traject-service unreachable at a withdrawal: the withdrawal stands, and GGZ loses its involvement once traject-service is back', async () => {
      const { t, deelnemerId, ggz, levenscyclus, aanroep } = await verwezenNaarGgz(new Date('2099-01-01T00:00:00.000Z'));
      traject.bereikbaar = false;
      const ingetrokken = await app.get(ToestemmingService).trekIn(t.id, coach, 'wil het niet meer', aanroep);
      expect(ingetrokken.historie.at(-1)?.status).toBe('ingetrokken');
      // traject-service could not be told: the involvement still runs, and the workflow keeps trying.
      await new Promise((r) => setTimeout(r, 3_000));
      expect(traject.magLezen(deelnemerId, ggz.organisatie)).toBe(true);
      expect(await levenscyclus.query(toestemmingStatusQuery)).toMatchObject({ fase: 'ingetrokken' });

      traject.bereikbaar = true;
      expect(await levenscyclus.result()).toMatchObject({ fase: 'ingetrokken' });
      expect(traject.magLezen(deelnemerId, ggz.organisatie)).toBe(false);
    }, 120_000);
  });
});
