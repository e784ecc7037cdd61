import { addDays, compareIsoDates, fromDateParts, fromEpochDay, type IsoDate, isoWeekday, toDateParts, toEpochDay } from './local-date';

/**
 * Which days count as public holidays (feestdagen) for working-day arithmetic.
 *
 * The defaults follow the Algemene termijnenwet (art. 3), which governs statutory deadlines:
 * Goede Vrijdag is not a general holiday there, and 5 May (Bevrijdingsdag) is one every year.
 * Many collective agreements differ (Goede Vrijdag off; Bevrijdingsdag only every fifth year),
 * so both are configurable per programme or convenant.
 */
export interface CalendarOptions {
  /** Count Goede Vrijdag (Friday before Easter) as a holiday. Default `false`. */
  readonly goedeVrijdag: boolean;
  /**
   * Bevrijdingsdag (5 May): `'jaarlijks'` every year, `'lustrum'` only in years divisible by
   * five (2025, 2030, …), `'nooit'` never. Default `'jaarlijks'`.
   */
  readonly bevrijdingsdag: 'jaarlijks' | 'lustrum' | 'nooit';
}

/** The defaults used when an option is omitted (Algemene termijnenwet). */
export const DEFAULT_CALENDAR_OPTIONS: CalendarOptions = Object.freeze({
  goedeVrijdag: false,
  bevrijdingsdag: 'jaarlijks',
});

/** Stable identifiers of the Dutch public holidays. */
export type HolidayKey =
  | 'nieuwjaarsdag'
  | 'goede-vrijdag'
  | 'eerste-paasdag'
  | 'tweede-paasdag'
  | 'koningsdag'
  | 'bevrijdingsdag'
  | 'hemelvaartsdag'
  | 'eerste-pinksterdag'
  | 'tweede-pinksterdag'
  | 'eerste-kerstdag'
  | 'tweede-kerstdag';

/** A public holiday on a calendar date. */
export interface Holiday {
  readonly date: IsoDate;
  readonly key: HolidayKey;
  /** Dutch name, e.g. `'Tweede Paasdag'`. */
  readonly naam: string;
}

/** Earliest year the calendar supports (Koninginnedag rules before 1980 are not modelled). */
export const FIRST_SUPPORTED_YEAR = 1980;

function resolve(opts?: Partial<CalendarOptions>): CalendarOptions {
  return { ...DEFAULT_CALENDAR_OPTIONS, ...opts };
}

/**
 * Easter Sunday of `year` in the Gregorian calendar (anonymous Gregorian computus,
 * Meeus/Jones/Butcher).
 */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return fromDateParts(year, month, day);
}

/** Koningsdag (from 2014: 27 April, 26 April when the 27th is a Sunday); Koninginnedag before (30 April, 29 when Sunday). */
function kingsDay(year: number): IsoDate {
  const [day, fallback] = year >= 2014 ? [27, 26] : [30, 29];
  const date = fromDateParts(year, 4, day);
  return isoWeekday(date) === 7 ? fromDateParts(year, 4, fallback) : date;
}

const holidayCache = new Map<string, readonly Holiday[]>();

/**
 * The Dutch public holidays of `year`, sorted by date, under `opts`.
 * @throws RangeError for years before {@link FIRST_SUPPORTED_YEAR} or after 9999.
 */
