import { PLAATSING_PRELOAD_MODULES, PLAATSING_SIDE_EFFECT_FREE_MODULES, PLAATSING_TASK_QUEUE } from '@ketenregie/plaatsing-contracts';
import { join } from 'node:path';
import type { WorkerRegistration } from '../app/worker-registration';
import { PlaatsingActivitiesAdapter } from './plaatsing.activities';
import { PlaatsingWorkerModule } from './plaatsing-worker.module';

/** The plaatsing task queue: the placement workflow and its activity. */
export const plaatsingWorkerRegistration: WorkerRegistration = {
  taskQueue: PLAATSING_TASK_QUEUE,
  workflowsPath: join(__dirname, '..', '..', '..', '..', 'workflows', 'plaatsing', 'src', 'index.ts'),
  module: PlaatsingWorkerModule,
  activities: PlaatsingActivitiesAdapter,
  preloadModules: PLAATSING_PRELOAD_MODULES,
  sideEffectFreeModules: PLAATSING_SIDE_EFFECT_FREE_MODULES,
};
