import { CONSENT_TASK_QUEUE } from '@ketenregie/consent-contracts';
import { join } from 'node:path';
import type { WorkerRegistration } from '../app/worker-registration';
import { ConsentActivitiesAdapter } from './consent.activities';
import { ConsentWorkerModule } from './consent-worker.module';

/** The consent task queue: the consent lifecycle workflow and its activities. */
export const consentWorkerRegistration: WorkerRegistration = {
  taskQueue: CONSENT_TASK_QUEUE,
  workflowsPath: join(__dirname, '..', '..', '..', '..', 'workflows', 'consent', 'src', 'index.ts'),
  module: ConsentWorkerModule.register(),
  activities: ConsentActivitiesAdapter,
};
