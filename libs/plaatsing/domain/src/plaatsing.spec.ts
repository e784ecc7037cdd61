import { isDomainError } from '@ketenregie/shared-kernel';
import {
  startPlaatsing,
  termijnen,
  verwerkTijd,
  volgendMoment,
  voerUit,
  type PlaatsingOpdracht,
  type PlaatsingState,
  type PlaatsingUitkomst,
} from './plaatsing';

const WERKGEVER = {
  organisatieId: 'van-der-heijden-metaal',
  contactpersoon: { naam: 'Ria de Wit', telefoon: '0401111111' },
  plaatsvervanger: { naam: 'Kees Jansen', telefoon: '0402222222' },
};
const COACH = { organisatieId: 'werkbrug-dommeldal', type: 'uitvoerder' as const, professional: 'coach-1' };
const REGIE = { organisatieId: 'gemeente-dommeldal', type: 'gemeente' as const, professional: 'km-1' };
const JOBCOACH = { organisatieId: 'kempenpoort-reintegratie', type: 'uitvoerder' as const, professional: 'jc-1' };

const start = (overrides: Partial<Parameters<typeof startPlaatsing>[0]> = {}) =>
  startPlaatsing({
    plaatsingId: 'p-1',
    vacatureId: 'v-1',
    deelnemerId: 'd-1',
    trajectId: 't-1',
    werkgever: WERKGEVER,
    coach: COACH,
    regievoerder: REGIE,
    jobcoach: JOBCOACH,
    datum: '2027-01-04',
    ...overrides,
  }).state;

const doe = (s: PlaatsingState, ...opdrachten: PlaatsingOpdracht[]): PlaatsingState => opdrachten.reduce((st, o) => voerUit(st, o).state, s);
const code = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    return isDomainError(e) ? e.code : String(e);
  }
  return undefined;
};
const soorten = (u: PlaatsingUitkomst) => u.gebeurtenissen.map((g) => g.soort);

