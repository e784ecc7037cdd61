import { amsterdamDate, amsterdamOffsetHours, startOfAmsterdamDate } from './amsterdam-time';

describe('Dutch civil date of an instant', () => {
  it('uses UTC+1 in winter and UTC+2 in summer', () => {
    expect(amsterdamOffsetHours(Date.UTC(2027, 0, 15, 12))).toBe(1);
    expect(amsterdamOffsetHours(Date.UTC(2027, 6, 15, 12))).toBe(2);
  });

  it('switches at 01:00 UTC on the last Sundays of March and October', () => {
    // 2027: 28 March and 31 October are the last Sundays.
    expect(amsterdamOffsetHours(Date.UTC(2027, 2, 28, 0, 59))).toBe(1);
    expect(amsterdamOffsetHours(Date.UTC(2027, 2, 28, 1, 0))).toBe(2);
    expect(amsterdamOffsetHours(Date.UTC(2027, 9, 31, 0, 59))).toBe(2);
    expect(amsterdamOffsetHours(Date.UTC(2027, 9, 31, 1, 0))).toBe(1);
  });

  it('gives the next day late in the UTC evening', () => {
    expect(amsterdamDate(Date.UTC(2027, 5, 30, 21, 59))).toBe('2027-06-30');
    expect(amsterdamDate(Date.UTC(2027, 5, 30, 22, 0))).toBe('2027-07-01');
    expect(amsterdamDate(Date.UTC(2026, 11, 31, 23, 0))).toBe('2027-01-01');
    expect(amsterdamDate(Date.UTC(2026, 11, 31, 22, 59))).toBe('2026-12-31');
    expect(amsterdamDate(Date.parse('2026-12-24T23:30:00Z'))).toBe('2026-12-25');
    expect(amsterdamDate(Date.parse('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
  });

  it('finds local midnight, also on and around DST transitions', () => {
    expect(new Date(startOfAmsterdamDate('2027-01-10')).toISOString()).toBe('2027-01-09T23:00:00.000Z');
    expect(new Date(startOfAmsterdamDate('2027-07-01')).toISOString()).toBe('2027-06-30T22:00:00.000Z');
    expect(new Date(startOfAmsterdamDate('2027-03-28')).toISOString()).toBe('2027-03-27T23:00:00.000Z');
    expect(new Date(startOfAmsterdamDate('2027-03-29')).toISOString()).toBe('2027-03-28T22:00:00.000Z');
    expect(new Date(startOfAmsterdamDate('2027-10-31')).toISOString()).toBe('2027-10-30T22:00:00.000Z');
    expect(new Date(startOfAmsterdamDate('2027-11-01')).toISOString()).toBe('2027-10-31T23:00:00.000Z');
    expect(startOfAmsterdamDate('2026-12-25')).toBe(Date.parse('2026-12-24T23:00:00Z'));
    expect(startOfAmsterdamDate('2026-07-01')).toBe(Date.parse('2026-06-30T22:00:00Z'));
  });

  it('round-trips: the start of a date is on that date, one ms earlier is the day before', () => {
    for (const d of ['2027-01-01', '2027-03-28', '2027-03-29', '2027-06-15', '2027-10-31', '2027-11-01', '2028-02-29']) {
      expect(amsterdamDate(startOfAmsterdamDate(d))).toBe(d);
      expect(amsterdamDate(startOfAmsterdamDate(d) - 1)).not.toBe(d);
    }
  });
});
