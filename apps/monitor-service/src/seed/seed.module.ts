import { DynamicModule, Module } from '@nestjs/common';
import { MONITORING_MIGRATIONS, MONITORING_SCHEMA } from '@ketenregie/monitoring-data-access';
import { DatabaseModule, LoggingModule } from '@ketenregie/shared-platform';
import type { MonitorServiceConfig } from '../app/monitor-service.config';
import { RegistryModule } from '../app/registry.module';

/** Just enough of monitor-service to register organisations: logging, database, registry. */
@Module({})
export class SeedModule {
  static register(config: Pick<MonitorServiceConfig, 'DATABASE_URL' | 'LOG_LEVEL'>): DynamicModule {
    return {
      module: SeedModule,
      imports: [
        LoggingModule.forRoot({ service: 'monitor-service-seed', level: config.LOG_LEVEL }),
        DatabaseModule.forRoot({
          url: config.DATABASE_URL,
          schema: MONITORING_SCHEMA,
          migrations: MONITORING_MIGRATIONS,
          applicationName: 'monitor-service-seed',
          poolSize: 2,
        }),
        RegistryModule,
      ],
    };
  }
}
