import { Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { PLAATSING_REPOSITORY, PlaatsingActiviteitenService } from '@ketenregie/plaatsing-application';
import { PLAATSING_SCHEMA, plaatsingMigraties, SqlPlaatsingRepository } from '@ketenregie/plaatsing-data-access';
import { Sleutelkluis } from '@ketenregie/shared-crypto';
import { openDatabase } from '@ketenregie/shared-platform';
import { DataSource } from 'typeorm';
import { workerServiceIdentityProvider } from '../app/worker-service-identity';
import { WORKER_CONFIG, WorkerConfig } from '../app/worker.config';
import { PLAATSING_WORKER_CONFIG, PlaatsingActivitiesAdapter } from './plaatsing.activities';

const PLAATSING_DATA_SOURCE = Symbol('PLAATSING_DATA_SOURCE');

/** Closes the plaatsing data source when the worker shuts down. */
@Injectable()
class PlaatsingDataSourceAfsluiter implements OnApplicationShutdown {
  constructor(@Inject(PLAATSING_DATA_SOURCE) private readonly ds: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.ds.isInitialized) await this.ds.destroy();
  }
}

/**
 * What the plaatsing activities need inside the worker: the `plaatsing` schema (migrated on
 * start; its personal fields encrypted with the worker's key store), the use case, and the worker's service identity towards exchange-service (warm return).
 */
@Module({
  providers: [
    { provide: PLAATSING_WORKER_CONFIG, useExisting: WORKER_CONFIG },
    workerServiceIdentityProvider,
    {
      provide: PLAATSING_DATA_SOURCE,
      useFactory: (config: WorkerConfig, kluis: Sleutelkluis) =>
        openDatabase({
          url: config.DATABASE_URL,
          statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
          schema: PLAATSING_SCHEMA,
          migrations: plaatsingMigraties(kluis),
          applicationName: 'worker-plaatsing',
        }),
      inject: [WORKER_CONFIG, Sleutelkluis],
    },
    {
      provide: PLAATSING_REPOSITORY,
      useFactory: (ds: DataSource, kluis: Sleutelkluis) => new SqlPlaatsingRepository(ds, kluis),
      inject: [PLAATSING_DATA_SOURCE, Sleutelkluis],
    },
    PlaatsingActiviteitenService,
    PlaatsingActivitiesAdapter,
    PlaatsingDataSourceAfsluiter,
  ],
  exports: [PlaatsingActivitiesAdapter],
})
export class PlaatsingWorkerModule {}
