import { amsterdamDate, formatDutchDate, formatDutchMoment } from '@ketenregie/shared-kernel';

/**
 * A moment as `7 december 2026, 14:05` in Europe/Amsterdam (summer and winter time included),
 * whatever the browser's time zone.
 * @param moment an ISO 8601 timestamp with offset, or a Date
 */
export function formatDatumTijd(moment: string | Date): string {
  return formatDutchMoment((typeof moment === 'string' ? new Date(moment) : moment).getTime());
}

/**
 * A calendar date (`YYYY-MM-DD`, no time of day, as the API's business dates are) as
 * `7 december 2026`. It is a date, not a moment, so no time zone can shift it to another day.
 */
export const formatDatum = formatDutchDate;

/** Today's date in Europe/Amsterdam as `YYYY-MM-DD`. */
export function vandaag(nu: Date = new Date()): string {
  return amsterdamDate(nu.getTime());
}
