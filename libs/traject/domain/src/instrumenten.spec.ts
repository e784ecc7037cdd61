import { isDomainError } from '@ketenregie/shared-kernel';
import {
  berekenVoortgang,
  type GasScore,
  hoogsteSubtrede,
  type LadderScore,
  type Meting,
  metingenPerInstrument,
  valideerMeting,
  type ZrmScore,
} from './instrumenten';

const coach = { rol: 'coach', professionalId: 'prof-1' } as const;

function code(fn: () => void): string | undefined {
  try {
    fn();
    return undefined;
  } catch (e) {
    return isDomainError(e) ? e.code : 'not-a-domain-error';
  }
}

const ladder = (trede: number, datum = '2027-02-01', extra: Partial<LadderScore> = {}): LadderScore =>
  ({ instrument: 'participatieladder', trede, datum, scorer: coach, instrumentVersie: 'participatieladder-6', ...extra }) as LadderScore;
const zrm = (scores: ZrmScore['scores'], relevanteDomeinen: ZrmScore['relevanteDomeinen'], datum = '2027-02-01', versie = 'zrm-2017'): ZrmScore => ({
  instrument: 'zrm',
  datum,
  scorer: coach,
  instrumentVersie: versie,
  relevanteDomeinen,
  scores,
});

describe('Participatieladder', () => {
  it('accepts rungs 1–6 and sub-rungs within the rung', () => {
    for (const t of [1, 2, 3, 4, 5, 6]) expect(code(() => valideerMeting(ladder(t)))).toBeUndefined();
    expect(code(() => valideerMeting(ladder(2, '2027-02-01', { subtrede: '2.3' })))).toBeUndefined();
  });

  it('rejects rungs outside 1–6 and sub-rungs of another rung', () => {
    expect(code(() => valideerMeting(ladder(0)))).toBe('TRAJECT.LADDER_INVALID');
    expect(code(() => valideerMeting(ladder(7)))).toBe('TRAJECT.LADDER_INVALID');
    expect(code(() => valideerMeting(ladder(2.5)))).toBe('TRAJECT.LADDER_INVALID');
    expect(code(() => valideerMeting(ladder(2, '2027-02-01', { subtrede: '3.1' })))).toBe('TRAJECT.LADDER_INVALID');
    expect(code(() => valideerMeting(ladder(2, '2027-02-01', { subtrede: '2' })))).toBe('TRAJECT.LADDER_INVALID');
  });

  it('requires date, scorer and instrument version; a coach score names the coach', () => {
    expect(code(() => valideerMeting(ladder(2, '2027-13-01')))).toBe('TRAJECT.SCORE_INVALID');
    expect(code(() => valideerMeting(ladder(2, '2027-02-01', { instrumentVersie: '' })))).toBe('TRAJECT.SCORE_INVALID');
    expect(code(() => valideerMeting(ladder(2, '2027-02-01', { scorer: { rol: 'coach' } })))).toBe('TRAJECT.SCORE_INVALID');
    expect(code(() => valideerMeting(ladder(2, '2027-02-01', { scorer: { rol: 'zelf' } })))).toBeUndefined();
  });

  it('rejects scores dated after today', () => {
    expect(code(() => valideerMeting(ladder(2, '2027-02-02'), { vandaag: '2027-02-01' }))).toBe('TRAJECT.SCORE_INVALID');
  });
});

