import fc from 'fast-check';
import { addDays, fromEpochDay, isoWeekday, toEpochDay } from './local-date';
import {
  addWorkingDays,
  type CalendarOptions,
  easterSunday,
  holidaysOf,
  isWorkingDay,
  nextWorkingDay,
  workingDayOnOrAfter,
  workingDaysBetween,
} from './working-days';

const ALL: CalendarOptions = { goedeVrijdag: true, bevrijdingsdag: 'jaarlijks' };

// Published dates (Rijksoverheid feestdagen overzicht), written out independently of the computus.
const KNOWN: Record<number, Record<string, string>> = {
  2025: {
    nieuwjaarsdag: '2025-01-01',
    'goede-vrijdag': '2025-04-18',
    'eerste-paasdag': '2025-04-20',
    'tweede-paasdag': '2025-04-21',
    koningsdag: '2025-04-26',
    bevrijdingsdag: '2025-05-05',
    hemelvaartsdag: '2025-05-29',
    'eerste-pinksterdag': '2025-06-08',
    'tweede-pinksterdag': '2025-06-09',
    'eerste-kerstdag': '2025-12-25',
    'tweede-kerstdag': '2025-12-26',
  },
  2026: {
    nieuwjaarsdag: '2026-01-01',
    'goede-vrijdag': '2026-04-03',
    'eerste-paasdag': '2026-04-05',
    'tweede-paasdag': '2026-04-06',
    koningsdag: '2026-04-27',
    bevrijdingsdag: '2026-05-05',
    hemelvaartsdag: '2026-05-14',
    'eerste-pinksterdag': '2026-05-24',
    'tweede-pinksterdag': '2026-05-25',
    'eerste-kerstdag': '2026-12-25',
    'tweede-kerstdag': '2026-12-26',
  },
  2027: {
    nieuwjaarsdag: '2027-01-01',
    'goede-vrijdag': '2027-03-26',
    'eerste-paasdag': '2027-03-28',
    'tweede-paasdag': '2027-03-29',
    koningsdag: '2027-04-27',
    bevrijdingsdag: '2027-05-05',
    hemelvaartsdag: '2027-05-06',
    'eerste-pinksterdag': '2027-05-16',
    'tweede-pinksterdag': '2027-05-17',
    'eerste-kerstdag': '2027-12-25',
    'tweede-kerstdag': '2027-12-26',
  },
  2028: {
    nieuwjaarsdag: '2028-01-01',
    'goede-vrijdag': '2028-04-14',
    'eerste-paasdag': '2028-04-16',
    'tweede-paasdag': '2028-04-17',
    koningsdag: '2028-04-27',
    bevrijdingsdag: '2028-05-05',
    hemelvaartsdag: '2028-05-25',
    'eerste-pinksterdag': '2028-06-04',
    'tweede-pinksterdag': '2028-06-05',
    'eerste-kerstdag': '2028-12-25',
    'tweede-kerstdag': '2028-12-26',
  },
  2029: {
    nieuwjaarsdag: '2029-01-01',
    'goede-vrijdag': '2029-03-30',
    'eerste-paasdag': '2029-04-01',
    'tweede-paasdag': '2029-04-02',
    koningsdag: '2029-04-27',
    bevrijdingsdag: '2029-05-05',
    hemelvaartsdag: '2029-05-10',
    'eerste-pinksterdag': '2029-05-20',
    'tweede-pinksterdag': '2029-05-21',
    'eerste-kerstdag': '2029-12-25',
    'tweede-kerstdag': '2029-12-26',
  },
  2030: {
    nieuwjaarsdag: '2030-01-01',
    'goede-vrijdag': '2030-04-19',
    'eerste-paasdag': '2030-04-21',
    'tweede-paasdag': '2030-04-22',
    koningsdag: '2030-04-27',
    bevrijdingsdag: '2030-05-05',
    hemelvaartsdag: '2030-05-30',
    'eerste-pinksterdag': '2030-06-09',
    'tweede-pinksterdag': '2030-06-10',
    'eerste-kerstdag': '2030-12-25',
    'tweede-kerstdag': '2030-12-26',
  },
};

