import { DynamicModule, Global, Module } from '@nestjs/common';
import {
  KluisModule,
  kluisDataConverter,
  type Sleutelkluis,
  sleutelkluisVanConfig,
  type WorkflowEigenaarSchemas,
  workflowDeelnemerUitTabellen,
} from '@ketenregie/shared-crypto';
import { LoggingModule, TemporalClientModule, temporalTls, temporalVerbinding } from '@ketenregie/shared-platform';
import { join } from 'node:path';
import { WORKER_CONFIG, WorkerConfig } from './worker.config';
import { WorkerHostModule } from './worker-host.module';
import type { WorkerHostOptions, WorkerRuntime } from './worker-host.service';
import type { WorkerRegistration } from './worker-registration';
import type { WorkflowBundles } from './workflow-bundles';

/** tsconfig with the workspace `paths`, for bundling workflow code. */
export const WORKSPACE_TSCONFIG = join(__dirname, '..', '..', '..', '..', 'tsconfig.base.json');

/** Makes the validated configuration (`WORKER_CONFIG`) injectable in every registration's module. */
@Global()
@Module({})
class WorkerConfigModule {
  static register(config: WorkerConfig): DynamicModule {
    return {
      module: WorkerConfigModule,
      providers: [{ provide: WORKER_CONFIG, useValue: config }],
      exports: [WORKER_CONFIG],
    };
  }
}

/** The worker process: logging, the configuration, and one Temporal worker per registration. */
@Module({})
export class WorkerAppModule {
  /**
   * @param kluis tests pass a key store and the schemas of their own; by default the configuration's
   * key store and the contexts' schemas
   * @param host `workflowBundles`: prebuilt workflow bundles per task queue (the production build; unset: bundled from source at
   * start). `migrateOnly`: only the registrations' modules, whose data sources migrate their schemas when created, and no
   * Temporal worker (the migration job, `migrate.ts`)
   */
  static register(
    config: WorkerConfig,
    registrations: readonly WorkerRegistration[],
    runtime?: WorkerRuntime,
    kluis: { readonly sleutels?: Sleutelkluis; readonly schemas?: WorkflowEigenaarSchemas } = {},
    host: Pick<WorkerHostOptions, 'plugins' | 'activityInterceptors'> & { readonly workflowBundles?: WorkflowBundles; readonly migrateOnly?: boolean } = {},
  ): DynamicModule {
    const sleutels = kluis.sleutels ?? sleutelkluisVanConfig(config, { applicationName: 'worker-kluis' });
    const eigenaren = workflowDeelnemerUitTabellen(
      config.DATABASE_URL,
      kluis.schemas ?? { traject: 'traject', exchange: 'exchange', consent: 'consent', plaatsing: 'plaatsing' },
    );
    const tls = temporalTls(config);
    const dataConverter = kluisDataConverter(sleutels, eigenaren.deelnemerVan);
    return {
      module: WorkerAppModule,
      imports: [
        LoggingModule.forRoot({ service: 'worker', level: config.LOG_LEVEL }),
        WorkerConfigModule.register(config),
        // The client the activities reach other contexts' workflows with (the worker's own payload codec).
        TemporalClientModule.forRoot(temporalVerbinding(config), { inject: [], useFactory: () => dataConverter }),
        KluisModule.forRoot(sleutels, [eigenaren.sluit]),
        ...(host.migrateOnly
          ? registrations.flatMap((r) => (r.module ? [r.module] : []))
          : [
              WorkerHostModule.register(
                {
                  temporalAddress: config.TEMPORAL_ADDRESS,
                  namespace: config.TEMPORAL_NAMESPACE,
                  tsconfigPath: WORKSPACE_TSCONFIG,
                  maxCachedWorkflows: config.WORKER_MAX_CACHED_WORKFLOWS,
                  ...(tls ? { tls } : {}),
                  ...(host.workflowBundles ? { workflowBundles: host.workflowBundles } : {}),
                  dataConverter,
                  shutdownGraceMs: config.WORKER_SHUTDOWN_GRACE_MS,
                  ...(host.plugins ? { plugins: host.plugins } : {}),
                  ...(host.activityInterceptors ? { activityInterceptors: host.activityInterceptors } : {}),
                },
                registrations,
                runtime,
              ),
            ]),
      ],
    };
  }
}
