import { Injectable } from '@nestjs/common';
import { MonitoringActiviteitenService } from '@ketenregie/monitoring-application';
import type { MonitoringActivities } from '@ketenregie/monitoring-contracts';
import { runActivity } from '@ketenregie/shared-platform';

type Invoer<K extends keyof MonitoringActivities> = Parameters<MonitoringActivities[K]>[0];

/**
 * The monitoring workflows' activities: thin, in-process into the monitoring context's use cases
 * (every write keyed by `sleutel`), each through `runActivity`: a report over a long period is
 * seen alive by its heartbeats, a domain refusal (an unknown pilot) is final.
 */
@Injectable()
export class MonitoringActivitiesAdapter implements MonitoringActivities {
  constructor(private readonly activiteiten: MonitoringActiviteitenService) {}

  publishPilotReport(i: Invoer<'publishPilotReport'>): Promise<void> {
    return runActivity(() => this.activiteiten.publishPilotReport(i));
  }

  recordPilotDecision(i: Invoer<'recordPilotDecision'>): Promise<void> {
    return runActivity(() => this.activiteiten.recordPilotDecision(i));
  }

  publishQuarterReport(i: Invoer<'publishQuarterReport'>): Promise<void> {
    return runActivity(() => this.activiteiten.publishQuarterReport(i));
  }

  notifyStuurgroep(i: Invoer<'notifyStuurgroep'>): Promise<void> {
    return runActivity(() => this.activiteiten.notifyStuurgroep(i));
  }
}
