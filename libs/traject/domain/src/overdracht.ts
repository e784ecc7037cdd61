import { DomainError, type IsoDate } from '@ketenregie/shared-kernel';
import type { Fase } from './fase';
import type { TijdlijnGebeurtenis, TrajectState, TrajectUitkomst } from './traject';
import { trajectError } from './traject.errors';

/**
 * Phases in which a warm handover makes sense: the deelnemer has been met (a driegesprek needs
 * contact) and the traject has not been closed.
 */
export const OVERDRACHT_FASEN: readonly Fase[] = ['kennismaking', 'diagnose', 'plan-van-aanpak', 'uitvoering', 'afronding', 'nazorg'];

/** Code of the refusal when another handover of the traject is still running. */
export const OVERDRACHT_LOPEND = 'TRAJECT.OVERDRACHT_LOPEND';

/** What the handover rules read of a request: its id and the sending organisation. */
export interface OverdrachtAanvraag {
  readonly overdrachtId: string;
  readonly zender: { readonly organisatie: string };
}

/** What the handover rules read of a handover the traject knows: its id and, once ended, its outcome. */
export interface BekendeOverdracht {
  readonly overdrachtId: string;
  /** Unset while the handover is running. */
  readonly uitkomst?: string;
}

/**
 * Checks a handover request against the traject. Returns the earlier registration when the same
 * overdracht was requested before (idempotent retry), otherwise undefined (a new handover may start).
 * @throws DomainError `TRAJECT.STATUS_INVALID`, `TRAJECT.PHASE_INVALID`, `TRAJECT.FORBIDDEN`, `TRAJECT.OVERDRACHT_LOPEND`.
 */
export function toetsOverdrachtVerzoek<O extends BekendeOverdracht>(
  state: TrajectState,
  overdrachten: readonly O[],
  verzoek: OverdrachtAanvraag,
): O | undefined {
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
