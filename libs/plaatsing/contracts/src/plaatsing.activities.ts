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
}
