import { formatDatum, formatDatumTijd, vandaag } from './datum';

describe('dates in the portal', () => {
  it('shows a winter moment in Amsterdam time (UTC+1) as "7 december 2026, 14:05"', () => {
    expect(formatDatumTijd('2026-12-07T13:05:00Z')).toBe('7 december 2026, 14:05');
  });

  it('shows a summer moment in Amsterdam time (UTC+2), with a leading zero in the hour', () => {
    expect(formatDatumTijd(new Date('2026-07-01T07:30:00Z'))).toBe('1 juli 2026, 09:30');
  });

  it('shows midnight as 00:00 on the Amsterdam day, not the UTC day', () => {
    expect(formatDatumTijd('2026-03-31T22:00:00Z')).toBe('1 april 2026, 00:00');
  });

  it('shows a business date as the same calendar day, whatever the time zone', () => {
    expect(formatDatum('2026-12-07')).toBe('7 december 2026');
    expect(formatDatum('2027-01-01')).toBe('1 januari 2027');
  });

  it('takes today from the Amsterdam calendar', () => {
    expect(vandaag(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
  });
});
