import { Inject, Injectable } from '@nestjs/common';
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
} from '@ketenregie/traject-contracts';
import { TAKEN_OPSLAG, TRAJECT_OPSLAG } from './traject.ports';
import type { TakenOpslag, TrajectOpslag } from './traject.ports';

/**
 * The side effects the traject workflow asks for, as use cases. Every one is idempotent (unique
 * keys in the database), because Temporal retries activities.
 */
@Injectable()
export class TrajectActiviteitenService implements TrajectActivities {
  constructor(
    @Inject(TRAJECT_OPSLAG) private readonly trajecten: TrajectOpslag,
    @Inject(TAKEN_OPSLAG) private readonly taken: TakenOpslag,
  ) {}

  createTask(i: TaakAanmaken): Promise<void> {
    return this.taken.maak(i);
  }
  signalOverdue(i: TermijnVerlopen): Promise<void> {
    return this.taken.markeerVerlopen(i);
  }
  escalate(i: Escalatie): Promise<void> {
    return this.taken.escaleer(i);
  }
  closeTask(i: TaakAfronden): Promise<void> {
    return this.taken.rondAf(i.trajectId, i.termijnId);
  }
  transferTasks(i: TakenOverdragen): Promise<void> {
    return this.taken.draagOver(i);
  }
  notify(i: Melding): Promise<void> {
    return this.taken.meld(i);
  }
  recordTimeline(i: TijdlijnVastleggen): Promise<void> {
    return this.trajecten.legTijdlijnVast(i.trajectId, i.gebeurtenissen);
  }
  updateProjection(i: TrajectOverzicht): Promise<void> {
    return this.trajecten.werkOverzichtBij(i);
  }
}
