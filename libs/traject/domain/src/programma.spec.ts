import { isDomainError } from '@ketenregie/shared-kernel';
import { FIP_V1, MAATWERKTRAJECT_DEN_BOSCH_V1, PROGRAMMA_CATALOGUS, vindProgramma } from './programma.catalogus';
import { leeftijdOp, type ProgrammaDefinitie, toetsDoelgroep, valideerProgramma } from './programma';

function velden(p: ProgrammaDefinitie): string[] {
  try {
    valideerProgramma(p);
    return [];
  } catch (e) {
    if (!isDomainError(e) || e.code !== 'TRAJECT.PROGRAMME_INVALID') throw e;
    return Object.keys(e.fields ?? {});
  }
}

describe('programme catalogue', () => {
  it.each(PROGRAMMA_CATALOGUS.map((p) => [`${p.code}@${p.versie}`, p]))('%s is consistent', (_, p) => {
    expect(velden(p as ProgrammaDefinitie)).toEqual([]);
  });

  it('FIP: four evaluations a year for two years, no plan phase, no nazorg, no other traject', () => {
    expect(FIP_V1.evaluatie.intervalMaanden * 4).toBe(12);
    expect(FIP_V1.duur.maxMaanden).toBe(24);
    expect(FIP_V1.fasen).not.toContain('plan-van-aanpak');
    expect(FIP_V1.nazorg).toBeNull();
    expect(FIP_V1.doelgroep.geenAnderTraject).toBe(true);
  });

  it("'s-Hertogenbosch: rung 1–3, over three years on bijstand, 9–12 months, 1–2 nazorg conversations", () => {
    const p = MAATWERKTRAJECT_DEN_BOSCH_V1;
    expect(p.doelgroep.ladderTreden).toEqual([1, 3]);
    expect(p.doelgroep.minJarenBijstand).toBe(3);
    expect([p.duur.typischMaanden, p.duur.maxMaanden]).toEqual([9, 12]);
    expect(p.nazorg?.checkInsNaMaanden).toHaveLength(2);
    expect(p.outreach.herbenaderingNaWeigeringMaanden).toBe(1);
  });

  it('finds programmes by code, latest version by default', () => {
    expect(vindProgramma('fip')).toBe(FIP_V1);
    expect(vindProgramma('fip', 1)).toBe(FIP_V1);
    expect(vindProgramma('fip', 2)).toBeUndefined();
    expect(vindProgramma('onbekend')).toBeUndefined();
  });
});

describe('programme validation', () => {
  const p = MAATWERKTRAJECT_DEN_BOSCH_V1;
  it('rejects phases out of order, missing required phases and nazorg mismatches', () => {
    expect(velden({ ...p, fasen: ['contact-leggen', 'aanmelding', 'uitvoering', 'nazorg', 'afgesloten'] })).toContain('fasen');
    expect(velden({ ...p, fasen: ['aanmelding', 'uitvoering', 'nazorg', 'afgesloten'] })).toContain('fasen');
    expect(velden({ ...p, nazorg: null })).toContain('nazorg');
    expect(velden({ ...FIP_V1, fasen: [...FIP_V1.fasen.slice(0, -1), 'nazorg', 'afgesloten'] })).toContain('nazorg');
  });

  it('rejects non-positive durations and check-ins outside the nazorg period', () => {
    expect(velden({ ...p, evaluatie: { ...p.evaluatie, intervalMaanden: 0 } })).toEqual(['evaluatie.intervalMaanden']);
    expect(velden({ ...p, duur: { ...p.duur, maxMaanden: 6 } })).toEqual(['duur.maxMaanden']);
    expect(velden({ ...p, nazorg: { duurMaanden: 3, checkInsNaMaanden: [1, 4], checkInBinnenWerkdagen: 10 } })).toEqual(['nazorg.checkInsNaMaanden']);
    expect(velden({ ...p, nazorg: { duurMaanden: 3, checkInsNaMaanden: [2, 1], checkInBinnenWerkdagen: 10 } })).toEqual(['nazorg.checkInsNaMaanden']);
    expect(velden({ ...p, plan: { maxGasDoelen: 6 } })).toEqual(['plan.maxGasDoelen']);
    expect(velden({ ...p, code: 'Den Bosch' })).toEqual(['code']);
  });
});

