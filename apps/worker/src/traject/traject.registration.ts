import { TRAJECT_PRELOAD_MODULES, TRAJECT_SIDE_EFFECT_FREE_MODULES, TRAJECT_TASK_QUEUE } from '@ketenregie/traject-contracts';
import { join } from 'node:path';
import type { WorkerRegistration } from '../app/worker-registration';
import { TrajectActivitiesAdapter } from './traject.activities';
import { TrajectWorkerModule } from './traject-worker.module';

/** The traject task queue: the traject workflow and its activities. */
export const trajectWorkerRegistration: WorkerRegistration = {
  taskQueue: TRAJECT_TASK_QUEUE,
  workflowsPath: join(__dirname, '..', '..', '..', '..', 'workflows', 'traject', 'src', 'index.ts'),
  module: TrajectWorkerModule,
  activities: TrajectActivitiesAdapter,
  preloadModules: TRAJECT_PRELOAD_MODULES,
  sideEffectFreeModules: TRAJECT_SIDE_EFFECT_FREE_MODULES,
};
