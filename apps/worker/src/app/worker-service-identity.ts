import { type ServiceIdentity, serviceIdentity } from '@ketenregie/shared-platform';
import { WORKER_SERVICE_IDENTITY } from '../exchange/exchange.activities';
import { WORKER_CONFIG, type WorkerConfig } from './worker.config';

/** The worker's service identity (client `WORKER_CLIENT_ID`), as each context module that calls another context's API provides it. */
export const workerServiceIdentityProvider = {
  provide: WORKER_SERVICE_IDENTITY,
  useFactory: (config: WorkerConfig): ServiceIdentity =>
    serviceIdentity({ ...config, clientId: config.WORKER_CLIENT_ID, clientSecret: config.WORKER_CLIENT_SECRET }),
  inject: [WORKER_CONFIG],
};
