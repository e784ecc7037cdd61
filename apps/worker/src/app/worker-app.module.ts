import { DynamicModule, Module } from '@nestjs/common';
import { LoggingModule } from '@ketenregie/shared-platform';
import { join } from 'node:path';
import type { WorkerConfig } from './worker.config';
import { WorkerHostModule } from './worker-host.module';
import type { WorkerRuntime } from './worker-host.service';
import type { WorkerRegistration } from './worker-registration';

/** tsconfig with the workspace `paths`, for bundling workflow code. */
export const WORKSPACE_TSCONFIG = join(__dirname, '..', '..', '..', '..', 'tsconfig.base.json');

/** The worker process: logging plus one Temporal worker per registration. */
@Module({})
export class WorkerAppModule {
  static register(config: WorkerConfig, registrations: readonly WorkerRegistration[], runtime?: WorkerRuntime): DynamicModule {
    return {
      module: WorkerAppModule,
      imports: [
        LoggingModule.forRoot({ service: 'worker', level: config.LOG_LEVEL }),
        WorkerHostModule.register(
          { temporalAddress: config.TEMPORAL_ADDRESS, namespace: config.TEMPORAL_NAMESPACE, tsconfigPath: WORKSPACE_TSCONFIG },
          registrations,
          runtime,
        ),
      ],
    };
  }
}
