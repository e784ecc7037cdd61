import { MonitoringActiviteitenService } from '@ketenregie/monitoring-application';
import type { MonitoringActivities } from '@ketenregie/monitoring-contracts';
import type { Type } from '@nestjs/common';
import { delegatingActivities } from '../app/delegating-activities';

/** The activities' names, as histories record them. */
const ACTIVITIES = ['publishPilotReport', 'recordPilotDecision', 'publishQuarterReport', 'notifyStuurgroep'] as const;

/**
 * The monitoring workflows' activities: thin, in-process into the monitoring context's use cases
 * (every write keyed by `sleutel`), each through `runActivity`: a report over a long period is
 * seen alive by its heartbeats, a domain refusal (an unknown pilot) is final.
 */
export const MonitoringActivitiesAdapter = delegatingActivities(
  'MonitoringActivitiesAdapter',
  MonitoringActiviteitenService,
  ACTIVITIES,
) satisfies Type<MonitoringActivities>;
export type MonitoringActivitiesAdapter = InstanceType<typeof MonitoringActivitiesAdapter>;
