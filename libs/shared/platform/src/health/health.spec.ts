import { Controller, Get, INestApplication, Module } from '@nestjs/common';
import { Server, ServerCredentials, status } from '@grpc/grpc-js';
import { Client } from '@temporalio/client';
import { HealthCheckResult } from '@nestjs/terminus';
import { InjectRepository, TypeOrmModule } from '@nestjs/typeorm';
import { Column, Entity, MigrationInterface, PrimaryColumn, QueryRunner, Repository } from 'typeorm';
import { describeEachDatabase } from '@ketenregie/shared-testing';
import { Public } from '../auth/auth.decorators';
import { createService } from '../bootstrap/bootstrap-service';
import { DatabaseModule } from '../database/database';
import { qualifiedName } from '../database/schema';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { temporalConfigSchema } from '../config/config';
import { TemporalClientModule, temporalVerbinding } from '../temporal/temporal-client';
import { HealthModule } from './health';

@Entity({ name: 'organisatie' })
class Organisatie {
  @PrimaryColumn('text')
  id!: string;

  @Column('text')
  type!: string;
}

class SeedOrganisaties1735689600000 implements MigrationInterface {
  name = 'SeedOrganisaties1735689600000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.query(`CREATE TABLE ${qualifiedName(qr, 'organisatie')} (id text PRIMARY KEY, type text NOT NULL)`);
    await qr.query(`INSERT INTO ${qualifiedName(qr, 'organisatie')} VALUES ('gemeente-helmond', 'gemeente')`);
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.query(`DROP TABLE ${qualifiedName(qr, 'organisatie')}`);
  }
}

@Public()
@Controller('organisaties')
class OrganisatieController {
  constructor(@InjectRepository(Organisatie) private readonly repo: Repository<Organisatie>) {}

  @Get()
  list(): Promise<Organisatie[]> {
    return this.repo.find();
  }
}

