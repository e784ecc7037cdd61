import { DynamicModule, Global, Module } from '@nestjs/common';
import { LoggingModule } from '@ketenregie/shared-platform';
import { join } from 'node:path';
import { WORKER_CONFIG, WorkerConfig } from './worker.config';
import { WorkerHostModule } from './worker-host.module';
import type { WorkerRuntime } from './worker-host.service';
import type { WorkerRegistration } from './worker-registration';

/** tsconfig with the workspace `paths`, for bundling workflow code. */
export const WORKSPACE_TSCONFIG = join(__dirname, '..', '..', '..', '..', 'tsconfig.base.json');

/** Makes the validated configuration injectable (`WORKER_CONFIG`) in every registration's module. */
@Global()
@Module({})
class WorkerConfigModule {
  static register(config: WorkerConfig): DynamicModule {
    return { module: WorkerConfigModule, providers: [{ provide: WORKER_CONFIG, useValue: config }], exports: [WORKER_CONFIG] };
  }
}

/** The worker process: logging, the configuration, and one Temporal worker per registration. */
@Module({})
export class WorkerAppModule {
  static register(config: WorkerConfig, registrations: readonly WorkerRegistration[], runtime?: WorkerRuntime): DynamicModule {
    return {
      module: WorkerAppModule,
      imports: [
        LoggingModule.forRoot({ service: 'worker', level: config.LOG_LEVEL }),
        WorkerConfigModule.register(config),
        WorkerHostModule.register(
          {
            temporalAddress: config.TEMPORAL_ADDRESS,
            namespace: config.TEMPORAL_NAMESPACE,
            tsconfigPath: WORKSPACE_TSCONFIG,
            maxCachedWorkflows: config.WORKER_MAX_CACHED_WORKFLOWS,
          },
          registrations,
          runtime,
        ),
      ],
    };
  }
}
