import type { OverdrachtUitkomst, OverdrachtWorkflowInput } from '@ketenregie/exchange-contracts';
import { DomainError, type IsoDate } from '@ketenregie/shared-kernel';
import { trajectError } from '@ketenregie/traject-domain';
import type { Fase, TijdlijnGebeurtenis, TrajectState, TrajectUitkomst } from '@ketenregie/traject-domain';
import { defineUpdate } from '@temporalio/workflow';

/**
 * A warm handover the traject starts as a child workflow: everything the exchange context's
 * `overdrachtWorkflow` needs except the traject id (the traject fills in its own). Opaque ids
 * only; exchange-service has stored the sender's data under `overdrachtId` before asking.
 */
export type OverdrachtVerzoek = Omit<OverdrachtWorkflowInput, 'trajectId'>;

/** Answer to a handover request: the child's workflow id, and whether this call started it. */
export interface OverdrachtVerzoekResultaat {
  readonly overdrachtId: string;
  readonly workflowId: string;
  /** False when the same overdracht was requested before (a retried request changes nothing). */
  readonly nieuw: boolean;
}

/** A handover the traject knows about, carried in the workflow's state. */
export interface TrajectOverdracht {
  readonly overdrachtId: string;
  readonly workflowId: string;
  readonly ontvangerOrganisatie: string;
  readonly aangevraagdOp: IsoDate;
  /**
   * Set once the child has ended; until then the handover is running. `niet-gestart`: the child
   * could not be started (its workflow id was taken); `afgebroken`: the child failed or was
   * terminated without an outcome of its own.
   */
  readonly uitkomst?: OverdrachtUitkomst['status'] | 'niet-gestart' | 'afgebroken';
}

/**
 * Requests a warm handover from the traject workflow (update `traject.overdracht`). The validator
 * refuses, before anything is written to history, with an `ApplicationFailure` typed
 * `TRAJECT.PHASE_INVALID` (not in {@link OVERDRACHT_FASEN}), `TRAJECT.STATUS_INVALID` (paused,
 * dropped out, closed), `TRAJECT.FORBIDDEN` (the sender is neither lead nor coach organisation)
 * or `TRAJECT.OVERDRACHT_LOPEND` (another handover is still running). The same `overdrachtId`
 * again answers `nieuw: false` and starts nothing: safe to retry.
 */
export const overdrachtVerzoekUpdate = defineUpdate<OverdrachtVerzoekResultaat, [OverdrachtVerzoek]>('traject.overdracht');

/**
 * Phases in which a warm handover makes sense: the deelnemer has been met (a driegesprek needs
 * contact) and the traject has not been closed.
 */
export const OVERDRACHT_FASEN: readonly Fase[] = ['kennismaking', 'diagnose', 'plan-van-aanpak', 'uitvoering', 'afronding', 'nazorg'];

/** Code of the refusal when another handover of the traject is still running. */
export const OVERDRACHT_LOPEND = 'TRAJECT.OVERDRACHT_LOPEND';

/**
 * Checks a handover request against the traject. Returns the earlier registration when the same
 * overdracht was requested before (idempotent retry), otherwise undefined (a new handover may start).
 * @throws DomainError `TRAJECT.STATUS_INVALID`, `TRAJECT.PHASE_INVALID`, `TRAJECT.FORBIDDEN`, `TRAJECT.OVERDRACHT_LOPEND`.
 */
export function toetsOverdrachtVerzoek(state: TrajectState, overdrachten: readonly TrajectOverdracht[], verzoek: OverdrachtVerzoek): TrajectOverdracht | undefined {
  const eerder = overdrachten.find((o) => o.overdrachtId === verzoek.overdrachtId);
  if (eerder) return eerder;
  if (state.status !== 'actief') throw trajectError('TRAJECT.STATUS_INVALID', `No handover while the traject is ${state.status}`);
  if (!OVERDRACHT_FASEN.includes(state.fase)) throw trajectError('TRAJECT.PHASE_INVALID', `No handover in phase ${state.fase}`);
  const organisaties = [state.regie.organisatieId, state.coach?.organisatieId];
  if (!organisaties.includes(verzoek.zender.organisatie)) {
    throw trajectError('TRAJECT.FORBIDDEN', 'Only the lead or the coach organisation hands a traject over');
  }
  if (overdrachten.some((o) => o.uitkomst === undefined)) {
    throw new DomainError({ code: OVERDRACHT_LOPEND, kind: 'conflict', detail: 'Another handover of this traject is still running' });
  }
  return undefined;
}

/** Timeline kinds the traject workflow adds for its handovers. */
export type OverdrachtGebeurtenisSoort = Extract<TijdlijnGebeurtenis['soort'], 'overdracht-aangevraagd' | 'overdracht-beeindigd'>;

/**
 * Appends a handover event to the traject's timeline: the next number of the traject's counter,
 * the current phase, scalar details only (ids, codes).
 */
export function overdrachtGebeurtenis(
  state: TrajectState,
  datum: IsoDate,
  soort: OverdrachtGebeurtenisSoort,
  gegevens: Readonly<Record<string, string | number | boolean>>,
): TrajectUitkomst {
  const nr = state.teller + 1;
  const g: TijdlijnGebeurtenis = { nr, datum, soort, fase: state.fase, gegevens };
  const nieuw: TrajectState = {
    ...state,
    teller: nr,
    tijdlijn: [...state.tijdlijn, g],
    laatsteDatum: datum > state.laatsteDatum ? datum : state.laatsteDatum,
  };
  return { state: nieuw, gebeurtenissen: [g], acties: [] };
}
