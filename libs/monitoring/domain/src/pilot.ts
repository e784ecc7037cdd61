import { addMonths, addWorkingDays, compareIsoDates, workingDayOnOrAfter, type CalendarOptions, type IsoDate } from '@ketenregie/shared-kernel';

/** The evaluation moments of a pilot, in order. */
export type PilotMoment = 'T0' | 'T1' | 'eind';

/** A pilot: trajecten of one programme evaluated at T0, T1 and the end. */
export interface Pilot {
  readonly id: string;
  readonly stuurgroepId: string;
  readonly naam: string;
  readonly programma: string;
  readonly t0: IsoDate;
  readonly t1: IsoDate;
  readonly eind: IsoDate;
}

/** A published, immutable report of a pilot. */
export interface Rapportage {
  readonly id: string;
  readonly moment: string;
  readonly peildatum: IsoDate;
  readonly gepubliceerdOp: Date;
  readonly inhoud: unknown;
}

/** A notification in a stuurgroep's inbox: who it is for, a coded subject and what it refers to (a pilot or a quarterly report); no personal data. */
export interface StuurgroepMelding {
  readonly aan: 'stuurgroep' | 'voorzitter';
  readonly onderwerp: string;
  readonly verwijzing: string;
  readonly op: Date;
}

/** How the stuurgroep is asked to decide on an extension (working days of the kernel calendar). */
export interface BesluitInstellingen {
  /** The decision is asked this many working days before the end. */
  readonly vraagWerkdagenVoorEind: number;
  /** A reminder this many working days after asking, when no decision came. */
  readonly herinneringNaWerkdagen: number;
  /** Escalation to the chair this many working days after asking, when still no decision. */
  readonly escalatieNaWerkdagen: number;
  /** An extension moves the end by this many months. */
  readonly verlengingMaanden: number;
  readonly kalender?: Partial<CalendarOptions>;
}

/** The partnership's defaults: ask 20 working days before the end, remind after 5, escalate after 10, extend by 6 months. */
export const STANDAARD_BESLUIT_INSTELLINGEN: BesluitInstellingen = {
  vraagWerkdagenVoorEind: 20,
  herinneringNaWerkdagen: 5,
  escalatieNaWerkdagen: 10,
  verlengingMaanden: 6,
};

/** The dates of a pilot run: the reports at T0, T1 and the end (each on a working day), and the decision steps before the end. */
export interface PilotAgenda {
  readonly t0: IsoDate;
  readonly t1: IsoDate;
  readonly besluitVragen: IsoDate;
  readonly herinnering: IsoDate;
  readonly escalatie: IsoDate;
  readonly eind: IsoDate;
}

/**
 * The agenda of a pilot (pure): each moment moved to the first working day on or after it; the
 * decision is asked `vraagWerkdagenVoorEind` working days before the end (not before T1), the
 * reminder and the escalation follow in working days, and never after the end.
 */
export function pilotAgenda(momenten: { readonly t0: IsoDate; readonly t1: IsoDate; readonly eind: IsoDate }, i: BesluitInstellingen): PilotAgenda {
  const k = i.kalender;
  const t0 = workingDayOnOrAfter(momenten.t0, k);
  const t1 = workingDayOnOrAfter(momenten.t1, k);
  const eind = workingDayOnOrAfter(momenten.eind, k);
  const vragen = addWorkingDays(eind, -i.vraagWerkdagenVoorEind, k);
  const besluitVragen = compareIsoDates(vragen, t1) < 0 ? t1 : vragen;
  const uiterlijk = (d: IsoDate) => (compareIsoDates(d, eind) > 0 ? eind : d);
  return {
    t0,
    t1,
    besluitVragen,
    herinnering: uiterlijk(addWorkingDays(besluitVragen, i.herinneringNaWerkdagen, k)),
    escalatie: uiterlijk(addWorkingDays(besluitVragen, i.escalatieNaWerkdagen, k)),
    eind,
  };
}

/** The end after an extension decision. */
export function verlengdeEinddatum(eind: IsoDate, i: BesluitInstellingen): IsoDate {
  return workingDayOnOrAfter(addMonths(eind, i.verlengingMaanden), i.kalender);
}

/** `2026-K2` of a date. */
export function kwartaalVan(datum: IsoDate): string {
  return `${datum.slice(0, 4)}-K${Math.ceil(Number(datum.slice(5, 7)) / 3)}`;
}

/**
 * The next quarterly report after `vandaag` (pure): the report of a quarter is published on
 * the `werkdagNaKwartaal`-th working day of the following quarter (figures of late events have
 * arrived by then). Returns the quarter reported and the publication date.
 */
export function volgendKwartaalrapport(vandaag: IsoDate, werkdagNaKwartaal: number, kalender?: Partial<CalendarOptions>): { kwartaal: string; datum: IsoDate } {
  const jaar = Number(vandaag.slice(0, 4));
  const kwartaal = Math.ceil(Number(vandaag.slice(5, 7)) / 3);
  for (let stap = 0; stap < 3; stap++) {
    const k = kwartaal - 1 + stap;
    const begin = `${jaar + Math.floor(k / 4)}-${String((k % 4) * 3 + 1).padStart(2, '0')}-01`;
    const datum = addWorkingDays(begin, werkdagNaKwartaal - 1 + (isWerkdag(begin, kalender) ? 0 : 1), kalender);
    if (compareIsoDates(datum, vandaag) > 0) return { kwartaal: kwartaalVan(addMonths(begin, -1)), datum };
  }
  throw new RangeError('no quarterly report date found');
}

const isWerkdag = (d: IsoDate, k?: Partial<CalendarOptions>) => workingDayOnOrAfter(d, k) === d;