describe('ZRM', () => {
  it('requires every relevant domain and leaves the others empty', () => {
    expect(code(() => valideerMeting(zrm({ financien: 2, huisvesting: 4 }, ['financien', 'huisvesting'])))).toBeUndefined();
    expect(code(() => valideerMeting(zrm({ financien: 2 }, ['financien', 'huisvesting'])))).toBe('TRAJECT.ZRM_DOMAIN_REQUIRED');
    expect(code(() => valideerMeting(zrm({ financien: 2, justitie: 5 }, ['financien'])))).toBe('TRAJECT.ZRM_DOMAIN_NOT_RELEVANT');
    expect(code(() => valideerMeting(zrm({}, [])))).toBe('TRAJECT.ZRM_DOMAIN_REQUIRED');
  });

  it('names the missing domain in the error fields', () => {
    try {
      valideerMeting(zrm({ financien: 2 }, ['financien', 'verslaving']), { pad: 'metingen.1' });
      throw new Error('expected a failure');
    } catch (e) {
      expect(isDomainError(e) && e.fields).toEqual({ 'metingen.1.scores.verslaving': 'required' });
    }
  });

  it('scores are 1–5; zero is not "unscored"', () => {
    expect(code(() => valideerMeting(zrm({ financien: 0 as never }, ['financien'])))).toBe('TRAJECT.SCORE_INVALID');
    expect(code(() => valideerMeting(zrm({ financien: 6 as never }, ['financien'])))).toBe('TRAJECT.SCORE_INVALID');
  });

  it('knows the 13 domains of 2017 and the 11 of the older version', () => {
    expect(code(() => valideerMeting(zrm({ 'basale-adl': 3 }, ['basale-adl'])))).toBeUndefined();
    expect(code(() => valideerMeting(zrm({ 'basale-adl': 3 }, ['basale-adl'], '2027-02-01', 'zrm-11')))).toBe('TRAJECT.SCORE_INVALID');
    expect(code(() => valideerMeting(zrm({ dagbesteding: 3 }, ['dagbesteding'], '2027-02-01', 'zrm-11')))).toBeUndefined();
    expect(code(() => valideerMeting(zrm({ financien: 3 }, ['financien'], '2027-02-01', 'zrm-1999')))).toBe('TRAJECT.SCORE_INVALID');
  });
});

describe('GAS', () => {
  const gas = (waarde: number, doelId = 'g1'): GasScore => ({
    instrument: 'gas',
    doelId,
    waarde: waarde as GasScore['waarde'],
    datum: '2027-05-01',
    scorer: coach,
    instrumentVersie: 'gas-5',
  });
  it('accepts −2…+2 for a goal of the plan', () => {
    for (const w of [-2, -1, 0, 1, 2]) expect(code(() => valideerMeting(gas(w), { gasDoelIds: ['g1'] }))).toBeUndefined();
  });
  it('rejects other values and unknown goals', () => {
    expect(code(() => valideerMeting(gas(3)))).toBe('TRAJECT.SCORE_INVALID');
    expect(code(() => valideerMeting(gas(-3)))).toBe('TRAJECT.SCORE_INVALID');
    expect(code(() => valideerMeting(gas(1, 'g9'), { gasDoelIds: ['g1'] }))).toBe('TRAJECT.SCORE_INVALID');
  });
});

describe('progress over time', () => {
  it('compares the first and latest ladder rung, ZRM per domain, and GAS attainment', () => {
    const metingen: Meting[] = [
      ladder(3, '2027-08-01'),
      ladder(1, '2027-02-01'),
      zrm({ financien: 2, huisvesting: 3 }, ['financien', 'huisvesting'], '2027-02-01'),
      zrm({ financien: 4 }, ['financien'], '2027-08-01'),
      { instrument: 'gas', doelId: 'g1', waarde: -1, datum: '2027-05-01', scorer: coach, instrumentVersie: 'gas-5' },
      { instrument: 'gas', doelId: 'g1', waarde: 1, datum: '2027-08-01', scorer: coach, instrumentVersie: 'gas-5' },
      { instrument: 'gas', doelId: 'g2', waarde: -2, datum: '2027-08-01', scorer: { rol: 'zelf' }, instrumentVersie: 'gas-5' },
    ];
    const v = berekenVoortgang(metingen);
    expect(v.ladder).toEqual({ eerste: 1, laatste: 3, verschil: 2, eersteDatum: '2027-02-01', laatsteDatum: '2027-08-01' });
    expect(v.zrm).toEqual({ financien: { eerste: 2, laatste: 4, verschil: 2, eersteDatum: '2027-02-01', laatsteDatum: '2027-08-01' } });
    expect(v.gas).toEqual({ g1: 1, g2: -2 });
    expect(v.gasBehaald).toBe(0.5);
  });

  it('is empty without measurements', () => {
    expect(berekenVoortgang([])).toEqual({ ladder: undefined, zrm: {}, gas: {}, gasBehaald: undefined });
  });
});

