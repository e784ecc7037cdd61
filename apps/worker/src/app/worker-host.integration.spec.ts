import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client, Connection } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { FixtureActivities, FixtureActivitiesModule } from '../testing/fixture.activities';
import { WORKSPACE_TSCONFIG } from './worker-app.module';
import { WorkerHostModule } from './worker-host.module';
import { TemporalWorkerHost } from './worker-host.service';

const SERVER_BIN = join(__dirname, '..', '..', '..', '..', 'infra', 'temporal-dev-server', 'bin', 'temporal-dev-server');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

@Module({})
class RootModule {}

describe('TemporalWorkerHost against the Temporal dev server', () => {
  let env: TestWorkflowEnvironment;
  let address: string;
  let app: INestApplicationContext | undefined;

  beforeAll(async () => {
    Runtime.install({ logger: new DefaultLogger('ERROR'), shutdownSignals: [] });
    const port = await freePort();
    env = await TestWorkflowEnvironment.createLocal({
      server: { executable: { type: 'existing-path', path: SERVER_BIN }, ip: '127.0.0.1', port, extraArgs: ['--in-memory'] },
    });
    address = `127.0.0.1:${port}`;
  }, 60_000);

  afterAll(async () => {
    // After a failed test the workers may still poll; their native threads would keep Jest alive.
    await app?.close();
    await env?.teardown();
  }, 60_000);

  it('runs a registered worker (workflow bundled with workspace paths, activities from Nest) and stops it cleanly', async () => {
    const registration = {
      taskQueue: 'worker-host-spec',
      workflowsPath: require.resolve('../testing/fixture.workflows'),
      module: FixtureActivitiesModule,
      activities: FixtureActivities,
    };
    app = await NestFactory.createApplicationContext(
      {
        module: RootModule,
        imports: [WorkerHostModule.register({ temporalAddress: address, namespace: 'default', tsconfigPath: WORKSPACE_TSCONFIG }, [registration])],
      },
      { logger: false, abortOnError: false },
    );
    const context = app;
    const host = context.get(TemporalWorkerHost);
    let result: string;
    try {
      expect(host.state).toBe('running');
      const connection = await Connection.connect({ address });
      try {
        const client = new Client({ connection, namespace: 'default' });
        result = await client.workflow.execute('fixtureWorkflow', {
          taskQueue: 'worker-host-spec',
          workflowId: `worker-host-spec-${Date.now()}`,
          args: ['Sanne'],
        });
      } finally {
        await connection.close();
      }
    } finally {
      await context.close();
    }
    // Kerst (25th, 26th) and the weekend are skipped: Monday 29th, Tuesday 30th, Wednesday 31st.
    expect(result).toBe('Goedemorgen, Sanne; three working days after Christmas Eve 2025 is 2025-12-31');
    expect(host.state).toBe('stopped');
    await expect(host.terminated()).resolves.toBeUndefined();
  }, 120_000);
});
