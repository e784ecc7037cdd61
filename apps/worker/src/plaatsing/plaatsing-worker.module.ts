import { Module } from '@nestjs/common';
import { PLAATSING_REPOSITORY, PlaatsingActiviteitenService } from '@ketenregie/plaatsing-application';
import { PLAATSING_SCHEMA, plaatsingMigraties, SqlPlaatsingRepository } from '@ketenregie/plaatsing-data-access';
import { Sleutelkluis } from '@ketenregie/shared-crypto';
import { DataSource } from 'typeorm';
import { workerServiceIdentityProvider } from '../app/worker-service-identity';
import { WORKER_CONFIG } from '../app/worker.config';
import { workerDataSourceProviders } from '../app/worker-data-source';
import { PLAATSING_WORKER_CONFIG, PlaatsingActivitiesAdapter } from './plaatsing.activities';

const PLAATSING_DATA_SOURCE = Symbol('PLAATSING_DATA_SOURCE');

/**
 * What the plaatsing activities need inside the worker: the `plaatsing` schema (migrated on
 * start; its personal fields encrypted with the worker's key store), the use case, and the worker's service identity towards exchange-service (warm return).
 */
@Module({
  providers: [
    { provide: PLAATSING_WORKER_CONFIG, useExisting: WORKER_CONFIG },
    workerServiceIdentityProvider,
    ...workerDataSourceProviders(PLAATSING_DATA_SOURCE, { schema: PLAATSING_SCHEMA, migrations: plaatsingMigraties }),
    {
      provide: PLAATSING_REPOSITORY,
      useFactory: (ds: DataSource, kluis: Sleutelkluis) => new SqlPlaatsingRepository(ds, kluis),
      inject: [PLAATSING_DATA_SOURCE, Sleutelkluis],
    },
    PlaatsingActiviteitenService,
    PlaatsingActivitiesAdapter,
  ],
  exports: [PlaatsingActivitiesAdapter],
})
export class PlaatsingWorkerModule {}
