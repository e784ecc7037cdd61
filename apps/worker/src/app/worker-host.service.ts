import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ACTIVITY_HEARTBEAT_MS } from '@ketenregie/shared-kernel';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { NativeConnectionOptions, WorkerOptions } from '@temporalio/worker';
import { type WorkflowBundles, workflowBundlerOptions } from './workflow-bundles';
import type { WorkerRegistration } from './worker-registration';

/** Where the host connects and how it bundles workflow code. */
export interface WorkerHostOptions {
  readonly temporalAddress: string;
  readonly namespace: string;
  /** tsconfig whose `paths` resolve `@ketenregie/*` imports inside workflow bundles. */
  readonly tsconfigPath: string;
  /** Sticky cache size per worker; `undefined` leaves the SDK's default (derived from the heap size). */
  readonly maxCachedWorkflows?: number;
  /** TLS (and mTLS) towards the Temporal frontend (`temporalTls`). */
  readonly tls?: NativeConnectionOptions['tls'];
  /** The payload codec every worker encodes and decodes with (`kluisDataConverter`). */
  readonly dataConverter?: WorkerOptions['dataConverter'];
  /** Worker plugins (Temporal's OpenTelemetry plugin: spans across client, workflow and activity). */
  readonly plugins?: WorkerOptions['plugins'];
  /** Activity interceptors (metrics). */
  readonly activityInterceptors?: NonNullable<WorkerOptions['interceptors']>['activity'];
  /** How long running activities may finish after shutdown began before they are cancelled (`WORKER_SHUTDOWN_GRACE_MS`). */
  readonly shutdownGraceMs?: number;
  /** Prebuilt workflow bundles per task queue (the production build); without them each worker bundles its workflow code from source at start. */
  readonly workflowBundles?: WorkflowBundles;
}

export const WORKER_HOST_OPTIONS = Symbol('WORKER_HOST_OPTIONS');
export const WORKER_REGISTRATIONS = Symbol('WORKER_REGISTRATIONS');

/** Creates workers; the seam exists so the lifecycle can be exercised without a server. */
export interface WorkerRuntime {
  connect(address: string, tls?: NativeConnectionOptions['tls']): Promise<{ close(): Promise<void> }>;
  create(connection: unknown, options: Omit<WorkerOptions, 'connection'>): Promise<RunnableWorker>;
}

/** The part of a Temporal `Worker` the host drives. */
export interface RunnableWorker {
  run(): Promise<void>;
  shutdown(): void;
  getState(): string;
}

export const WORKER_RUNTIME = Symbol('WORKER_RUNTIME');

/** The real runtime: a `NativeConnection` and `Worker.create`. */
export const temporalWorkerRuntime: WorkerRuntime = {
  connect: (address, tls) => NativeConnection.connect({ address, ...(tls ? { tls } : {}) }),
  create: (connection, options) => Worker.create({ ...options, connection: connection as NativeConnection }),
};

type HostState = 'idle' | 'starting' | 'running' | 'stopping' | 'stopped' | 'failed';

interface Running {
  readonly taskQueue: string;
  readonly worker: RunnableWorker;
  readonly done: Promise<void>;
}

/**
 * Runs one Temporal worker per registration for as long as the Nest application lives:
 * created and started in `onApplicationBootstrap`, shut down and awaited in
 * `beforeApplicationShutdown`. A worker that stops on its own (fatal error) rejects
 * {@link TemporalWorkerHost.terminated}, which `main.ts` turns into a process exit.
 */
