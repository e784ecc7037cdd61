import { isWorkingDay, workingDaysBetween } from '@ketenregie/shared-kernel';
import { acceptatieTermijn, instellingen, nazorgCheckins, onbereikbaarOp, STANDAARD_INSTELLINGEN, toestemmingTermijn } from './termijnen';

describe('termijnen', () => {
  it('give the receiver 5 working days, skipping Christmas, New Year and the weekends', () => {
    // Delivered Thursday 24 December 2026: 25 Dec and 1 Jan are holidays.
    const t = acceptatieTermijn('2026-12-24', STANDAARD_INSTELLINGEN);
    expect(t).toEqual({ uiterlijk: '2027-01-04', herinnering: '2026-12-31', escalatie: '2027-01-05' });
    expect(workingDaysBetween('2026-12-24', t.uiterlijk)).toBe(5);
  });

  it('remind on a working day before the deadline and escalate on the first working day after it', () => {
    // Delivered Tuesday before Easter 2027 (Easter Monday 29 March).
    const t = acceptatieTermijn('2027-03-23', instellingen({ acceptatieWerkdagen: 5, herinneringWerkdagenVoor: 2 }));
    expect(t.uiterlijk).toBe('2027-03-31');
    expect(t.herinnering).toBe('2027-03-26');
    expect(isWorkingDay(t.herinnering) && isWorkingDay(t.escalatie)).toBe(true);
    expect(t.escalatie).toBe('2027-04-01');
  });

  it('count the unreachable term from the escalation and the consent term from the request', () => {
    const i = STANDAARD_INSTELLINGEN;
    const t = acceptatieTermijn('2026-11-23', i);
    expect(onbereikbaarOp(t, i)).toBe('2026-12-08');
    expect(toestemmingTermijn('2026-11-23', i)).toEqual({ uiterlijk: '2026-12-07', herinnering: '2026-12-03', escalatie: '2026-12-08' });
  });

  it('put the check-ins 2 and 6 weeks after the driegesprek by default', () => {
    expect(nazorgCheckins('2027-02-01', STANDAARD_INSTELLINGEN)).toEqual(['2027-02-15', '2027-03-15']);
  });

  it('refuse settings that cannot work', () => {
    expect(() => instellingen({ acceptatieWerkdagen: 0 })).toThrow(expect.objectContaining({ code: 'EXCHANGE.INSTELLING_ONGELDIG' }));
    expect(() => instellingen({ herinneringWerkdagenVoor: 5 })).toThrow(expect.objectContaining({ code: 'EXCHANGE.INSTELLING_ONGELDIG' }));
    expect(() => instellingen({ nazorgCheckinsWeken: [6, 2] })).toThrow(expect.objectContaining({ code: 'EXCHANGE.INSTELLING_ONGELDIG' }));
    expect(instellingen({ acceptatieWerkdagen: 10 }).acceptatieWerkdagen).toBe(10);
  });
});
