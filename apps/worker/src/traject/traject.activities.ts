import { Injectable } from '@nestjs/common';
import { TrajectActiviteitenService } from '@ketenregie/traject-application';
import type {
  Escalatie,
  Melding,
  TaakAanmaken,
  TaakAfronden,
  TakenOverdragen,
  TermijnVerlopen,
  TijdlijnVastleggen,
  TrajectActivities,
  TrajectOverzicht,
  UitkomstVerwerken,
} from '@ketenregie/traject-contracts';
import { alsActiviteit } from '../app/als-activiteit';

/** The traject workflow's activities: thin adapters over {@link TrajectActiviteitenService}. */
@Injectable()
export class TrajectActivitiesAdapter implements TrajectActivities {
  constructor(private readonly service: TrajectActiviteitenService) {}

  createTask(i: TaakAanmaken): Promise<void> {
    return alsActiviteit(() => this.service.createTask(i));
  }
  signalOverdue(i: TermijnVerlopen): Promise<void> {
    return alsActiviteit(() => this.service.signalOverdue(i));
  }
  escalate(i: Escalatie): Promise<void> {
    return alsActiviteit(() => this.service.escalate(i));
  }
  closeTask(i: TaakAfronden): Promise<void> {
    return alsActiviteit(() => this.service.closeTask(i));
  }
  transferTasks(i: TakenOverdragen): Promise<void> {
    return alsActiviteit(() => this.service.transferTasks(i));
  }
  notify(i: Melding): Promise<void> {
    return alsActiviteit(() => this.service.notify(i));
  }
  recordTimeline(i: TijdlijnVastleggen): Promise<void> {
    return alsActiviteit(() => this.service.recordTimeline(i));
  }
  updateProjection(i: TrajectOverzicht): Promise<void> {
    return alsActiviteit(() => this.service.updateProjection(i));
  }
  applyOutcome(i: UitkomstVerwerken): Promise<void> {
    return alsActiviteit(() => this.service.applyOutcome(i));
  }
}