describeEachDatabase('a service with DatabaseModule and HealthModule', (db) => {
  let app: INestApplication;
  let base: string;

  beforeAll(async () => {
    @Module({
      imports: [
        DatabaseModule.forRoot({ url: db.url, schema: db.schema, entities: [Organisatie], migrations: [SeedOrganisaties1735689600000] }),
        TypeOrmModule.forFeature([Organisatie]),
        HealthModule.forRoot({ temporal: false }),
      ],
      controllers: [OrganisatieController],
    })
    class AppModule {}

    app = await createService(AppModule, { name: 'registry-test', port: 0, logLevel: 'silent', shutdownHooks: false });
    await app.listen(0, '127.0.0.1');
    base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  }, 60_000);

  afterAll(async () => {
    await app?.close();
  });

  it('migrates at start-up and serves entities from its own schema', async () => {
    const res = await fetch(`${base}/api/v1/organisaties`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual([{ id: 'gemeente-helmond', type: 'gemeente' }]);
  });

  it('is ready when its database answers (Temporal opted out)', async () => {
    const res = await fetch(`${base}/health/ready`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
  });
});

describe('HealthModule readiness and TemporalClientModule against a Temporal frontend', () => {
  let grpcServer: Server;
  let address: string;
  const apps: INestApplication[] = [];
  let calls = 0;

  /** A stand-in Temporal frontend answering GetSystemInfo and DescribeNamespace (namespace `default` only). */
  function frontend(): Server {
    const server = new Server();
    const raw = (b: Buffer) => b;
    server.addService(
      {
        GetSystemInfo: {
          path: '/temporal.api.workflowservice.v1.WorkflowService/GetSystemInfo',
          requestStream: false,
          responseStream: false,
          requestSerialize: raw,
          requestDeserialize: raw,
          responseSerialize: raw,
          responseDeserialize: raw,
        },
        DescribeNamespace: {
          path: '/temporal.api.workflowservice.v1.WorkflowService/DescribeNamespace',
          requestStream: false,
          responseStream: false,
          requestSerialize: raw,
          requestDeserialize: raw,
          responseSerialize: raw,
          responseDeserialize: raw,
        },
      },
      {
        // An empty message is a valid (default) GetSystemInfoResponse / DescribeNamespaceResponse.
        GetSystemInfo: (_call: unknown, callback: (err: null, value: Buffer) => void) => {
          calls++;
          callback(null, Buffer.alloc(0));
        },
        DescribeNamespace: (call: { request: Buffer }, callback: (err: { code: number; details: string } | null, value?: Buffer) => void) => {
          // field 1 (namespace) of DescribeNamespaceRequest, a length-delimited string
          const namespace = call.request.subarray(2, 2 + call.request[1]).toString('utf8');
          if (namespace === 'default') callback(null, Buffer.alloc(0));
          else callback({ code: status.NOT_FOUND, details: `Namespace ${namespace} is not found.` });
        },
      },
    );
    return server;
  }

  const bind = (server: Server, credentials: ServerCredentials) =>
    new Promise<string>((resolve, reject) => server.bindAsync('127.0.0.1:0', credentials, (err, p) => (err ? reject(err) : resolve(`127.0.0.1:${p}`))));

  beforeAll(async () => {
    grpcServer = frontend();
    address = await bind(grpcServer, ServerCredentials.createInsecure());
  }, 60_000);

  afterAll(async () => {
    await Promise.all(apps.map((a) => a.close()));
    grpcServer?.forceShutdown();
  });

  async function serviceFor(namespace: string): Promise<string> {
    @Module({ imports: [HealthModule.forRoot({ database: false, temporal: { address, namespace } })] })
    class AppModule {}
    const app = await createService(AppModule, { name: 'temporal-ready-test', port: 0, logLevel: 'silent', shutdownHooks: false });
    apps.push(app);
    await app.listen(0, '127.0.0.1');
    return (await app.getUrl()).replace('[::1]', '127.0.0.1');
  }

  it('is ready when Temporal answers and the namespace exists', async () => {
    const base = await serviceFor('default');
    const before = calls;
    const res = await fetch(`${base}/health/ready`);
    expect(await res.json()).toMatchObject({ status: 'ok', info: { temporal: { status: 'up', namespace: 'default' } } });
    expect(res.status).toBe(200);
    expect(calls).toBeGreaterThan(before);
  });

  it('is not ready while its namespace is not registered', async () => {
    const base = await serviceFor('ketenregie');
    const res = await fetch(`${base}/health/ready`);
    expect(res.status).toBe(503);
    expect(((await res.json()) as HealthCheckResult).error?.['temporal']).toMatchObject({ status: 'down', message: expect.stringMatching(/not found/) });
  });

  it('gives services a lazily connected Temporal client in the configured namespace', async () => {
    @Module({ imports: [TemporalClientModule.forRoot({ address, namespace: 'default' })] })
    class AppModule {}
    const app = await createService(AppModule, { name: 'temporal-client-test', port: 0, logLevel: 'silent', shutdownHooks: false });
    await app.init();
    const client = app.get(Client);
    expect(client.options.namespace).toBe('default');
    const before = calls;
    await client.connection.ensureConnected();
    expect(calls).toBeGreaterThan(before);
    await app.close();
    await expect(client.workflowService.getSystemInfo({})).rejects.toThrow();
  });

  describe('over TLS (TEMPORAL_TLS*), as a production cluster is reached', () => {
    let tlsServer: Server;
    let tlsAddress: string;
    let dir: string;

    beforeAll(async () => {
      // A throwaway certificate for the name the client checks (TEMPORAL_TLS_SERVER_NAME), trusted through TEMPORAL_TLS_CA_FILE.
      dir = mkdtempSync(join(tmpdir(), 'temporal-tls-'));
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'ec',
          '-pkeyopt',
          'ec_paramgen_curve:prime256v1',
          '-nodes',
          '-days',
          '1',
          '-subj',
          '/CN=temporal.test',
          '-addext',
          'subjectAltName=DNS:temporal.test',
          '-keyout',
          join(dir, 'key.pem'),
          '-out',
          join(dir, 'cert.pem'),
        ],
        { stdio: 'ignore' },
      );
      tlsServer = frontend();
      tlsAddress = await bind(
        tlsServer,
        ServerCredentials.createSsl(null, [{ cert_chain: readFileSync(join(dir, 'cert.pem')), private_key: readFileSync(join(dir, 'key.pem')) }]),
      );
    }, 60_000);

    afterAll(() => {
      tlsServer?.forceShutdown();
      rmSync(dir, { recursive: true, force: true });
    });

    const config = (tls: boolean) =>
      temporalConfigSchema.parse({
        TEMPORAL_ADDRESS: tlsAddress,
        ...(tls ? { TEMPORAL_TLS_CA_FILE: join(dir, 'cert.pem'), TEMPORAL_TLS_SERVER_NAME: 'temporal.test' } : {}),
      });

    async function readiness(verbinding: ReturnType<typeof temporalVerbinding>): Promise<Response> {
      @Module({ imports: [HealthModule.forRoot({ database: false, temporal: verbinding }), TemporalClientModule.forRoot(verbinding)] })
      class AppModule {}
      const app = await createService(AppModule, { name: 'temporal-tls-test', port: 0, logLevel: 'silent', shutdownHooks: false });
      apps.push(app);
      await app.listen(0, '127.0.0.1');
      return fetch(`${(await app.getUrl()).replace('[::1]', '127.0.0.1')}/health/ready`);
    }

    it('reaches the frontend over TLS with the configuration, in the readiness check and in the client', async () => {
      const res = await readiness(temporalVerbinding(config(true)));
      expect(await res.json()).toMatchObject({ status: 'ok', info: { temporal: { status: 'up' } } });
      const client = apps[apps.length - 1]!.get(Client);
      await expect(client.workflowService.getSystemInfo({})).resolves.toBeDefined();
    });

    it('is not ready when it would speak plain gRPC to a TLS frontend', async () => {
      const res = await readiness(temporalVerbinding(config(false)));
      expect(res.status).toBe(503);
    });
  });
});
