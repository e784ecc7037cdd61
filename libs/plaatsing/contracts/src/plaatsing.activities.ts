import type { PlaatsingGebeurtenis, PlaatsingOverzicht, TaakOnderwerp, Wie } from '@ketenregie/plaatsing-domain';
import type { IsoDate } from '@ketenregie/shared-kernel';

/** A task the placement puts on a list; idempotent on `sleutel` (`<workflowId>:<action id>`). */
export interface PlaatsingTaak {
  readonly sleutel: string;
  readonly voor: Wie;
  readonly onderwerp: TaakOnderwerp;
  readonly vervalt: IsoDate;
}

/**
 * Everything one or more outcomes ask for: the read model after them, their timeline entries
 * (idempotent on `(plaatsingId, nr)`) and their tasks. Applied in one transaction; the timeline
 * entries that matter for monitoring go to the outbox as CloudEvents in the same transaction.
 */
export interface PlaatsingUitkomstVerwerken {
  readonly plaatsingId: string;
  readonly overzicht: PlaatsingOverzicht;
  readonly gebeurtenissen: readonly PlaatsingGebeurtenis[];
  readonly taken: readonly PlaatsingTaak[];
}

/**
 * The plaatsing context's activities as the workflow sees them. Permanent failures are
 * `ApplicationFailure`s typed `PLAATSING.*` and non-retryable; transient ones are retried.
 */
export interface PlaatsingActivities {
  applyOutcome(input: PlaatsingUitkomstVerwerken): Promise<void>;
  /**
   * The warm return: asks exchange-service (`POST /api/v1/overdrachten`, the worker's service
   * token acting for the jobcoach) to register the handover back to the traject, which the
   * traject workflow then starts as its child. Idempotent on `overdrachtId` (a retry answers
   * with the first handover).
   */
  requestReturn(input: TerugleidingAanvraag): Promise<void>;
  /** Where that handover stands (`GET /api/v1/overdrachten/{id}`, as its sender); `beeindigd` once it reached an end state. */
  returnStatus(input: { readonly overdrachtId: string; readonly namens: TerugleidingNamens }): Promise<TerugleidingStand>;
}

/** The professional the worker acts for in the warm return: the placement's jobcoach, who sends it. */
export interface TerugleidingNamens {
  readonly professional: string;
  readonly organisatie: string;
  readonly type: string;
  readonly rol: 'jobcoach';
}

/** What the warm return asks exchange-service for. Codes, opaque ids and dates only. */
export interface TerugleidingAanvraag {
  /** Stable key chosen by the workflow (recorded in its history): the handover's id. */
  readonly overdrachtId: string;
  readonly deelnemerId: string;
  readonly trajectId: string;
  readonly namens: TerugleidingNamens;
  /** The traject's coach or regievoerder organisation (its type comes from the registry). */
  readonly naar: string;
  /** `plaatsing-<reden>`. */
  readonly reden: string;
  readonly regievoerder: string;
  /** The placement's facts for the receiver (codes and dates): phase, reason, employer. */
  readonly gegevens: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

export interface TerugleidingStand {
  readonly status: string;
  readonly beeindigd: boolean;
}
