/** The portal shows every moment in Dutch local time, whatever the browser's time zone. */
export const TIJDZONE = 'Europe/Amsterdam';

const datumTijd = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: TIJDZONE,
});

const kalenderDatum = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/**
 * A moment as `7 december 2026, 14:05` in Europe/Amsterdam (summer and winter time included).
 * @param moment an ISO 8601 timestamp with offset, or a Date
 */
export function formatDatumTijd(moment: string | Date): string {
  const deel = Object.fromEntries(datumTijd.formatToParts(typeof moment === 'string' ? new Date(moment) : moment).map((p) => [p.type, p.value]));
  return `${deel['day']} ${deel['month']} ${deel['year']}, ${deel['hour']}:${deel['minute']}`;
}

/**
 * A calendar date (`YYYY-MM-DD`, no time of day, as the API's business dates are) as
 * `7 december 2026`. It is a date, not a moment, so no time zone can shift it to another day.
 */
export function formatDatum(isoDatum: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDatum);
  if (!match) return isoDatum;
  return kalenderDatum.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))));
}

/** Today's date in Europe/Amsterdam as `YYYY-MM-DD`. */
export function vandaag(nu: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIJDZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(nu);
}
