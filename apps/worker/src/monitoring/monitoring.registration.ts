import { Module } from '@nestjs/common';
import { IndicatorBerekening, MonitoringActiviteitenService, PILOT_REPOSITORY, PROJECTIE_REPOSITORY } from '@ketenregie/monitoring-application';
import { MONITORING_TASK_QUEUE } from '@ketenregie/monitoring-contracts';
import { MONITORING_MIGRATIONS, MONITORING_SCHEMA, SqlPilotRepository, SqlProjectieRepository } from '@ketenregie/monitoring-data-access';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { workerDataSourceProviders } from '../app/worker-data-source';
import type { WorkerRegistration } from '../app/worker-registration';
import { MonitoringActivitiesAdapter } from './monitoring.activities';

/** The worker's own data source of the `monitoring` schema. */
export const MONITORING_DATA_SOURCE = Symbol('MONITORING_DATA_SOURCE');

/** What the monitoring activities need inside the worker: the `monitoring` schema, its stores and the use cases. */
@Module({
  providers: [
    ...workerDataSourceProviders(MONITORING_DATA_SOURCE, { schema: MONITORING_SCHEMA, migrations: MONITORING_MIGRATIONS }),
    { provide: PILOT_REPOSITORY, useFactory: (ds: DataSource) => new SqlPilotRepository(ds), inject: [MONITORING_DATA_SOURCE] },
    { provide: PROJECTIE_REPOSITORY, useFactory: (ds: DataSource) => new SqlProjectieRepository(ds), inject: [MONITORING_DATA_SOURCE] },
    IndicatorBerekening,
    MonitoringActiviteitenService,
    MonitoringActivitiesAdapter,
  ],
  exports: [MonitoringActivitiesAdapter],
})
export class MonitoringWorkerModule {}

/** The monitoring task queue: `pilot-evaluatie` and `convenant-monitor` with their activities. */
export const monitoringWorkerRegistration: WorkerRegistration = {
  taskQueue: MONITORING_TASK_QUEUE,
  workflowsPath: join(__dirname, '..', '..', '..', '..', 'workflows', 'monitoring', 'src', 'index.ts'),
  module: MonitoringWorkerModule,
  activities: MonitoringActivitiesAdapter,
};
