import { Module } from '@nestjs/common';
import { VERWERKINGEN_PATH } from '@ketenregie/consent-contracts';
import { DOSSIER_REPOSITORY, OVERDRACHT_REPOSITORY, OverdrachtActiviteitenService, VERWERKINGSLOG } from '@ketenregie/exchange-application';
import { EXCHANGE_SCHEMA, exchangeMigraties, SqlDossierRepository, SqlOverdrachtRepository } from '@ketenregie/exchange-data-access';
import { Sleutelkluis } from '@ketenregie/shared-crypto';
import { HttpVerwerkingslog, type ServiceIdentity } from '@ketenregie/shared-platform';
import { DataSource } from 'typeorm';
import { WORKER_CONFIG, type WorkerConfig } from '../app/worker.config';
import { workerDataSourceProviders } from '../app/worker-data-source';
import { WORKER_SERVICE_IDENTITY, workerServiceIdentityProvider } from '../app/worker-service-identity';
import { EXCHANGE_WORKER_CONFIG, ExchangeActivitiesAdapter } from './exchange.activities';

/** The worker's own data source of the `exchange` schema (a named token, so contexts never share one). */
export const EXCHANGE_DATA_SOURCE = Symbol('EXCHANGE_DATA_SOURCE');

/**
 * What the exchange activities need inside the worker: the `exchange` schema (migrated on start,
 * advisory-locked against exchange-service doing the same), the storage and the workflow-step
 * use cases, in-process (with the deelnemers' key store); the processing log and the consent decision of consent-service (another
 * context) over HTTP with the worker's service identity.
 */
@Module({
  providers: [
    { provide: EXCHANGE_WORKER_CONFIG, useExisting: WORKER_CONFIG },
    ...workerDataSourceProviders(EXCHANGE_DATA_SOURCE, { schema: EXCHANGE_SCHEMA, migrations: exchangeMigraties }),
    workerServiceIdentityProvider,
    // The source data and the dossier are encrypted with the deelnemer's key, as exchange-service stores them.
    {
      provide: OVERDRACHT_REPOSITORY,
      useFactory: (ds: DataSource, sleutels: Sleutelkluis) => new SqlOverdrachtRepository(ds, sleutels),
      inject: [EXCHANGE_DATA_SOURCE, Sleutelkluis],
    },
    {
      provide: DOSSIER_REPOSITORY,
      useFactory: (ds: DataSource, sleutels: Sleutelkluis) => new SqlDossierRepository(ds, sleutels),
      inject: [EXCHANGE_DATA_SOURCE, Sleutelkluis],
    },
    {
      provide: VERWERKINGSLOG,
      useFactory: (config: WorkerConfig, identiteit: ServiceIdentity) =>
        new HttpVerwerkingslog(`${config.CONSENT_SERVICE_URL}${VERWERKINGEN_PATH}`, identiteit),
      inject: [WORKER_CONFIG, WORKER_SERVICE_IDENTITY],
    },
    OverdrachtActiviteitenService,
    ExchangeActivitiesAdapter,
  ],
  exports: [ExchangeActivitiesAdapter, EXCHANGE_DATA_SOURCE],
})
export class ExchangeWorkerModule {}