describe('holidaysOf', () => {
  it.each(Object.keys(KNOWN).map(Number))('gives the published holidays of %i (all holidays switched on)', (year) => {
    const actual = Object.fromEntries(holidaysOf(year, ALL).map((h) => [h.key, h.date]));
    expect(actual).toEqual(KNOWN[year]);
  });

  it('sorts the holidays by date and names them in Dutch', () => {
    const list = holidaysOf(2026, ALL);
    expect(list.map((h) => h.date)).toEqual([...list.map((h) => h.date)].sort());
    expect(list.find((h) => h.key === 'tweede-pinksterdag')?.naam).toBe('Tweede Pinksterdag');
  });

  it('moves Koningsdag to Saturday 26 April when the 27th is a Sunday (2025, 2031)', () => {
    expect(holidaysOf(2025).find((h) => h.key === 'koningsdag')?.date).toBe('2025-04-26');
    expect(holidaysOf(2031).find((h) => h.key === 'koningsdag')?.date).toBe('2031-04-26');
    expect(isoWeekday('2031-04-27')).toBe(7);
  });

  it('follows the Algemene termijnenwet by default: no Goede Vrijdag, Bevrijdingsdag every year', () => {
    const keys = (y: number) => holidaysOf(y).map((h) => h.key);
    expect(keys(2026)).not.toContain('goede-vrijdag');
    expect(keys(2026)).toContain('bevrijdingsdag');
    expect(isWorkingDay('2026-04-03')).toBe(true);
    expect(isWorkingDay('2026-05-05')).toBe(false);
  });

  it('makes Goede Vrijdag a holiday when configured', () => {
    expect(isWorkingDay('2026-04-03', { goedeVrijdag: true })).toBe(false);
  });

  it('keeps Bevrijdingsdag only in lustrum years when configured so, and drops it on "nooit"', () => {
    const has = (year: number, bevrijdingsdag: CalendarOptions['bevrijdingsdag']) =>
      holidaysOf(year, { bevrijdingsdag }).some((h) => h.key === 'bevrijdingsdag');
    expect([2025, 2026, 2027, 2028, 2029, 2030].filter((y) => has(y, 'lustrum'))).toEqual([2025, 2030]);
    expect(has(2025, 'nooit')).toBe(false);
    expect(isWorkingDay('2026-05-05', { bevrijdingsdag: 'lustrum' })).toBe(true);
    expect(isWorkingDay('2030-05-06', { bevrijdingsdag: 'lustrum' })).toBe(true);
  });

  it('computes Easter in line with the published dates over a long range', () => {
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2031)).toBe('2031-04-13');
    expect(easterSunday(2038)).toBe('2038-04-25'); // latest possible date
    expect(easterSunday(2285)).toBe('2285-03-22'); // earliest possible date
  });

  it('rejects years outside the supported range', () => {
    expect(() => holidaysOf(1979)).toThrow(RangeError);
    expect(() => holidaysOf(2025.5)).toThrow(RangeError);
  });
});

