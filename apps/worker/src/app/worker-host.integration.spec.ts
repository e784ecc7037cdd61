import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client, Connection } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FixtureActivities, FixtureActivitiesModule } from '../testing/fixture.activities';
import { WORKSPACE_TSCONFIG } from './worker-app.module';
import { WorkerHostModule } from './worker-host.module';
import { TemporalWorkerHost, type WorkerHostOptions } from './worker-host.service';
import type { WorkerRegistration } from './worker-registration';
import { buildWorkflowBundles } from './workflow-bundles';

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

/** A Nest application context hosting `registrations`: bootstrap hooks (connect, create, run) have run when it resolves. */
function hostApp(options: WorkerHostOptions, registrations: readonly WorkerRegistration[]): Promise<INestApplicationContext> {
  return NestFactory.createApplicationContext(
    { module: RootModule, imports: [WorkerHostModule.register(options, registrations)] },
    { logger: false, abortOnError: false },
  );
}

/** Runs the fixture workflow on `taskQueue` through a client of its own. */
async function runFixtureWorkflow(address: string, taskQueue: string): Promise<string> {
  const connection = await Connection.connect({ address });
  try {
    const client = new Client({ connection, namespace: 'default' });
    return await client.workflow.execute('fixtureWorkflow', { taskQueue, workflowId: `${taskQueue}-${Date.now()}`, args: ['Sanne'] });
  } finally {
    await connection.close();
  }
}

const FIXTURE_RESULT = 'Goedemorgen, Sanne; three working days after Christmas Eve 2025 is 2025-12-31';

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
    app = await hostApp({ temporalAddress: address, namespace: 'default', tsconfigPath: WORKSPACE_TSCONFIG }, [registration]);
    const context = app;
    const host = context.get(TemporalWorkerHost);
    let result: string;
    try {
      expect(host.state).toBe('running');
      result = await runFixtureWorkflow(address, registration.taskQueue);
    } finally {
      await context.close();
    }
    // Kerst (25th, 26th) and the weekend are skipped: Monday 29th, Tuesday 30th, Wednesday 31st.
    expect(result).toBe(FIXTURE_RESULT);
    expect(host.state).toBe('stopped');
    await expect(host.terminated()).resolves.toBeUndefined();
  }, 120_000);

  it('runs workflows from a prebuilt bundle (the production build) without bundling any source', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'worker-bundles-'));
    try {
      const taskQueue = 'worker-host-prebuilt-spec';
      const bundles = await buildWorkflowBundles(
        [{ taskQueue, workflowsPath: require.resolve('../testing/fixture.workflows') }],
        dir,
        WORKSPACE_TSCONFIG,
        new DefaultLogger('ERROR'),
      );
      expect(bundles).toEqual({ [taskQueue]: join(dir, `${taskQueue}.js`) });
      // A source path that does not exist: the worker can only run if it loads the bundle.
      const registration = {
        taskQueue,
        workflowsPath: join(dir, 'no-such-source', 'index.ts'),
        module: FixtureActivitiesModule,
        activities: FixtureActivities,
      };
      app = await hostApp({ temporalAddress: address, namespace: 'default', tsconfigPath: WORKSPACE_TSCONFIG, workflowBundles: bundles }, [registration]);
      const context = app;
      try {
        expect(context.get(TemporalWorkerHost).state).toBe('running');
        await expect(runFixtureWorkflow(address, taskQueue)).resolves.toBe(FIXTURE_RESULT);
      } finally {
        await context.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);

  it('fails the start at once, naming TEMPORAL_ADDRESS, when Temporal cannot be reached', async () => {
    const unreachable = `127.0.0.1:${await freePort()}`;
    const started = Date.now();
    const registration = { taskQueue: 'worker-host-unreachable-spec', module: FixtureActivitiesModule, activities: FixtureActivities };
    await expect(hostApp({ temporalAddress: unreachable, namespace: 'default', tsconfigPath: WORKSPACE_TSCONFIG }, [registration])).rejects.toThrow(
      `Temporal is unreachable at TEMPORAL_ADDRESS=${unreachable} (namespace default)`,
    );
    expect(Date.now() - started).toBeLessThan(10_000);
  }, 30_000);
});
