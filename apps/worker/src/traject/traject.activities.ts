import { TrajectActiviteitenService } from '@ketenregie/traject-application';
import type { TrajectActivities } from '@ketenregie/traject-contracts';
import type { Type } from '@nestjs/common';
import { delegatingActivities } from '../app/delegating-activities';

/** The traject workflow's activities: thin adapters over {@link TrajectActiviteitenService}, each through `runActivity`. */
export const TrajectActivitiesAdapter = delegatingActivities('TrajectActivitiesAdapter', TrajectActiviteitenService, [
  'createTask',
  'signalOverdue',
  'escalate',
  'closeTask',
  'transferTasks',
  'notify',
  'recordTimeline',
  'updateProjection',
  'applyOutcome',
]) satisfies Type<TrajectActivities>;
export type TrajectActivitiesAdapter = InstanceType<typeof TrajectActivitiesAdapter>;
