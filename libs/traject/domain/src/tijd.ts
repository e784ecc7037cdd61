import {
  daysInMonth,
  fromDateParts,
  fromEpochDay,
  IsoDate,
  isoWeekday,
  toDateParts,
  toEpochDay,
} from '@ketenregie/shared-kernel';

const MS_PER_DAY = 86_400_000;
const MS_PER_HOUR = 3_600_000;

/**
 * `date` plus `months` calendar months; the day is clamped to the end of a shorter month
 * (31 January + 1 month = 28/29 February). `months` may be negative.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  if (!Number.isInteger(months)) throw new RangeError(`Months must be an integer: ${months}`);
  const { year, month, day } = toDateParts(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return fromDateParts(y, m, Math.min(day, daysInMonth(y, m)));
}

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

/**
 * The Dutch calendar date at instant `epochMs`. Pure and zone-database free, so a workflow can
 * turn its deterministic `Date.now()` into "today" without `Intl`.
 */
export function amsterdamDate(epochMs: number): IsoDate {
  return fromEpochDay(Math.floor((epochMs + amsterdamOffsetHours(epochMs) * MS_PER_HOUR) / MS_PER_DAY));
}

/** The instant (epoch ms) at which `date` begins in Dutch civil time (00:00 Europe/Amsterdam). */
export function startOfAmsterdamDate(date: IsoDate): number {
  const utcMidnight = toEpochDay(date) * MS_PER_DAY;
  // Midnight never falls inside a DST transition (they happen at 02:00/03:00 local).
  return utcMidnight - amsterdamOffsetHours(utcMidnight - MS_PER_HOUR) * MS_PER_HOUR;
}