describe('plaatsing lifecycle (pure)', () => {
  it('kennismaking starts a two-month proefplaatsing with benefit kept and the evaluation due five working days before its end', () => {
    const s = doe(start(), { soort: 'kennismaking', datum: '2027-01-06', uitkomst: 'proefplaatsing', startProefplaatsing: '2027-01-11' });
    expect(s.fase).toBe('proefplaatsing');
    expect(s.proefplaatsing).toMatchObject({
      start: '2027-01-11',
      einde: '2027-03-11',
      evaluatieUiterlijk: '2027-03-04',
      uitkeringBehouden: true,
      verlengd: false,
    });
    expect(termijnen(s).map((t) => t.soort)).toEqual(['checkin', 'evaluatie-proefplaatsing', 'einde-proefplaatsing']);
  });

  it('allows one extension of the proefplaatsing, not two', () => {
    const s = doe(
      start(),
      { soort: 'kennismaking', datum: '2027-01-06', uitkomst: 'proefplaatsing', startProefplaatsing: '2027-01-11' },
      { soort: 'evaluatie', datum: '2027-03-01', uitkomst: 'verlengen', door: 'werkgever' },
    );
    expect(s.proefplaatsing).toMatchObject({ einde: '2027-05-11', verlengd: true });
    expect(code(() => voerUit(s, { soort: 'evaluatie', datum: '2027-05-01', uitkomst: 'verlengen', door: 'werkgever' }))).toBe(
      'PLAATSING.VERLENGING_NIET_TOEGESTAAN',
    );
  });

  it('walks loonwaarde → subsidy → contract → check-ins → lasting at 6 and 12 months', () => {
    let s = doe(
      start(),
      { soort: 'kennismaking', datum: '2027-01-06', uitkomst: 'proefplaatsing' },
      { soort: 'evaluatie', datum: '2027-02-26', uitkomst: 'positief', door: 'werkgever' },
      { soort: 'loonwaardemeting', datum: '2027-03-01', loonwaarde: 50 },
      { soort: 'subsidiebesluit', datum: '2027-03-03', percentage: 50, ingang: '2027-03-08', maanden: 24 },
      { soort: 'contract', datum: '2027-03-05', urenPerWeek: 24, start: '2027-03-08' },
    );
    expect(s.fase).toBe('in-dienst');
    expect(s.subsidie).toMatchObject({ percentage: 50, einde: '2029-03-08', volgendeHerbeoordeling: '2027-09-08' });
    const zes = verwerkTijd(s, '2027-09-08');
    expect(soorten(zes)).toContain('duurzaamheidscheck');
    expect(soorten(zes)).toContain('herbeoordeling-subsidie-nodig');
    expect(zes.acties).toContainEqual(expect.objectContaining({ soort: 'taak', voor: 'gemeente', onderwerp: 'herbeoordeling-subsidie' }));
    s = doe(zes.state, { soort: 'herbeoordeling', datum: '2027-09-10', percentage: 40 });
    expect(s.subsidie).toMatchObject({ percentage: 40, volgendeHerbeoordeling: '2028-03-10', herbeoordelingGevraagd: false });
    const twaalf = verwerkTijd(s, '2028-03-08');
    expect(twaalf.state.fase).toBe('duurzaam');
    expect(soorten(twaalf).slice(-2)).toEqual(['duurzaamheidscheck', 'plaatsing-duurzaam']);
    expect(twaalf.acties.some((a) => a.soort === 'terugleiding')).toBe(false);
    expect(volgendMoment(twaalf.state)).toBeUndefined();
  });

  it('skips the subsidy decision at full wage value', () => {
    const s = doe(
      start(),
      { soort: 'kennismaking', datum: '2027-01-06', uitkomst: 'proefplaatsing' },
      { soort: 'evaluatie', datum: '2027-02-26', uitkomst: 'positief', door: 'jobcoach' },
      { soort: 'loonwaardemeting', datum: '2027-03-01', loonwaarde: 100 },
    );
    expect(s.fase).toBe('contract');
    expect(code(() => voerUit(s, { soort: 'herbeoordeling', datum: '2027-03-02', percentage: 10 }))).toBe('PLAATSING.GEEN_SUBSIDIE');
  });

  it.each<[string, PlaatsingOpdracht[], string, string]>([
    ['drop-out at the employer', [{ soort: 'uitval', datum: '2027-02-01', reden: 'mentaal-zwaar' }], 'uitval-bij-werkgever', 'werkbrug-dommeldal'],
    ['no match at the kennismaking', [], 'geen-match', 'werkbrug-dommeldal'],
    [
      'negative evaluation',
      [{ soort: 'evaluatie', datum: '2027-02-26', uitkomst: 'negatief', door: 'werkgever' }],
      'proefplaatsing-negatief',
      'werkbrug-dommeldal',
    ],
  ])('%s returns the deelnemer warmly: an overdracht back with the coded reason', (_naam, opdrachten, reden, naar) => {
    const begin = reden === 'geen-match' ? start() : doe(start(), { soort: 'kennismaking', datum: '2027-01-06', uitkomst: 'proefplaatsing' });
    const laatste: PlaatsingOpdracht = opdrachten[0] ?? { soort: 'kennismaking', datum: '2027-01-06', uitkomst: 'geen-match' };
    const u = voerUit(begin, laatste);
    expect(u.state.fase).toBe('teruggeleid');
    expect(u.acties).toEqual([
      expect.objectContaining({ soort: 'terugleiding', reden, van: JOBCOACH, naar: expect.objectContaining({ organisatieId: naar }) }),
    ]);
    expect(code(() => voerUit(u.state, { soort: 'checkin', datum: '2027-02-02', signaal: 'goed' }))).toBe('PLAATSING.AFGELOPEN');
  });

  it('a proefplaatsing nobody evaluates: reminder before the end, then back to the traject at the end (never a silent end)', () => {
    const s = doe(start(), { soort: 'kennismaking', datum: '2027-01-06', uitkomst: 'proefplaatsing', startProefplaatsing: '2027-01-11' });
    const herinnering = verwerkTijd(s, '2027-03-04');
    expect(soorten(herinnering)).toContain('evaluatie-proefplaatsing-nodig');
    expect(herinnering.acties.filter((a) => a.soort === 'taak' && a.onderwerp === 'evaluatie-proefplaatsing').map((a) => a.soort === 'taak' && a.voor)).toEqual(
      ['jobcoach', 'werkgever'],
    );
    const einde = verwerkTijd(herinnering.state, '2027-03-11');
    expect(einde.state.terugleiding).toMatchObject({ reden: 'proefplaatsing-verlopen', datum: '2027-03-11' });
  });

  it('the subsidy ending without a new decision returns the deelnemer to the regievoerder', () => {
    const s = doe(
      start(),
      { soort: 'kennismaking', datum: '2027-01-06', uitkomst: 'proefplaatsing' },
      { soort: 'evaluatie', datum: '2027-02-26', uitkomst: 'positief', door: 'werkgever' },
      { soort: 'loonwaardemeting', datum: '2027-03-01', loonwaarde: 60 },
      { soort: 'subsidiebesluit', datum: '2027-03-03', percentage: 40, ingang: '2027-03-08', maanden: 3, herbeoordelingMaanden: 12 },
      { soort: 'contract', datum: '2027-03-05', urenPerWeek: 20, start: '2027-03-08' },
    );
    const u = verwerkTijd(s, '2027-06-08');
    expect(u.state.terugleiding).toMatchObject({ reden: 'subsidie-beeindigd', naar: REGIE });
  });

  it('the contact person leaving: the deputy takes over with every agreement kept; without a deputy the deelnemer returns', () => {
    const s = doe(
      start(),
      { soort: 'kennismaking', datum: '2027-01-06', uitkomst: 'proefplaatsing' },
      { soort: 'evaluatie', datum: '2027-02-26', uitkomst: 'positief', door: 'werkgever' },
      { soort: 'loonwaardemeting', datum: '2027-03-01', loonwaarde: 100 },
      { soort: 'contract', datum: '2027-03-05', urenPerWeek: 32, start: '2027-03-08', einde: '2028-03-08' },
    );
    const vervangen = voerUit(s, { soort: 'contactpersoon-vertrokken', datum: '2027-05-03' });
    expect(vervangen.state.werkgever.contactpersoon).toEqual(WERKGEVER.plaatsvervanger);
    expect(vervangen.state.werkgever.plaatsvervanger).toBeUndefined();
    expect(termijnen(vervangen.state)).toEqual(termijnen(s));
    expect(vervangen.state.contract).toEqual(s.contract);
    expect(vervangen.acties).toEqual([expect.objectContaining({ soort: 'taak', voor: 'werkgever', onderwerp: 'plaatsvervanger-aanwijzen' })]);
    const weer = voerUit(vervangen.state, { soort: 'contactpersoon-vertrokken', datum: '2027-06-01' });
    expect(weer.state.terugleiding?.reden).toBe('contactpersoon-vertrokken');
  });

  it('a fixed-term contract that is not renewed returns the deelnemer at its end', () => {
    const s = doe(
      start(),
      { soort: 'kennismaking', datum: '2027-01-06', uitkomst: 'proefplaatsing' },
      { soort: 'evaluatie', datum: '2027-02-26', uitkomst: 'positief', door: 'werkgever' },
      { soort: 'loonwaardemeting', datum: '2027-03-01', loonwaarde: 100 },
      { soort: 'contract', datum: '2027-03-05', urenPerWeek: 32, start: '2027-03-08', einde: '2027-06-08' },
    );
    expect(verwerkTijd(s, '2027-06-08').state.terugleiding?.reden).toBe('contract-niet-verlengd');
  });

  it('refuses a command out of phase and bad input', () => {
    const s = start();
    expect(code(() => voerUit(s, { soort: 'contract', datum: '2027-01-05', urenPerWeek: 20, start: '2027-01-05' }))).toBe('PLAATSING.FASE_ONGELDIG');
    expect(code(() => voerUit(s, { soort: 'kennismaking', datum: '2027-13-01', uitkomst: 'proefplaatsing' }))).toBe('PLAATSING.DATUM_ONGELDIG');
  });

  it('jobcoach check-ins come on the cadence and move with a recorded check-in', () => {
    const s = doe(start(), { soort: 'kennismaking', datum: '2027-01-06', uitkomst: 'proefplaatsing', startProefplaatsing: '2027-01-11' });
    expect(s.volgendeCheckin).toBe('2027-02-08');
    const u = verwerkTijd(s, '2027-02-08');
    expect(soorten(u)).toEqual(['checkin-gepland']);
    expect(u.state.volgendeCheckin).toBe('2027-03-08');
    expect(doe(u.state, { soort: 'checkin', datum: '2027-02-10', signaal: 'goed' }).volgendeCheckin).toBe('2027-03-10');
  });
});
