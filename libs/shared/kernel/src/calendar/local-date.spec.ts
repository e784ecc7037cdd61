import fc from 'fast-check';
import { addDays, addMonths, daysBetween, fromEpochDay, isIsoDate, isoWeekday, toEpochDay } from './local-date';

describe('IsoDate arithmetic', () => {
  it('agrees with known epoch days and weekdays', () => {
    expect(toEpochDay('1970-01-01')).toBe(0);
    expect(toEpochDay('2000-03-01')).toBe(11017);
    expect(fromEpochDay(-1)).toBe('1969-12-31');
    expect(isoWeekday('2026-11-22')).toBe(7);
    expect(isoWeekday('2024-02-29')).toBe(4);
  });

  it('validates month lengths and leap years', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2100-02-29')).toBe(false);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('2026-04-31')).toBe(false);
    expect(isIsoDate('2026-4-1')).toBe(false);
    expect(isIsoDate(20260401)).toBe(false);
  });

  it('crosses month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
  });

  it('round-trips every epoch day through its ISO string', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 2_000_000 }), (n) => {
        expect(toEpochDay(fromEpochDay(n))).toBe(n);
      }),
    );
  });
});

describe('addMonths', () => {
  it('adds calendar months and clamps to the end of shorter months', () => {
    expect(addMonths('2027-01-15', 3)).toBe('2027-04-15');
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
    expect(addMonths('2027-03-31', -1)).toBe('2027-02-28');
    expect(addMonths('2027-12-15', 24)).toBe('2029-12-15');
  });

  it('rejects fractional months', () => {
    expect(() => addMonths('2027-01-15', 1.5)).toThrow(RangeError);
  });
});