describe('working-day arithmetic', () => {
  it('skips the weekend', () => {
    expect(addWorkingDays('2026-03-06', 1)).toBe('2026-03-09'); // Fri → Mon
    expect(addWorkingDays('2026-03-07', 1)).toBe('2026-03-09'); // Sat → Mon
    expect(addWorkingDays('2026-03-09', -1)).toBe('2026-03-06'); // Mon → Fri
    expect(addWorkingDays('2026-03-02', 10)).toBe('2026-03-16');
  });

  it('skips Christmas and New Year', () => {
    // Thu 24 Dec 2026; Fri 25 + Sat 26 (Kerst), Sun 27; Thu 31, Fri 1 Jan (Nieuwjaarsdag)
    expect(addWorkingDays('2026-12-24', 1)).toBe('2026-12-28');
    expect(addWorkingDays('2026-12-24', 5)).toBe('2027-01-04');
    expect(workingDaysBetween('2026-12-24', '2027-01-04')).toBe(5);
    expect(nextWorkingDay('2025-12-24')).toBe('2025-12-29'); // Thu 25, Fri 26 holidays, weekend
  });

  it('skips Easter, with and without Goede Vrijdag', () => {
    // 2026: Good Friday 3 April, Easter 5–6 April
    expect(addWorkingDays('2026-04-02', 1)).toBe('2026-04-03');
    expect(addWorkingDays('2026-04-02', 1, { goedeVrijdag: true })).toBe('2026-04-07');
    expect(addWorkingDays('2026-04-07', -1, { goedeVrijdag: true })).toBe('2026-04-02');
  });

  it('treats Koningsdag on Sunday 2025 as Saturday 26 April (no weekday lost)', () => {
    expect(isWorkingDay('2025-04-26')).toBe(false);
    expect(workingDaysBetween('2025-04-25', '2025-04-28')).toBe(1);
    // 2026: Koningsdag on Monday 27 April costs a working day
    expect(addWorkingDays('2026-04-24', 1)).toBe('2026-04-28');
  });

  it('skips Hemelvaart, Pinksteren and Bevrijdingsdag', () => {
    expect(addWorkingDays('2026-05-13', 1)).toBe('2026-05-15'); // Hemelvaart Thu 14 May
    expect(addWorkingDays('2026-05-22', 1)).toBe('2026-05-26'); // Pinkstermaandag 25 May
    expect(addWorkingDays('2026-05-04', 1)).toBe('2026-05-06');
    expect(addWorkingDays('2026-05-04', 1, { bevrijdingsdag: 'lustrum' })).toBe('2026-05-05');
  });

  it('counts working days between dates (exclusive start, inclusive end), negative backwards', () => {
    expect(workingDaysBetween('2026-03-02', '2026-03-02')).toBe(0);
    expect(workingDaysBetween('2026-03-02', '2026-03-09')).toBe(5);
    expect(workingDaysBetween('2026-03-09', '2026-03-02')).toBe(-5);
    // 2026: 261 weekdays minus 7 weekday holidays (1/1, 6/4, 27/4, 5/5, 14/5, 25/5, 25/12)
    expect(workingDaysBetween('2025-12-31', '2026-12-31')).toBe(254);
  });

  it('returns the date itself for n = 0 and rounds weekends forward with workingDayOnOrAfter', () => {
    expect(addWorkingDays('2026-03-07', 0)).toBe('2026-03-07');
    expect(workingDayOnOrAfter('2026-03-07')).toBe('2026-03-09');
    expect(workingDayOnOrAfter('2026-03-09')).toBe('2026-03-09');
  });

  it('rejects malformed dates and fractional counts', () => {
    expect(() => addWorkingDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addWorkingDays('26-3-1', 1)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-03-02', 1.5)).toThrow(RangeError);
  });

  const dateArb = fc.integer({ min: toEpochDay('1990-01-01'), max: toEpochDay('2090-12-31') }).map(fromEpochDay);
  const optsArb = fc.record({
    goedeVrijdag: fc.boolean(),
    bevrijdingsdag: fc.constantFrom('jaarlijks' as const, 'lustrum' as const, 'nooit' as const),
  });

  it('inverts: workingDaysBetween(d, addWorkingDays(d, n)) === n, and lands on a working day', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -300, max: 300 }), optsArb, (date, n, opts) => {
        const target = addWorkingDays(date, n, opts);
        expect(workingDaysBetween(date, target, opts)).toBe(n);
        if (n !== 0) expect(isWorkingDay(target, opts)).toBe(true);
      }),
    );
  });

  it('never counts a weekend day as a working day', () => {
    fc.assert(
      fc.property(dateArb, (date) => {
        if (isoWeekday(date) >= 6) expect(isWorkingDay(date)).toBe(false);
        expect(addDays(date, 7) > date).toBe(true);
      }),
    );
  });
});
