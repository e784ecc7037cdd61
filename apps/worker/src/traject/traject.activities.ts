import { TrajectActiviteitenService } from '@ketenregie/traject-application';
import { TRAJECT_ACTIVITY_NAMES, type TrajectActivities } from '@ketenregie/traject-contracts';
import type { Type } from '@nestjs/common';
import { delegatingActivities } from '../app/delegating-activities';

/** The traject workflow's activities: thin adapters over {@link TrajectActiviteitenService}, each through `runActivity`. */
export const TrajectActivitiesAdapter = delegatingActivities(
  'TrajectActivitiesAdapter',
  TrajectActiviteitenService,
  TRAJECT_ACTIVITY_NAMES,
) satisfies Type<TrajectActivities>;
export type TrajectActivitiesAdapter = InstanceType<typeof TrajectActivitiesAdapter>;
