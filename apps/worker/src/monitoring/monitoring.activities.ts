import { Injectable } from '@nestjs/common';
import { MonitoringActiviteitenService } from '@ketenregie/monitoring-application';
import type { MonitoringActivities } from '@ketenregie/monitoring-contracts';

/** The monitoring workflows' activities: thin, in-process into the monitoring context's use cases (every write keyed by `sleutel`). */
@Injectable()
export class MonitoringActivitiesAdapter implements MonitoringActivities {
  constructor(private readonly activiteiten: MonitoringActiviteitenService) {}

  publishPilotReport(i: Parameters<MonitoringActivities['publishPilotReport']>[0]): Promise<void> {
    return this.activiteiten.publishPilotReport(i);
  }

  recordPilotDecision(i: Parameters<MonitoringActivities['recordPilotDecision']>[0]): Promise<void> {
    return this.activiteiten.recordPilotDecision(i);
  }

  publishQuarterReport(i: Parameters<MonitoringActivities['publishQuarterReport']>[0]): Promise<void> {
    return this.activiteiten.publishQuarterReport(i);
  }

  notifyStuurgroep(i: Parameters<MonitoringActivities['notifyStuurgroep']>[0]): Promise<void> {
    return this.activiteiten.notifyStuurgroep(i);
  }
}
