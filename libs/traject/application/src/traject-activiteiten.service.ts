import { Inject, Injectable, Optional } from '@nestjs/common';
import type {
  Escalatie,
  Melding,
  TaakAanmaken,
  TaakAfronden,
  TakenOverdragen,
  TermijnVerlopen,
  TijdlijnVastleggen,
  TrajectActivities,
  TrajectEffect,
  TrajectOverzicht,
  UitkomstVerwerken,
} from '@ketenregie/traject-contracts';
import { gepubliceerdeFeiten } from '@ketenregie/traject-domain';
import { BEWAARTERMIJN_KLOK, TAKEN_OPSLAG, TRAJECT_OPSLAG, TRAJECT_TRANSACTIES } from './traject.ports';
import type { BewaartermijnKlok, TakenOpslag, TrajectOpslag, TrajectTransacties } from './traject.ports';

/** Timeline events that start the deelnemer's participation again, and those that end a traject. */
const START_SOORTEN: ReadonlySet<string> = new Set(['aangemeld', 'heropend']);
const EIND_SOORTEN: ReadonlySet<string> = new Set(['afgesloten', 'uitgevallen']);

/** Performs one action's effect on the task store. */
function voerEffectUit(taken: TakenOpslag, e: TrajectEffect): Promise<void> {
  switch (e.naam) {
    case 'createTask':
      return taken.maak(e.invoer);
    case 'signalOverdue':
      return taken.markeerVerlopen(e.invoer);
    case 'escalate':
      return taken.escaleer(e.invoer);
    case 'closeTask':
      return taken.rondAf(e.invoer.trajectId, e.invoer.termijnId);
    case 'transferTasks':
      return taken.draagOver(e.invoer);
    case 'notify':
      return taken.meld(e.invoer);
  }
}

/**
 * The side effects the traject workflow asks for, as use cases. Every one is idempotent (unique
 * keys in the database), because Temporal retries activities.
 */
@Injectable()
export class TrajectActiviteitenService implements TrajectActivities {
  constructor(
    @Inject(TRAJECT_OPSLAG) private readonly trajecten: TrajectOpslag,
    @Inject(TAKEN_OPSLAG) private readonly taken: TakenOpslag,
    /** Without it (a store that has no transactions), `applyOutcome` writes step by step; every step is idempotent. */
    @Optional() @Inject(TRAJECT_TRANSACTIES) private readonly transacties?: TrajectTransacties,
    /** Without it (services, tests) no retention clock is told. */
    @Optional() @Inject(BEWAARTERMIJN_KLOK) private readonly bewaartermijn?: BewaartermijnKlok,
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

  /**
   * Projection, timeline, published facts (the outbox) and actions of the workflow's outcomes in
   * one transaction; after the commit, a start, reopening or end of the traject is told to the
   * deelnemer's retention clock (a failure there fails the activity, and its retry repeats the
   * idempotent rest).
   */
  async applyOutcome(i: UitkomstVerwerken): Promise<void> {
    const werk = async ({ trajecten, taken }: { readonly trajecten: TrajectOpslag; readonly taken: TakenOpslag }) => {
      await trajecten.werkOverzichtBij(i.overzicht);
      await trajecten.legTijdlijnVast(i.trajectId, i.gebeurtenissen);
      await trajecten.publiceer?.(gepubliceerdeFeiten(i.overzicht, i.gebeurtenissen));
      for (const e of i.effecten) await voerEffectUit(taken, e);
    };
    await (this.transacties ? this.transacties.binnen(werk) : werk({ trajecten: this.trajecten, taken: this.taken }));
    await this.meldBewaartermijn(i);
  }

  private async meldBewaartermijn(i: UitkomstVerwerken): Promise<void> {
    if (!this.bewaartermijn) return;
    const laatste = [...i.gebeurtenissen].reverse().find((g) => START_SOORTEN.has(g.soort) || EIND_SOORTEN.has(g.soort));
    if (!laatste) return;
    const traject = await this.trajecten.vind(i.trajectId);
    if (!traject) return;
    const { deelnemerId } = traject;
    if (EIND_SOORTEN.has(laatste.soort) && (i.overzicht.status === 'afgesloten' || i.overzicht.status === 'uitgevallen')) {
      const gemeente = (await this.trajecten.aanmelderVan?.(i.trajectId)) ?? i.overzicht.regie.organisatieId;
      await this.bewaartermijn.trajectBeeindigd({ deelnemerId, trajectId: i.trajectId, einddatum: laatste.datum, gemeente });
    } else if (START_SOORTEN.has(laatste.soort)) {
      await this.bewaartermijn.trajectGestart({ deelnemerId, trajectId: i.trajectId });
    }
  }
}