export function holidaysOf(year: number, opts?: Partial<CalendarOptions>): readonly Holiday[] {
  if (!Number.isInteger(year) || year < FIRST_SUPPORTED_YEAR || year > 9999) {
    throw new RangeError(`Holidays are defined for years ${FIRST_SUPPORTED_YEAR}–9999, not ${year}`);
  }
  const o = resolve(opts);
  const cacheKey = `${year}|${o.goedeVrijdag}|${o.bevrijdingsdag}`;
  const cached = holidayCache.get(cacheKey);
  if (cached) return cached;

  const easter = easterSunday(year);
  const list: Holiday[] = [
    { date: fromDateParts(year, 1, 1), key: 'nieuwjaarsdag', naam: 'Nieuwjaarsdag' },
    { date: easter, key: 'eerste-paasdag', naam: 'Eerste Paasdag' },
    { date: addDays(easter, 1), key: 'tweede-paasdag', naam: 'Tweede Paasdag' },
    { date: kingsDay(year), key: 'koningsdag', naam: year >= 2014 ? 'Koningsdag' : 'Koninginnedag' },
    { date: addDays(easter, 39), key: 'hemelvaartsdag', naam: 'Hemelvaartsdag' },
    { date: addDays(easter, 49), key: 'eerste-pinksterdag', naam: 'Eerste Pinksterdag' },
    { date: addDays(easter, 50), key: 'tweede-pinksterdag', naam: 'Tweede Pinksterdag' },
    { date: fromDateParts(year, 12, 25), key: 'eerste-kerstdag', naam: 'Eerste Kerstdag' },
    { date: fromDateParts(year, 12, 26), key: 'tweede-kerstdag', naam: 'Tweede Kerstdag' },
  ];
  if (o.goedeVrijdag) list.push({ date: addDays(easter, -2), key: 'goede-vrijdag', naam: 'Goede Vrijdag' });
  if (o.bevrijdingsdag === 'jaarlijks' || (o.bevrijdingsdag === 'lustrum' && year % 5 === 0)) {
    list.push({ date: fromDateParts(year, 5, 5), key: 'bevrijdingsdag', naam: 'Bevrijdingsdag' });
  }
  const sorted = Object.freeze(list.sort((x, y) => compareIsoDates(x.date, y.date)).map((h) => Object.freeze(h)));
  holidayCache.set(cacheKey, sorted);
  return sorted;
}

/** The holiday on `date`, if any. */
export function holidayOn(date: IsoDate, opts?: Partial<CalendarOptions>): Holiday | undefined {
  return holidaysOf(toDateParts(date).year, opts).find((h) => h.date === date);
}

/** True when `date` is a Saturday or Sunday. */
export function isWeekend(date: IsoDate): boolean {
  return isoWeekday(date) >= 6;
}

/** True when `date` is Monday–Friday and not a public holiday under `opts`. */
export function isWorkingDay(date: IsoDate, opts?: Partial<CalendarOptions>): boolean {
  return !isWeekend(date) && holidayOn(date, opts) === undefined;
}

/**
 * Moves `n` working days from `date`: `n > 0` gives the n-th working day after `date`,
 * `n < 0` the |n|-th working day before it; `date` itself is never counted, so it need not be
 * a working day. `n === 0` returns `date` unchanged.
 *
 * Guarantees `workingDaysBetween(date, addWorkingDays(date, n, o), o) === n`.
 */
export function addWorkingDays(date: IsoDate, n: number, opts?: Partial<CalendarOptions>): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`Working days must be an integer: ${n}`);
  const o = resolve(opts);
  const step = n < 0 ? -1 : 1;
  let remaining = Math.abs(n);
  let day = toEpochDay(date);
  while (remaining > 0) {
    day += step;
    if (isWorkingDay(fromEpochDay(day), o)) remaining--;
  }
  return fromEpochDay(day);
}

/**
 * Working days from `a` to `b`: the number of working days `d` with `a < d <= b`, negated
 * when `b` is before `a` (then counting `b <= d < a`). Zero when `a === b`.
 *
 * Example: from Friday 2026-12-24 to Monday 2026-12-28 is 1 (Christmas falls on Fri/Sat, the
 * weekend is skipped, Monday counts).
 */
export function workingDaysBetween(a: IsoDate, b: IsoDate, opts?: Partial<CalendarOptions>): number {
  const o = resolve(opts);
  const from = toEpochDay(a);
  const to = toEpochDay(b);
  if (from === to) return 0;
  const [lo, hi, sign] = from < to ? [from + 1, to, 1] : [to, from - 1, -1];
  let count = 0;
  for (let day = lo; day <= hi; day++) if (isWorkingDay(fromEpochDay(day), o)) count++;
  return sign * count;
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(date: IsoDate, opts?: Partial<CalendarOptions>): IsoDate {
  return addWorkingDays(date, 1, opts);
}

/** `date` itself when it is a working day, otherwise the first working day after it. */
export function workingDayOnOrAfter(date: IsoDate, opts?: Partial<CalendarOptions>): IsoDate {
  return isWorkingDay(date, opts) ? date : nextWorkingDay(date, opts);
}
