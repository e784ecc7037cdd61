import { DynamicModule, Module } from '@nestjs/common';
import {
  BewaartermijnActiviteitenService,
  ConsentActiviteitenService,
  consentStorageProviders,
  LEVENSCYCLUS_POORT,
  RegisterService,
  ToestemmingLevenscyclusPoort,
  ToestemmingService,
} from '@ketenregie/consent-application';
import { CONSENT_MIGRATIONS, CONSENT_SCHEMA, consentStorage } from '@ketenregie/consent-data-access';
import { DEELNEMER_WISSING_POORT, HttpDeelnemerWissing, HttpOntvanger, ONTVANGER_POORT, type ServiceIdentity } from '@ketenregie/shared-platform';
import { DataSource } from 'typeorm';
import { WORKER_CONFIG, WorkerConfig } from '../app/worker.config';
import { workerDataSourceProviders } from '../app/worker-data-source';
import { WORKER_SERVICE_IDENTITY, workerServiceIdentityProvider } from '../app/worker-service-identity';
import { ConsentActivitiesAdapter } from './consent.activities';

/** The worker's own data source of the `consent` schema (a named token, so contexts never share one). */
export const CONSENT_DATA_SOURCE = Symbol('CONSENT_DATA_SOURCE');

/**
 * The lifecycle port as the worker sees it. The worker only runs the lifecycle workflow's
 * activities (expiry, reminder, scope, ending the receivers' access); starting or signalling a lifecycle belongs to
 * consent-service, where consents are recorded and withdrawn. A call here is a wiring error.
 */
export class WorkerLevenscyclusPoort implements ToestemmingLevenscyclusPoort {
  gestart(): Promise<void> {
    return Promise.reject(new Error('The worker does not record consents; consent-service starts lifecycle workflows'));
  }

  beeindigd(): Promise<void> {
    return Promise.reject(new Error('The worker does not withdraw consents; consent-service signals lifecycle workflows'));
  }
}

/**
 * What the consent activities need inside the worker: the `consent` schema (migrated on start,
 * advisory-locked against consent-service doing the same), its repositories, the
 * pseudonymiser under the key consent-service uses, the use cases, and traject-service's
 * receivers API with the worker's service identity.
 */
@Module({})
export class ConsentWorkerModule {
  /** @param options tests use a schema of their own; the worker always runs in {@link CONSENT_SCHEMA}. */
  static register(options: { readonly schema?: string } = {}): DynamicModule {
    const schema = options.schema ?? CONSENT_SCHEMA;
    return {
      module: ConsentWorkerModule,
      providers: [
        ...workerDataSourceProviders(CONSENT_DATA_SOURCE, { schema, migrations: CONSENT_MIGRATIONS }),
        ...consentStorageProviders({
          inject: [CONSENT_DATA_SOURCE, WORKER_CONFIG],
          useFactory: (ds: DataSource, config: WorkerConfig) => consentStorage(ds, config),
        }),
        { provide: LEVENSCYCLUS_POORT, useClass: WorkerLevenscyclusPoort },
        workerServiceIdentityProvider,
        // A withdrawn or expired consent ends its receivers' involvement in the traject context (`endReceiverAccess`).
        {
          provide: ONTVANGER_POORT,
          useFactory: (config: WorkerConfig, identiteit: ServiceIdentity) => new HttpOntvanger(config.TRAJECT_SERVICE_URL, identiteit),
          inject: [WORKER_CONFIG, WORKER_SERVICE_IDENTITY],
        },
        // The retention workflow's erasure, made by the traject context (`eraseDeelnemer`).
        {
          provide: DEELNEMER_WISSING_POORT,
          useFactory: (config: WorkerConfig, identiteit: ServiceIdentity) => new HttpDeelnemerWissing(config.TRAJECT_SERVICE_URL, identiteit),
          inject: [WORKER_CONFIG, WORKER_SERVICE_IDENTITY],
        },
        RegisterService,
        ToestemmingService,
        ConsentActiviteitenService,
        BewaartermijnActiviteitenService,
        ConsentActivitiesAdapter,
      ],
      exports: [ConsentActivitiesAdapter, CONSENT_DATA_SOURCE],
    };
  }
}
