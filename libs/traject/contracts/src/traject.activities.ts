import type { IsoDate } from '@ketenregie/shared-kernel';
import type { TermijnSoort, TijdlijnGebeurtenis, Verantwoordelijke } from '@ketenregie/traject-domain';
import type { TrajectOverzicht } from './traject.overzicht';

/**
 * Every side-effecting activity input carries `sleutel`: `<workflowId>:<action id>`, unique per
 * traject action. Implementations enforce it with a unique constraint, so a retried activity
 * has no second effect.
 */
interface Idempotent {
  readonly sleutel: string;
  readonly trajectId: string;
}

/** A task on a professional's list, tied to a traject deadline. */
export interface TaakAanmaken extends Idempotent {
  readonly termijnId: string;
  readonly taak: TermijnSoort;
  readonly voor: Verantwoordelijke;
  readonly toegewezenAan: string;
  readonly vervalt: IsoDate;
}

/** The deadline behind a task has passed: mark it overdue on the responsible person's list. */
export interface TermijnVerlopen extends Idempotent {
  readonly termijnId: string;
  readonly taak: TermijnSoort;
  readonly toegewezenAan: string;
  readonly vervalt: IsoDate;
}

/** Still overdue after the grace period: put it on the regievoerder's list. */
export interface Escalatie extends Idempotent {
  readonly termijnId: string;
  readonly taak: TermijnSoort;
  readonly regievoerderId: string;
  readonly vervalt: IsoDate;
}

/** The deadline is met or no longer applies. */
export interface TaakAfronden extends Idempotent {
  readonly termijnId: string;
}

/** Move this traject's open tasks of one professional to another. */
export interface TakenOverdragen extends Idempotent {
  readonly rol: Verantwoordelijke;
  readonly van: string;
  readonly naar: string;
}

/** A notification for a professional (no personal data beyond the traject id). */
export interface Melding extends Idempotent {
  readonly aan: string;
  readonly onderwerp: 'uitval' | 'afronding' | 'heropening' | 'terugval';
}

/** New timeline entries; idempotent on (trajectId, nr). */
export interface TijdlijnVastleggen {
  readonly trajectId: string;
  readonly gebeurtenissen: readonly TijdlijnGebeurtenis[];
}

/** One side effect of a traject action, as the activity (`naam`) and input that perform it. */
export type TrajectEffect =
  | { readonly naam: 'createTask'; readonly invoer: TaakAanmaken }
  | { readonly naam: 'signalOverdue'; readonly invoer: TermijnVerlopen }
  | { readonly naam: 'escalate'; readonly invoer: Escalatie }
  | { readonly naam: 'closeTask'; readonly invoer: TaakAfronden }
  | { readonly naam: 'transferTasks'; readonly invoer: TakenOverdragen }
  | { readonly naam: 'notify'; readonly invoer: Melding };

/**
 * Everything one or more outcomes of the workflow ask for: the projection of the state after
 * them, their timeline entries and their actions, in order. Applied in one transaction; every
 * part is idempotent on its own, so a retry has no second effect.
 */
export interface UitkomstVerwerken {
  readonly trajectId: string;
  readonly overzicht: TrajectOverzicht;
  readonly gebeurtenissen: readonly TijdlijnGebeurtenis[];
  readonly effecten: readonly TrajectEffect[];
}

/**
 * The traject context's activities, as the workflow sees them (`proxyActivities<TrajectActivities>`).
 * Permanent failures are `ApplicationFailure`s typed with a `TRAJECT.*` code and non-retryable;
 * transient ones (database, network) are retried.
 */
export interface TrajectActivities {
  createTask(input: TaakAanmaken): Promise<void>;
  signalOverdue(input: TermijnVerlopen): Promise<void>;
  escalate(input: Escalatie): Promise<void>;
  closeTask(input: TaakAfronden): Promise<void>;
  transferTasks(input: TakenOverdragen): Promise<void>;
  notify(input: Melding): Promise<void>;
  recordTimeline(input: TijdlijnVastleggen): Promise<void>;
  /** Upserts the read model behind `GET /api/v1/trajecten/{id}`; ignores an older `versie`. */
  updateProjection(input: TrajectOverzicht): Promise<void>;
  /** Projection, timeline and actions of one or more outcomes in one transaction (a local activity since `PATCH_EEN_TRANSACTIE`). */
  applyOutcome(input: UitkomstVerwerken): Promise<void>;
}

/** The names of {@link TrajectActivities}, as they are recorded in histories: the worker registers exactly these. */
export const TRAJECT_ACTIVITY_NAMES = [
  'createTask',
  'signalOverdue',
  'escalate',
  'closeTask',
  'transferTasks',
  'notify',
  'recordTimeline',
  'updateProjection',
  'applyOutcome',
] as const satisfies readonly (keyof TrajectActivities)[];
