import { addDays, addWorkingDays, type CalendarOptions, type IsoDate } from '@ketenregie/shared-kernel';
import { type Fase } from './fase';

/** What a deadline is about. Each kind maps to a task on the responsible professional's list. */
export type TermijnSoort =
  | 'coach-toewijzen'
  | 'eerste-contact'
  | 'contactpoging'
  | 'huisbezoek'
  | 'herbenadering'
  | 'besluit-herbenadering'
  | 'fase'
  | 'contactmoment'
  | 'evaluatie'
  | 't1-meting'
  | 'no-show-opvolging'
  | 'einddatum'
  | 'nazorg-checkin'
  | 'nazorg-einde'
  | 'regie-overname'
  | 'caseload-overdracht'
  | 'deelnemer-informeren'
  /** An agenda item for the partners' case meeting (casuïstiekoverleg), on the meeting's working day. */
  | 'casuistiekoverleg'
  /** The periodic ladder review (Heemskerk: yearly). */
  | 'ladder-herbeoordeling';

/** Who is responsible for a deadline; the traject resolves the role to a person. */
export type Verantwoordelijke = 'coach' | 'regievoerder';

/**
 * A deadline with its own small life cycle: a task appears on `taakVanaf` (if set), the
 * deadline is overdue from the day after `vervalt` (a signal on the task list) and escalates to
 * the regievoerder once `escalatieNaWerkdagen` more working days have passed. `nazorg-einde` is
 * not a task: from `vervalt` on, the traject closes as soon as no nazorg check-in is open.
 */
export interface Termijn {
  /** Unique within the traject (`t<n>`); stable across continue-as-new. */
  readonly id: string;
  readonly soort: TermijnSoort;
  /** The phase this deadline belongs to; it lapses when the traject leaves that phase. */
  readonly fase?: Fase;
  readonly voor: Verantwoordelijke;
  readonly taakVanaf?: IsoDate;
  /** Last day on time. */
  readonly vervalt: IsoDate;
  readonly taakAangemaakt: boolean;
  readonly verlopenGemeld: boolean;
  readonly geescaleerd: boolean;
}

/** First day a deadline counts as overdue. */
export function verlopenOp(t: Termijn): IsoDate {
  return addDays(t.vervalt, 1);
}

/** First day an overdue deadline escalates to the regievoerder. */
export function escalatieOp(t: Termijn, escalatieNaWerkdagen: number, kalender: Partial<CalendarOptions>): IsoDate {
  return addDays(addWorkingDays(t.vervalt, escalatieNaWerkdagen, kalender), 1);
}

/**
 * The deadline moved `werkdagen` working days later (pause): task date and due date both
 * shift, so `workingDaysBetween(old.vervalt, new.vervalt) === werkdagen`.
 */
export function verschuif(t: Termijn, werkdagen: number, kalender: Partial<CalendarOptions>): Termijn {
  if (werkdagen === 0) return t;
  return {
    ...t,
    taakVanaf: t.taakVanaf === undefined || t.taakAangemaakt ? t.taakVanaf : addWorkingDays(t.taakVanaf, werkdagen, kalender),
    vervalt: addWorkingDays(t.vervalt, werkdagen, kalender),
  };
}
