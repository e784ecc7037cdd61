import { Injectable } from '@nestjs/common';
import { runActivity } from '@ketenregie/shared-platform';
import { TrajectActiviteitenService } from '@ketenregie/traject-application';
import type { TrajectActivities } from '@ketenregie/traject-contracts';

type Invoer<K extends keyof TrajectActivities> = Parameters<TrajectActivities[K]>[0];

/** The traject workflow's activities: thin adapters over {@link TrajectActiviteitenService}. */
@Injectable()
export class TrajectActivitiesAdapter implements TrajectActivities {
  constructor(private readonly service: TrajectActiviteitenService) {}

  createTask(i: Invoer<'createTask'>): Promise<void> {
    return runActivity(() => this.service.createTask(i));
  }
  signalOverdue(i: Invoer<'signalOverdue'>): Promise<void> {
    return runActivity(() => this.service.signalOverdue(i));
  }
  escalate(i: Invoer<'escalate'>): Promise<void> {
    return runActivity(() => this.service.escalate(i));
  }
  closeTask(i: Invoer<'closeTask'>): Promise<void> {
    return runActivity(() => this.service.closeTask(i));
  }
  transferTasks(i: Invoer<'transferTasks'>): Promise<void> {
    return runActivity(() => this.service.transferTasks(i));
  }
  notify(i: Invoer<'notify'>): Promise<void> {
    return runActivity(() => this.service.notify(i));
  }
  recordTimeline(i: Invoer<'recordTimeline'>): Promise<void> {
    return runActivity(() => this.service.recordTimeline(i));
  }
  updateProjection(i: Invoer<'updateProjection'>): Promise<void> {
    return runActivity(() => this.service.updateProjection(i));
  }
  applyOutcome(i: Invoer<'applyOutcome'>): Promise<void> {
    return runActivity(() => this.service.applyOutcome(i));
  }
}
