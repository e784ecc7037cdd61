import { EXCHANGE_TASK_QUEUE } from '@ketenregie/exchange-contracts';
import { join } from 'node:path';
import type { WorkerRegistration } from '../app/worker-registration';
import { ExchangeActivitiesAdapter } from './exchange.activities';
import { ExchangeWorkerModule } from './exchange-worker.module';

/** The worker of the exchange task queue: the overdracht workflow and its activities. */
export const exchangeWorkerRegistration: WorkerRegistration = {
  taskQueue: EXCHANGE_TASK_QUEUE,
  workflowsPath: join(__dirname, '..', '..', '..', '..', 'workflows', 'exchange', 'src', 'index.ts'),
  module: ExchangeWorkerModule,
  activities: ExchangeActivitiesAdapter,
};
