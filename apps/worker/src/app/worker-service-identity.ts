import type { Provider } from '@nestjs/common';
import { type ServiceIdentity, serviceIdentity } from '@ketenregie/shared-platform';
import { WORKER_CONFIG, type WorkerConfig } from './worker.config';

/** The worker's {@link ServiceIdentity} towards other contexts (consent-service, exchange-service, traject-service). */
export const WORKER_SERVICE_IDENTITY = Symbol('WORKER_SERVICE_IDENTITY');

/** Provides {@link WORKER_SERVICE_IDENTITY} from the worker's configuration (each context's module registers it, so any task queue can run alone). */
export const workerServiceIdentityProvider: Provider = {
  provide: WORKER_SERVICE_IDENTITY,
  useFactory: (config: WorkerConfig): ServiceIdentity =>
    serviceIdentity({ ...config, clientId: config.WORKER_CLIENT_ID, clientSecret: config.WORKER_CLIENT_SECRET }),
  inject: [WORKER_CONFIG],
};