describe('programme validation explains itself in Dutch', () => {
  const p = MAATWERKTRAJECT_DEN_BOSCH_V1;
  function fout(q: ProgrammaDefinitie): Record<string, string> {
    try {
      valideerProgramma(q);
      return {};
    } catch (e) {
      if (!isDomainError(e)) throw e;
      return e.fields ?? {};
    }
  }
  it('names a phase without a duration', () => {
    const { diagnose: _weg, ...zonder } = p.faseTermijnWerkdagen;
    expect(fout({ ...p, faseTermijnWerkdagen: zonder })).toEqual({
      'faseTermijnWerkdagen.diagnose': 'de fase diagnose heeft geen duur: geef het aantal werkdagen of maanden op',
    });
    expect(fout({ ...p, faseTermijnWerkdagen: zonder, faseTermijnMaanden: { diagnose: 1 } })).toEqual({});
  });
  it('refuses an evaluation cadence longer than the traject', () => {
    expect(fout({ ...p, evaluatie: { ...p.evaluatie, intervalMaanden: 13 } })['evaluatie.intervalMaanden']).toBe(
      'de eerste evaluatie (na 13 maanden) valt na het einde van het traject (hooguit 12 maanden): evalueer vaker',
    );
  });
  it('refuses an unknown instrument or version', () => {
    const f = fout({ ...p, instrumenten: { ...p.instrumenten, zrmVersie: 'zrm-2030', hulpmiddelen: ['tarotkaarten' as never] } });
    expect(f['instrumenten.zrmVersie']).toContain('onbekende versie van de ZRM "zrm-2030"');
    expect(f['instrumenten.hulpmiddelen']).toBe('onbekend instrument tarotkaarten; kies uit gedragsmodel-tilburg, positieve-gezondheid');
  });
  it('refuses a case meeting without a rhythm or partners', () => {
    expect(Object.keys(fout({ ...p, casuistiekoverleg: { partners: [] } }))).toEqual(['casuistiekoverleg', 'casuistiekoverleg.partners']);
  });
});

describe('eligibility', () => {
  it('computes age in whole years, birthdays included', () => {
    expect(leeftijdOp('1980-05-01', '2027-04-30')).toBe(46);
    expect(leeftijdOp('1980-05-01', '2027-05-01')).toBe(47);
    expect(leeftijdOp('2000-02-29', '2027-02-28')).toBe(26);
    expect(leeftijdOp('2000-02-29', '2027-03-01')).toBe(27);
  });

  const p = MAATWERKTRAJECT_DEN_BOSCH_V1;
  it('accepts a candidate inside every bound', () => {
    expect(toetsDoelgroep(p, { leeftijd: 45, ladderTrede: 2, jarenInBijstand: 4 })).toEqual({ geschikt: true, afwijzingen: [], onbekend: [] });
  });
  it('names every failed bound', () => {
    expect(toetsDoelgroep(p, { leeftijd: 17, ladderTrede: 4, jarenInBijstand: 2 }).afwijzingen).toEqual([
      'leeftijd-te-laag',
      'ladder-buiten-bereik',
      'te-kort-in-bijstand',
    ]);
  });
  it('reports unknown values instead of guessing', () => {
    const t = toetsDoelgroep(p, { leeftijd: 30 });
    expect(t.geschikt).toBe(false);
    expect(t.onbekend).toEqual(['onbekend-ladder', 'onbekend-bijstandsduur']);
  });
  it('checks the loonwaarde band and other trajecten', () => {
    const helmond = { ...p, doelgroep: { loonwaarde: [0, 30] as const } };
    expect(toetsDoelgroep(helmond, { loonwaardePercentage: 31 }).afwijzingen).toEqual(['loonwaarde-buiten-band']);
    expect(toetsDoelgroep(helmond, { loonwaardePercentage: 30 }).geschikt).toBe(true);
    expect(toetsDoelgroep(FIP_V1, { leeftijd: 40, heeftAnderTraject: true }).afwijzingen).toEqual(['heeft-ander-traject']);
  });
  it('refuses a candidate with a contra-indication the programme names', () => {
    expect(toetsDoelgroep(p, { leeftijd: 45, ladderTrede: 2, jarenInBijstand: 4, contraIndicaties: ['ernstige-verslaving'] }).afwijzingen).toEqual([
      'contra-indicatie',
    ]);
    expect(toetsDoelgroep(FIP_V1, { leeftijd: 45, contraIndicaties: ['ernstige-verslaving'] }).geschikt).toBe(true);
  });
});
