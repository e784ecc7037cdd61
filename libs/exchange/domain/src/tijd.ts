import { daysInMonth, fromDateParts, fromEpochDay, IsoDate, isoWeekday, toDateParts, toEpochDay } from '@ketenregie/shared-kernel';

const MS_PER_DAY = 86_400_000;
const MS_PER_HOUR = 3_600_000;

function lastSundayUtcMs(year: number, month: number): number {
  const last = fromDateParts(year, month, daysInMonth(year, month));
  return (toEpochDay(last) - (isoWeekday(last) % 7)) * MS_PER_DAY;
}

/** Offset of Dutch civil time from UTC at `epochMs` in hours (EU summer-time rule). */
function amsterdamOffsetHours(epochMs: number): 1 | 2 {
  const year = toDateParts(fromEpochDay(Math.floor(epochMs / MS_PER_DAY))).year;
  return epochMs >= lastSundayUtcMs(year, 3) + MS_PER_HOUR && epochMs < lastSundayUtcMs(year, 10) + MS_PER_HOUR ? 2 : 1;
}

/** The Dutch calendar date at `epochMs`; pure, so a workflow can derive "today" from its deterministic clock. */
export function nederlandseDatum(epochMs: number): IsoDate {
  return fromEpochDay(Math.floor((epochMs + amsterdamOffsetHours(epochMs) * MS_PER_HOUR) / MS_PER_DAY));
}

/** The instant (epoch ms) at which `date` begins in Dutch civil time (00:00 Europe/Amsterdam). */
export function beginVanDag(date: IsoDate): number {
  const utcMidnight = toEpochDay(date) * MS_PER_DAY;
  return utcMidnight - amsterdamOffsetHours(utcMidnight - MS_PER_HOUR) * MS_PER_HOUR;
}
