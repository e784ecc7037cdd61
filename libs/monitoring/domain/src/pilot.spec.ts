import { isWorkingDay, workingDaysBetween } from '@ketenregie/shared-kernel';
import { pilotAgenda, STANDAARD_BESLUIT_INSTELLINGEN, verlengdeEinddatum, volgendKwartaalrapport } from './pilot';

describe('pilot agenda', () => {
  it('puts every moment on a working day and asks the decision 20 working days before the end, reminder after 5, escalation after 10', () => {
    // 2026-01-03 is a Saturday; 2026-12-25 (Christmas) and 26 are holidays; the end moves to Monday 28.
    const a = pilotAgenda({ t0: '2026-01-03', t1: '2026-07-01', eind: '2026-12-25' }, STANDAARD_BESLUIT_INSTELLINGEN);
    expect(a.t0).toBe('2026-01-05');
    expect(a.eind).toBe('2026-12-28');
    for (const d of Object.values(a)) expect(isWorkingDay(d)).toBe(true);
    expect(workingDaysBetween(a.besluitVragen, a.eind)).toBe(20);
    expect(workingDaysBetween(a.besluitVragen, a.herinnering)).toBe(5);
    expect(workingDaysBetween(a.besluitVragen, a.escalatie)).toBe(10);
    expect(verlengdeEinddatum(a.eind, STANDAARD_BESLUIT_INSTELLINGEN)).toBe('2027-06-28');
  });

  it('never asks before T1 nor escalates after the end', () => {
    const a = pilotAgenda({ t0: '2026-03-02', t1: '2026-03-09', eind: '2026-03-16' }, STANDAARD_BESLUIT_INSTELLINGEN);
    expect(a.besluitVragen).toBe('2026-03-09');
    expect(a.escalatie).toBe('2026-03-16');
  });

  it('publishes the quarterly report on the 5th working day of the next quarter', () => {
    expect(volgendKwartaalrapport('2026-03-15', 5)).toEqual({ kwartaal: '2026-K1', datum: '2026-04-08' });
    // 2026-04-06 is Easter Monday: 1 Apr (Wed) 2, 3 (Fri), 7, 8 → the fifth working day is 8 April.
    expect(volgendKwartaalrapport('2026-04-07', 5)).toEqual({ kwartaal: '2026-K1', datum: '2026-04-08' });
    expect(volgendKwartaalrapport('2026-04-08', 5)).toEqual({ kwartaal: '2026-K2', datum: '2026-07-07' });
    expect(volgendKwartaalrapport('2026-11-30', 5)).toEqual({ kwartaal: '2026-K4', datum: '2027-01-08' });
  });
});
