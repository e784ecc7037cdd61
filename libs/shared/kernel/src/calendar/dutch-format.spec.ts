import { formatDutchDate, formatDutchMoment } from './dutch-format';

describe('Dutch dates and moments', () => {
  it('writes a winter moment in UTC+1 and a summer moment in UTC+2, midnight on the Amsterdam day', () => {
    expect(formatDutchMoment(Date.parse('2026-12-07T13:05:00Z'))).toBe('7 december 2026, 14:05');
    expect(formatDutchMoment(Date.parse('2026-07-01T07:30:00Z'))).toBe('1 juli 2026, 09:30');
    expect(formatDutchMoment(Date.parse('2026-03-31T22:00:00Z'))).toBe('1 april 2026, 00:00');
  });

  it('agrees with Intl over a year (every seventh hour)', () => {
    const intl = new Intl.DateTimeFormat('nl-NL', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: 'Europe/Amsterdam',
    });
    for (let t = Date.parse('2026-01-01T00:17:00Z'); t < Date.parse('2027-01-01T00:00:00Z'); t += 7 * 3_600_000) {
      const deel = Object.fromEntries(intl.formatToParts(new Date(t)).map((p) => [p.type, p.value]));
      expect(formatDutchMoment(t)).toBe(`${deel['day']} ${deel['month']} ${deel['year']}, ${deel['hour']}:${deel['minute']}`);
    }
  });

  it('writes a calendar date as that day, and leaves what is no date alone', () => {
    expect(formatDutchDate('2027-01-01')).toBe('1 januari 2027');
    expect(formatDutchDate('morgen')).toBe('morgen');
  });
});
