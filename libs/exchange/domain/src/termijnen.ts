import { addDays, addWorkingDays, type CalendarOptions, type IsoDate, nextWorkingDay } from '@ketenregie/shared-kernel';
import { instellingOngeldig } from './exchange.errors';

/**
 * Programme settings of a warm handover. They travel in the workflow input (workflows never
 * read configuration); every term in working days follows the kernel's Dutch calendar.
 */
export interface OverdrachtInstellingen {
  /** Working days the receiver has to accept or reject after delivery (default 5). */
  readonly acceptatieWerkdagen: number;
  /** Working days before the acceptance deadline on which the receiver is reminded (default 1). */
  readonly herinneringWerkdagenVoor: number;
  /**
   * Working days after the escalation to the regievoerder without any answer after which the
   * receiver counts as unreachable and the overdracht ends (default 5).
   */
  readonly onbereikbaarWerkdagenNaEscalatie: number;
  /** Working days the sender has to obtain a missing consent (default 10). */
  readonly toestemmingWerkdagen: number;
  /** Working days before that deadline on which the sender is reminded (default 2). */
  readonly toestemmingHerinneringWerkdagenVoor: number;
  /** Check-ins of the follow-up period, in weeks after the driegesprek (default 2 and 6). */
  readonly nazorgCheckinsWeken: readonly number[];
  /** Holiday options of the partnership's calendar. */
  readonly kalender?: Partial<CalendarOptions>;
}

/** The defaults of the issue: 5 working days to accept, check-ins at 2 and 6 weeks. */
export const STANDAARD_INSTELLINGEN: OverdrachtInstellingen = Object.freeze({
  acceptatieWerkdagen: 5,
  herinneringWerkdagenVoor: 1,
  onbereikbaarWerkdagenNaEscalatie: 5,
  toestemmingWerkdagen: 10,
  toestemmingHerinneringWerkdagenVoor: 2,
  nazorgCheckinsWeken: Object.freeze([2, 6]),
});

const positief = (n: number) => Number.isInteger(n) && n >= 1 && n <= 60;

/**
 * Fills in defaults and checks ranges.
 * @throws ValidationError `EXCHANGE.INSTELLING_ONGELDIG` when a term is not a whole number of
 * 1–60 working days, a reminder does not fall before its deadline, or the check-ins are not
 * strictly increasing whole weeks (1–52).
 */
export function instellingen(gedeeltelijk: Partial<OverdrachtInstellingen> = {}): OverdrachtInstellingen {
  const i: OverdrachtInstellingen = { ...STANDAARD_INSTELLINGEN, ...gedeeltelijk };
  for (const key of ['acceptatieWerkdagen', 'onbereikbaarWerkdagenNaEscalatie', 'toestemmingWerkdagen'] as const) {
    if (!positief(i[key])) throw instellingOngeldig(`${key} must be a whole number of 1–60 working days.`);
  }
  if (!Number.isInteger(i.herinneringWerkdagenVoor) || i.herinneringWerkdagenVoor < 0 || i.herinneringWerkdagenVoor >= i.acceptatieWerkdagen) {
    throw instellingOngeldig('herinneringWerkdagenVoor must fall within the acceptance term.');
  }
  if (
    !Number.isInteger(i.toestemmingHerinneringWerkdagenVoor) ||
    i.toestemmingHerinneringWerkdagenVoor < 0 ||
    i.toestemmingHerinneringWerkdagenVoor >= i.toestemmingWerkdagen
  ) {
    throw instellingOngeldig('toestemmingHerinneringWerkdagenVoor must fall within the consent term.');
  }
  const weken = i.nazorgCheckinsWeken;
  if (weken.length === 0 || weken.some((w, n) => !Number.isInteger(w) || w < 1 || w > 52 || (n > 0 && w <= (weken[n - 1] ?? 0)))) {
    throw instellingOngeldig('nazorgCheckinsWeken must be strictly increasing whole weeks between 1 and 52.');
  }
  return i;
}

/**
 * The dates of a term that runs in working days from `vanaf` (the day of delivery or request,
 * which itself never counts). The reminder and escalation moments are the start of those days.
 */
export interface Termijn {
  /** The last day on which an answer is on time. */
  readonly uiterlijk: IsoDate;
  /** Day of the reminder (a working day before `uiterlijk`). */
  readonly herinnering: IsoDate;
  /** Day of the escalation: the first working day after `uiterlijk`. */
  readonly escalatie: IsoDate;
}

/** Acceptance deadline for a dossier delivered on `geleverdOp`. */
export function acceptatieTermijn(geleverdOp: IsoDate, i: OverdrachtInstellingen): Termijn {
  return termijn(geleverdOp, i.acceptatieWerkdagen, i.herinneringWerkdagenVoor, i.kalender);
}

/** Deadline for the sender to obtain a missing consent, requested on `gevraagdOp`. */
export function toestemmingTermijn(gevraagdOp: IsoDate, i: OverdrachtInstellingen): Termijn {
  return termijn(gevraagdOp, i.toestemmingWerkdagen, i.toestemmingHerinneringWerkdagenVoor, i.kalender);
}

/** The day on which a receiver that has not answered after the escalation counts as unreachable. */
export function onbereikbaarOp(t: Termijn, i: OverdrachtInstellingen): IsoDate {
  return addWorkingDays(t.escalatie, i.onbereikbaarWerkdagenNaEscalatie, i.kalender);
}

/** The check-in dates of the follow-up period after the driegesprek held on `gehoudenOp` (calendar weeks). */
export function nazorgCheckins(gehoudenOp: IsoDate, i: OverdrachtInstellingen): readonly IsoDate[] {
  return i.nazorgCheckinsWeken.map((w) => addDays(gehoudenOp, 7 * w));
}

function termijn(vanaf: IsoDate, werkdagen: number, herinneringVoor: number, kalender?: Partial<CalendarOptions>): Termijn {
  const uiterlijk = addWorkingDays(vanaf, werkdagen, kalender);
  return {
    uiterlijk,
    herinnering: addWorkingDays(uiterlijk, -herinneringVoor, kalender),
    escalatie: nextWorkingDay(uiterlijk, kalender),
  };
}
