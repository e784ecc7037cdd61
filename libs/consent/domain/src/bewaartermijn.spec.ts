import { bewaartermijnLooptVanaf, bewaartermijnNaEinde, volgendeBewaarstand } from './bewaartermijn';
import { DEMO_REGISTER } from './register.seed';
import type { RegisterVersie, Verwerkingsactiviteit, Verwerkingsregister } from './verwerkingsregister';

const V1 = DEMO_REGISTER.versies[0] as RegisterVersie;
const REINTEGRATIE = V1.activiteiten[0] as Verwerkingsactiviteit;
/** Version 1 with one activity whose period is `bewaartermijn`. */
const metTermijn = (bewaartermijn: Verwerkingsactiviteit['bewaartermijn']): Verwerkingsregister => ({
  versies: [{ ...V1, activiteiten: [{ ...REINTEGRATIE, bewaartermijn }] }],
});

describe('bewaartermijnNaEinde', () => {
  it('erases on the day the longest period from the end of the traject has passed, in calendar years', () => {
    // Version 3 (from 2026-11-01) holds schuldhulpverlening: 7 years.
    expect(bewaartermijnNaEinde(DEMO_REGISTER, '2026-12-07')).toEqual({
      jaren: 7,
      wisOp: '2033-12-07',
      registerVersie: 3,
      activiteit: 'va-schuldhulpverlening',
    });
  });

  it('takes the register version in force at the end date', () => {
    // Version 1 (before 2026-07-01) has no schuldhulpverlening: re-integratie's 5 years decide.
    expect(bewaartermijnNaEinde(DEMO_REGISTER, '2026-03-31')).toMatchObject({ jaren: 5, wisOp: '2031-03-31', registerVersie: 1 });
  });

  it('ends a period that began on 29 February on 28 February', () => {
    expect(bewaartermijnNaEinde(metTermijn({ jaren: 1, vanaf: 'einde-traject' }), '2028-02-29')?.wisOp).toBe('2029-02-28');
  });

  it('erases nothing automatically when no period runs from the end of a traject, or before the first register version', () => {
    expect(bewaartermijnNaEinde(metTermijn({ jaren: 1, vanaf: 'verwerking' }), '2026-03-01')).toBeUndefined();
    expect(bewaartermijnNaEinde(DEMO_REGISTER, '2025-12-31')).toBeUndefined();
  });
});

describe('the retention state of a deelnemer', () => {
  it('runs from the latest end once no traject runs, and a new traject stops the clock', () => {
    let stand = volgendeBewaarstand({ lopend: [] }, { soort: 'beeindigd', trajectId: 'a', einddatum: '2027-01-10' });
    expect(bewaartermijnLooptVanaf(stand)).toBe('2027-01-10');
    stand = volgendeBewaarstand(stand, { soort: 'gestart', trajectId: 'b' });
    expect(bewaartermijnLooptVanaf(stand)).toBeUndefined();
    stand = volgendeBewaarstand(stand, { soort: 'gestart', trajectId: 'b' });
    expect(stand.lopend).toEqual(['b']);
    stand = volgendeBewaarstand(stand, { soort: 'beeindigd', trajectId: 'b', einddatum: '2028-05-02' });
    expect(bewaartermijnLooptVanaf(stand)).toBe('2028-05-02');
    // An end reported late, of an earlier date, does not shorten the period.
    stand = volgendeBewaarstand(stand, { soort: 'beeindigd', trajectId: 'a', einddatum: '2027-01-10' });
    expect(bewaartermijnLooptVanaf(stand)).toBe('2028-05-02');
  });
});
