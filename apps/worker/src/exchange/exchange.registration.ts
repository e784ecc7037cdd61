import { Module } from '@nestjs/common';
import { EXCHANGE_TASK_QUEUE } from '@ketenregie/exchange-contracts';
import { join } from 'node:path';
import type { WorkerRegistration } from '../app/worker-registration';
import { EXCHANGE_WORKER_CONFIG, ExchangeActivitiesAdapter } from './exchange.activities';
import { WORKER_CONFIG } from '../app/worker.config';

/** The exchange activities with their part of the worker's configuration. */
@Module({
  providers: [{ provide: EXCHANGE_WORKER_CONFIG, useExisting: WORKER_CONFIG }, ExchangeActivitiesAdapter],
  exports: [ExchangeActivitiesAdapter],
})
export class ExchangeWorkerModule {}

/** The worker of the exchange task queue: the overdracht workflow and its activities. */
export const exchangeWorkerRegistration: WorkerRegistration = {
  taskQueue: EXCHANGE_TASK_QUEUE,
  workflowsPath: join(__dirname, '..', '..', '..', '..', 'workflows', 'exchange', 'src', 'index.ts'),
  module: ExchangeWorkerModule,
  activities: ExchangeActivitiesAdapter,
};