@Injectable()
export class TemporalWorkerHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(TemporalWorkerHost.name);
  private connection?: { close(): Promise<void> };
  private running: Running[] = [];
  private hostState: HostState = 'idle';
  private settle!: { resolve: () => void; reject: (error: unknown) => void };
  private readonly whenTerminated = new Promise<void>((resolve, reject) => {
    this.settle = { resolve, reject };
  });

  constructor(
    @Inject(WORKER_HOST_OPTIONS) private readonly options: WorkerHostOptions,
    @Inject(WORKER_REGISTRATIONS) private readonly registrations: readonly WorkerRegistration[],
    @Inject(WORKER_RUNTIME) private readonly runtime: WorkerRuntime,
    private readonly moduleRef: ModuleRef,
  ) {
    this.whenTerminated.catch(() => undefined);
  }

  /** Current lifecycle state. */
  get state(): HostState {
    return this.hostState;
  }

  /** Task queues being polled. */
  get taskQueues(): string[] {
    return this.running.map((r) => r.taskQueue);
  }

  /** Resolves after a clean shutdown; rejects when a worker stops on its own. */
  terminated(): Promise<void> {
    return this.whenTerminated;
  }

  async onApplicationBootstrap(): Promise<void> {
    this.hostState = 'starting';
    const connection = await this.connect();
    this.connection = connection;
    const workers: { taskQueue: string; worker: RunnableWorker }[] = [];
    try {
      for (const registration of this.registrations) {
        const worker = await this.runtime.create(connection, this.workerOptions(registration));
        workers.push({ taskQueue: registration.taskQueue, worker });
      }
    } catch (error) {
      this.hostState = 'failed';
      await connection.close();
      throw error;
    }
    this.running = workers.map(({ taskQueue, worker }) => ({
      taskQueue,
      worker,
      done: worker.run().then(
        () => this.onWorkerStopped(taskQueue),
        (error: unknown) => this.onWorkerStopped(taskQueue, error),
      ),
    }));
    this.hostState = 'running';
    this.logger.log(
      {
        taskQueues: this.taskQueues,
        namespace: this.options.namespace,
        workflowCode: this.options.workflowBundles ? 'prebuilt bundles' : 'bundled from source',
      },
      'Temporal workers running',
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.hostState === 'stopped' || this.hostState === 'idle') return;
    const failed = this.hostState === 'failed';
    this.hostState = 'stopping';
    for (const { worker } of this.running) {
      if (worker.getState() === 'RUNNING') worker.shutdown();
    }
    await Promise.all(this.running.map((r) => r.done));
    await this.connection?.close();
    this.connection = undefined;
    this.hostState = failed ? 'failed' : 'stopped';
    this.logger.log({ taskQueues: this.taskQueues }, 'Temporal workers stopped');
    if (!failed) this.settle.resolve();
  }

  private onWorkerStopped(taskQueue: string, error?: unknown): void {
    if (this.hostState === 'stopping') {
      if (error) this.logger.warn({ taskQueue, err: error }, 'Temporal worker failed while shutting down');
      return;
    }
    this.hostState = 'failed';
    this.logger.error({ taskQueue, err: error }, 'Temporal worker stopped unexpectedly');
    this.settle.reject(error ?? new Error(`Temporal worker for task queue ${taskQueue} stopped unexpectedly`));
  }

  /** The connection to the Temporal frontend; an unreachable one fails the start with a message that names the setting. */
  private async connect(): Promise<{ close(): Promise<void> }> {
    const { temporalAddress, namespace } = this.options;
    try {
      return await this.runtime.connect(temporalAddress, this.options.tls);
    } catch (error) {
      this.hostState = 'failed';
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`Temporal is unreachable at TEMPORAL_ADDRESS=${temporalAddress} (namespace ${namespace}${this.options.tls ? ', TLS' : ''}): ${reason}`, {
        cause: error,
      });
    }
  }

  private workerOptions(registration: WorkerRegistration): Omit<WorkerOptions, 'connection'> {
    const bundle = registration.workflowsPath ? this.options.workflowBundles?.[registration.taskQueue] : undefined;
    if (registration.workflowsPath && this.options.workflowBundles && !bundle) {
      throw new Error(`no prebuilt workflow bundle for task queue ${registration.taskQueue}`);
    }
    return {
      namespace: this.options.namespace,
      taskQueue: registration.taskQueue,
      // Every heartbeat of `runActivity` reaches the server (the SDK's default waits up to 80 % of
      // the heartbeat timeout between two), so a dead worker's attempt times out one heartbeat
      // timeout after its last heartbeat at the latest.
      maxHeartbeatThrottleInterval: ACTIVITY_HEARTBEAT_MS,
      ...(this.options.dataConverter ? { dataConverter: this.options.dataConverter } : {}),
      ...(this.options.maxCachedWorkflows === undefined ? {} : { maxCachedWorkflows: this.options.maxCachedWorkflows }),
      ...(this.options.plugins ? { plugins: this.options.plugins } : {}),
      ...(this.options.activityInterceptors ? { interceptors: { activity: this.options.activityInterceptors } } : {}),
      ...(this.options.shutdownGraceMs === undefined ? {} : { shutdownGraceTime: this.options.shutdownGraceMs }),
      ...(bundle
        ? { workflowBundle: { codePath: bundle } }
        : { workflowsPath: registration.workflowsPath, bundlerOptions: workflowBundlerOptions(registration, this.options.tsconfigPath) }),
      activities: registration.activities ? this.activitiesOf(registration.activities) : undefined,
    };
  }

  /** The public methods of the activities provider, bound to its instance. */
  private activitiesOf(token: NonNullable<WorkerRegistration['activities']>): Record<string, (...args: unknown[]) => unknown> {
    const instance = this.moduleRef.get(token, { strict: false }) as Record<string, unknown>;
    const activities: Record<string, (...args: unknown[]) => unknown> = {};
    for (const name of Object.getOwnPropertyNames(Object.getPrototypeOf(instance))) {
      const member = instance[name];
      if (name !== 'constructor' && typeof member === 'function') activities[name] = (member as (...args: unknown[]) => unknown).bind(instance);
    }
    return activities;
  }
}
