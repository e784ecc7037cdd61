import { join } from 'node:path';
import { Injectable, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { WorkerOptions } from '@temporalio/worker';
import { WorkerHostModule } from './worker-host.module';
import { RunnableWorker, TemporalWorkerHost, WorkerRuntime } from './worker-host.service';

/** A worker whose run() lasts until shutdown(), like Temporal's. */
class FakeWorker implements RunnableWorker {
  state = 'INITIALIZED';
  private stop!: (error?: unknown) => void;
  constructor(readonly options: Omit<WorkerOptions, 'connection'>) {}
  run(): Promise<void> {
    this.state = 'RUNNING';
    return new Promise<void>((resolve, reject) => {
      this.stop = (error) => {
        this.state = 'STOPPED';
        if (error) reject(error);
        else setTimeout(resolve, 20);
      };
    });
  }
  shutdown(): void {
    this.state = 'STOPPING';
    this.stop();
  }
  crash(error: Error): void {
    this.stop(error);
  }
  getState(): string {
    return this.state;
  }
}

function fakeRuntime() {
  const events: string[] = [];
  const workers: FakeWorker[] = [];
  const runtime: WorkerRuntime = {
    connect: async (address) => {
      events.push(`connect ${address}`);
      return { close: async () => void events.push('close') };
    },
    create: async (_connection, options) => {
      if (options.taskQueue === 'broken') throw new Error('bundle failed');
      const worker = new FakeWorker(options);
      workers.push(worker);
      events.push(`create ${options.taskQueue}`);
      return worker;
    },
  };
  return { runtime, events, workers };
}

@Injectable()
class GreetingActivities {
  private readonly greeting = 'hallo';
  async greet(name: string): Promise<string> {
    return `${this.greeting} ${name}`;
  }
}

@Module({ providers: [GreetingActivities], exports: [GreetingActivities] })
class GreetingModule {}

const options = { temporalAddress: '127.0.0.1:7233', namespace: 'default', tsconfigPath: join(__dirname, '..', '..', '..', '..', 'tsconfig.base.json') };

@Module({})
class RootModule {}

/** An initialised application context: bootstrap hooks have run when it resolves. */
function createApp(
  registrations: Parameters<typeof WorkerHostModule.register>[1],
  runtime: WorkerRuntime,
  hostOptions: Parameters<typeof WorkerHostModule.register>[0] = options,
) {
  return NestFactory.createApplicationContext(
    { module: RootModule, imports: [WorkerHostModule.register(hostOptions, registrations, runtime)] },
    { logger: false, preview: false, abortOnError: false },
  );
}

describe('TemporalWorkerHost', () => {
  it('starts one worker per registration on bootstrap and awaits their shutdown on close', async () => {
    const { runtime, events, workers } = fakeRuntime();
    const app = await createApp(
      [
        { taskQueue: 'traject', workflowsPath: '/abs/workflows/traject/src/index.ts', module: GreetingModule, activities: GreetingActivities },
        { taskQueue: 'consent' },
      ],
      runtime,
    );
    const host = app.get(TemporalWorkerHost);

    expect(host.state).toBe('running');
    expect(host.taskQueues).toEqual(['traject', 'consent']);
    expect(events).toEqual(['connect 127.0.0.1:7233', 'create traject', 'create consent']);
    expect(workers.map((w) => w.getState())).toEqual(['RUNNING', 'RUNNING']);
    expect(workers[0].options.namespace).toBe('default');
    expect(workers[0].options.workflowsPath).toBe('/abs/workflows/traject/src/index.ts');

    const activities = workers[0].options.activities as Record<string, (name: string) => Promise<string>>;
    expect(Object.keys(activities)).toEqual(['greet']);
    await expect(activities['greet']('Sanne')).resolves.toBe('hallo Sanne');

    await app.close();
    expect(host.state).toBe('stopped');
    expect(workers.map((w) => w.getState())).toEqual(['STOPPED', 'STOPPED']);
    expect(events.at(-1)).toBe('close');
    await expect(host.terminated()).resolves.toBeUndefined();
  });

  it('leaves the sticky cache size to the SDK unless configured, and passes a configured size to every worker', async () => {
    const standaard = fakeRuntime();
    await (await createApp([{ taskQueue: 'traject' }], standaard.runtime)).close();
    expect('maxCachedWorkflows' in standaard.workers[0].options).toBe(false);

    const groot = fakeRuntime();
    await (await createApp([{ taskQueue: 'traject' }, { taskQueue: 'consent' }], groot.runtime, { ...options, maxCachedWorkflows: 10_100 })).close();
    expect(groot.workers.map((w) => w.options.maxCachedWorkflows)).toEqual([10_100, 10_100]);
  });

  it("bundles a registration's shared modules once per worker and leaves out its unused side-effect-free modules", async () => {
    const { runtime, workers } = fakeRuntime();
    await (await createApp([{ taskQueue: 'traject', preloadModules: ['zod'], sideEffectFreeModules: [/libs/] }, { taskQueue: 'consent' }], runtime)).close();
    expect(workers.map((w) => w.options.bundlerOptions?.preloadModules)).toEqual([['zod'], undefined]);
    const [traject, consent] = workers.map((w) => w.options.bundlerOptions?.webpackConfigHook?.({ mode: 'development' }));
    expect(traject).toMatchObject({ optimization: { sideEffects: 'flag' }, module: { rules: [{ test: /libs/, sideEffects: false }] } });
    expect(consent?.module).toBeUndefined();
  });

  it('starts and stops cleanly with no registrations', async () => {
    const { runtime, events } = fakeRuntime();
    const app = await createApp([], runtime);
    expect(app.get(TemporalWorkerHost).state).toBe('running');
    await app.close();
    expect(app.get(TemporalWorkerHost).state).toBe('stopped');
    expect(events).toEqual(['connect 127.0.0.1:7233', 'close']);
  });

  it('closes the connection and fails start-up when a worker cannot be created', async () => {
    const { runtime, events } = fakeRuntime();
    await expect(createApp([{ taskQueue: 'traject' }, { taskQueue: 'broken' }], runtime)).rejects.toThrow('bundle failed');
    expect(events).toEqual(['connect 127.0.0.1:7233', 'create traject', 'close']);
  });

  it('reports a worker that stops on its own through terminated()', async () => {
    const { runtime, workers } = fakeRuntime();
    const app = await createApp([{ taskQueue: 'traject' }], runtime);
    const host = app.get(TemporalWorkerHost);
    workers[0].crash(new Error('lost the server'));
    await expect(host.terminated()).rejects.toThrow('lost the server');
    expect(host.state).toBe('failed');
    await app.close();
    expect(host.state).toBe('failed');
  });
});
