/**
 * Dates and moments as Dutch people read them: `7 december 2026` and `7 december 2026, 14:05`
 * in Europe/Amsterdam. One implementation for the services' texts for people and the portal.
 * Pure and `Intl`-free, like the clock it builds on.
 */
import { amsterdamDate, amsterdamOffsetHours } from './amsterdam-time';
import { isIsoDate, toDateParts } from './local-date';

const MAANDEN = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const MS_PER_MINUTE = 60_000;
const MINUTES_PER_DAY = 1440;

/** A calendar date (`YYYY-MM-DD`) as `7 december 2026`; a date, so no time zone shifts it. Anything else is returned as given. */
export function formatDutchDate(date: string): string {
  if (!isIsoDate(date)) return date;
  const { year, month, day } = toDateParts(date);
  return `${day} ${MAANDEN[month - 1]} ${year}`;
}

/** The instant `epochMs` as `7 december 2026, 14:05` in Dutch civil time (summer and winter time included). */
export function formatDutchMoment(epochMs: number): string {
  const minutes = Math.floor((epochMs + amsterdamOffsetHours(epochMs) * 60 * MS_PER_MINUTE) / MS_PER_MINUTE);
  const ofDay = ((minutes % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  const twee = (n: number) => String(n).padStart(2, '0');
  return `${formatDutchDate(amsterdamDate(epochMs))}, ${twee(Math.floor(ofDay / 60))}:${twee(ofDay % 60)}`;
}