describe('scores per instrument with their movement since T0', () => {
  it('groups by instrument version, keeps who scored and computes T0 → latest', () => {
    const lijst = metingenPerInstrument(
      [
        { instrument: 'participatieladder', trede: 1, datum: '2027-01-04', scorer: coach, instrumentVersie: 'participatieladder-6' },
        { instrument: 'participatieladder', trede: 2, datum: '2027-01-11', scorer: coach, instrumentVersie: 'participatieladder-6' },
        { instrument: 'zrm', relevanteDomeinen: ['financien'], scores: { financien: 2 }, datum: '2027-01-11', scorer: coach, instrumentVersie: 'zrm-2017' },
        {
          instrument: 'zrm',
          relevanteDomeinen: ['financien'],
          scores: { financien: 4 },
          datum: '2027-07-12',
          scorer: { rol: 'zelf' },
          instrumentVersie: 'zrm-2017',
        },
        { instrument: 'participatieladder', trede: 3, datum: '2027-07-12', scorer: coach, instrumentVersie: 'participatieladder-6' },
      ],
      '2027-01-11',
    );
    expect(lijst.map((i) => `${i.instrument}@${i.instrumentVersie}`)).toEqual(['participatieladder@participatieladder-6', 'zrm@zrm-2017']);
    expect(lijst[0].beweging['trede']).toEqual({ t0: 2, laatste: 3, verschil: 1, t0Datum: '2027-01-11', laatsteDatum: '2027-07-12' });
    expect(lijst[1].beweging['financien']).toMatchObject({ t0: 2, laatste: 4, verschil: 2 });
    expect(lijst[1].metingen[1]).toEqual({ datum: '2027-07-12', scorer: { rol: 'zelf' }, waarden: { financien: 4 } });
  });
  it('accepts several Heemskerk sub-rungs only when the recorded one is the highest', () => {
    expect(hoogsteSubtrede(['2.2', '2.6', '2.4'])).toBe('2.6');
    expect(() =>
      valideerMeting({
        instrument: 'participatieladder',
        trede: 2,
        subtreden: ['2.2', '3.1'],
        datum: '2027-01-04',
        scorer: coach,
        instrumentVersie: 'participatieladder-6',
      }),
    ).toThrow(expect.objectContaining({ code: 'TRAJECT.LADDER_INVALID' }));
    expect(() =>
      valideerMeting({
        instrument: 'participatieladder',
        trede: 2,
        subtrede: '2.2',
        subtreden: ['2.2', '2.5'],
        datum: '2027-01-04',
        scorer: coach,
        instrumentVersie: 'participatieladder-6',
      }),
    ).toThrow(expect.objectContaining({ code: 'TRAJECT.LADDER_INVALID' }));
  });
  it("scores Tilburg's behaviour model 1–10 and Positieve Gezondheid 0–10", () => {
    expect(() =>
      valideerMeting({
        instrument: 'gedragsmodel-tilburg',
        scores: { motivatie: 7, gedrag: 10 },
        datum: '2027-01-04',
        scorer: coach,
        instrumentVersie: 'igm-1',
      }),
    ).not.toThrow();
    expect(() =>
      valideerMeting({ instrument: 'gedragsmodel-tilburg', scores: { motivatie: 0 }, datum: '2027-01-04', scorer: coach, instrumentVersie: 'igm-1' }),
    ).toThrow(expect.objectContaining({ code: 'TRAJECT.SCORE_INVALID' }));
    expect(() =>
      valideerMeting({ instrument: 'positieve-gezondheid', scores: { zingeving: 0 }, datum: '2027-01-04', scorer: { rol: 'zelf' }, instrumentVersie: 'pg-6' }),
    ).not.toThrow();
  });
});
