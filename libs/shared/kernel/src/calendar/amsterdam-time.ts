/**
 * Dutch civil time (Europe/Amsterdam) without a time-zone database: the one clock every context
 * uses to turn an instant into "today" and a date back into the instant it begins. Pure and
 * `Intl`-free, so a workflow can apply it to its deterministic `Date.now()`.
 */
import { daysInMonth, fromDateParts, fromEpochDay, type IsoDate, isoWeekday, toDateParts, toEpochDay } from './local-date';

const MS_PER_DAY = 86_400_000;
const MS_PER_HOUR = 3_600_000;

function lastSundayUtcMs(year: number, month: number): number {
  const last = fromDateParts(year, month, daysInMonth(year, month));
  const back = isoWeekday(last) % 7;
  return (toEpochDay(last) - back) * MS_PER_DAY;
}

/**
 * Offset of Dutch civil time (Europe/Amsterdam) from UTC at `epochMs`, in hours: 2 during
 * summer time (last Sunday of March 01:00 UTC up to last Sunday of October 01:00 UTC), else 1.
 */
export function amsterdamOffsetHours(epochMs: number): 1 | 2 {
  const year = toDateParts(fromEpochDay(Math.floor(epochMs / MS_PER_DAY))).year;
  const start = lastSundayUtcMs(year, 3) + MS_PER_HOUR;
  const end = lastSundayUtcMs(year, 10) + MS_PER_HOUR;
  return epochMs >= start && epochMs < end ? 2 : 1;
}

/** The Dutch calendar date at instant `epochMs`. */
export function amsterdamDate(epochMs: number): IsoDate {
  return fromEpochDay(Math.floor((epochMs + amsterdamOffsetHours(epochMs) * MS_PER_HOUR) / MS_PER_DAY));
}

/** The instant (epoch ms) at which `date` begins in Dutch civil time (00:00 Europe/Amsterdam). */
export function startOfAmsterdamDate(date: IsoDate): number {
  const utcMidnight = toEpochDay(date) * MS_PER_DAY;
  // Midnight never falls inside a DST transition (they happen at 02:00/03:00 local).
  return utcMidnight - amsterdamOffsetHours(utcMidnight - MS_PER_HOUR) * MS_PER_HOUR;
}
