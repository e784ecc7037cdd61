import { addDays, addWorkingDays, isWorkingDay } from '@ketenregie/shared-kernel';
import type { IsoDate } from '@ketenregie/shared-kernel';
import { type Fase } from './fase';
import { type Meting } from './instrumenten';
import { type ProgrammaDefinitie, valideerProgramma } from './programma';
import {
  APP_ZAANSTAD_V1,
  HEEMSKERK_TREDE_1_2_V1,
  HELMOND_IEDEREEN_MAG_MEEDOEN_V1,
  MAATWERKTRAJECT_DEN_BOSCH_V1,
  PROGRAMMA_CATALOGUS,
  TILBURG_DOE_MEE_V1,
} from './programma.catalogus';
import { foutcode } from './testing/fixtures';
import { gepubliceerdeFeiten } from './publicatie';
import { COACH, geldigPlan, Scenario } from './testing/fixtures';
import { addMonths } from '@ketenregie/shared-kernel';

const scorer = { rol: 'coach', professionalId: COACH.coachId } as const;

/** The scores a programme asks for at a measurement, in its own instrument versions. */
function metingenVoor(p: ProgrammaDefinitie, datum: IsoDate, trede: 1 | 2 | 3 = 2): Meting[] {
  const ladder: Meting =
    p.instrumenten.ladderSubtreden && trede === 2
      ? { instrument: 'participatieladder', trede, subtreden: ['2.1', '2.3'], datum, scorer, instrumentVersie: p.instrumenten.ladderVersie }
      : { instrument: 'participatieladder', trede, datum, scorer, instrumentVersie: p.instrumenten.ladderVersie };
  const zrm: Meting = {
    instrument: 'zrm',
    datum,
    scorer,
    instrumentVersie: p.instrumenten.zrmVersie,
    relevanteDomeinen: ['financien'],
    scores: { financien: trede === 1 ? 2 : 3 },
  };
  return [ladder, zrm];
}

/** Drives one traject of `p` from aanmelding to afgesloten through every phase the programme uses. */
function doorloop(p: ProgrammaDefinitie): { fasen: Fase[]; s: Scenario } {
  let dag: IsoDate = '2027-01-04';
  const volgende = (n = 3) => (dag = addWorkingDays(dag, n));
  const s = new Scenario(p, dag);
  s.doe({ soort: 'contactpoging', datum: volgende(), kanaal: 'telefoon', uitkomst: 'afspraak-gemaakt' });
  if (s.state.fase === 'kennismaking') {
    s.doe({ soort: 'contactmoment', datum: volgende(), vorm: 'huisbezoek', verschenen: true });
    s.doe({ soort: 'kennismaking-afronden', datum: dag, klik: true });
  }
  if (s.state.fase === 'diagnose') s.doe({ soort: 'diagnose', datum: volgende(), metingen: metingenVoor(p, dag, 1) });
  if (s.state.fase === 'plan-van-aanpak')
    s.doe({ soort: 'plan', datum: volgende(), plan: { ...geldigPlan(dag), gasDoelen: p.plan.maxGasDoelen > 0 ? geldigPlan(dag).gasDoelen : [] } });
  expect(s.state.fase).toBe('uitvoering');
  const eval1 = addMonths(dag, p.evaluatie.intervalMaanden);
  s.tijd(eval1);
  dag = eval1;
  s.doe({ soort: 'evaluatie', datum: dag, besluit: 'afronden', metingen: metingenVoor(p, dag, 2) });
  const vervolg = { soort: 'vrijwilligerswerk', omschrijving: 'twee dagdelen in de kringloop' } as const;
  s.doe({ soort: 'afronding', datum: volgende(), vervolg });
  if (s.state.fase === 'nazorg') {
    for (const m of p.nazorg?.checkInsNaMaanden ?? [])
      s.doe({
        soort: 'contactmoment',
        datum: (dag = addWorkingDays(addMonths(s.state.afronding?.datum as IsoDate, m), 1)),
        vorm: 'telefonisch',
        verschenen: true,
      });
    s.tijd(addDays(addMonths(s.state.afronding?.datum as IsoDate, p.nazorg?.duurMaanden ?? 0), 1));
  }
  const fasen = ['aanmelding' as Fase, ...s.state.tijdlijn.filter((g) => g.soort === 'fase-gewijzigd').map((g) => g.gegevens['naar'] as Fase)];
  return { fasen, s };
}

describe('every shipped programme', () => {
  it.each(PROGRAMMA_CATALOGUS.map((p) => [`${p.code}@${p.versie}`, p] as const))(
    '%s is consistent, described in Dutch with its source, and a traject runs through all its phases',
    (_, p) => {
      expect(() => valideerProgramma(p)).not.toThrow();
      expect(p.omschrijving?.length).toBeGreaterThan(40);
      expect(p.bron?.length).toBeGreaterThan(40);
      expect(p.bron).not.toMatch(/\.md\b|seed-\d|\/work\//i);
      const { fasen, s } = doorloop(p);
      expect(fasen).toEqual(p.fasen);
      expect(s.state.status).toBe('afgesloten');
      expect(s.state.termijnen).toEqual([]);
    },
  );

  it('codes are unique per version and versions count up from 1', () => {
    const per = new Map<string, number[]>();
    for (const p of PROGRAMMA_CATALOGUS) per.set(p.code, [...(per.get(p.code) ?? []), p.versie]);
    for (const versies of per.values()) expect(versies).toEqual(versies.map((_, i) => i + 1));
  });
});

describe('case meetings (casuïstiekoverleg)', () => {
  it('Helmond: every three weeks an agenda item for the regievoerder, on a working day, five working days ahead, naming the partners', () => {
    const s = new Scenario(HELMOND_IEDEREEN_MAG_MEEDOEN_V1, '2027-03-01').naarUitvoering('2027-03-02', '2027-03-03', '2027-03-08', '2027-03-10');
    for (let d: IsoDate = '2027-03-11'; d <= '2027-06-30'; d = addDays(d, 1)) s.tijd(d);
    const items = s.actiesVan('taak').filter((t) => t.taak === 'casuistiekoverleg');
    const data = items.map((t) => t.vervalt);
    expect(data.length).toBeGreaterThanOrEqual(5);
    expect(data[0]).toBe('2027-03-31');
    for (const d of data) expect(isWorkingDay(d)).toBe(true);
    for (let i = 1; i < data.length; i++) expect(Math.round((Date.parse(data[i]) - Date.parse(data[i - 1])) / 86_400_000)).toBeGreaterThanOrEqual(21);
    expect(items.every((t) => t.voor === 'regievoerder' && t.toegewezenAan === 'km-1')).toBe(true);
    const agenda = s.state.tijdlijn.filter((g) => g.soort === 'casuistiekoverleg-geagendeerd');
    expect(agenda[0].gegevens).toEqual({ overleg: '2027-03-31', partners: 'gemeente,senzer,oro,ggz,mee,levgroep' });
    expect(agenda[0].datum).toBe(addWorkingDays('2027-03-31', -5));
    // a passed meeting's item is closed when its day is over, never reported overdue
    expect(s.actiesVan('termijn-verlopen').filter((t) => t.taak === 'casuistiekoverleg')).toEqual([]);
    expect(s.actiesVan('taak-afgerond').map((a) => a.termijnId)).toEqual(expect.arrayContaining(items.slice(0, -1).map((t) => t.termijnId)));
  });

  it('APP: the plan goes to the monthly overleg from the plan phase on; a meeting on a holiday moves to the next working day', () => {
    const s = new Scenario(APP_ZAANSTAD_V1, '2027-03-26');
    s.doe({ soort: 'contactpoging', datum: '2027-03-29', kanaal: 'telefoon', uitkomst: 'afspraak-gemaakt' });
    s.doe({ soort: 'contactmoment', datum: '2027-03-30', vorm: 'gesprek', verschenen: true });
    s.doe({ soort: 'kennismaking-afronden', datum: '2027-03-30', klik: true });
    s.doe({ soort: 'diagnose', datum: '2027-03-31', metingen: metingenVoor(APP_ZAANSTAD_V1, '2027-03-31') });
    // plan phase entered 2027-03-31: next meeting one month later, 2027-04-30 is a Friday
    expect(s.termijn('casuistiekoverleg')?.vervalt).toBe('2027-04-30');
    for (let d: IsoDate = '2027-04-01'; d <= '2027-05-01'; d = addDays(d, 1)) s.tijd(d);
    // 2027-05-31 is a Monday (working day); 2027-05-30 would be a Sunday → the next meeting is on 2027-05-31
    expect(s.termijn('casuistiekoverleg')?.vervalt).toBe('2027-05-31');
  });
});

describe('recording a case meeting (attendance of organisations)', () => {
  const helmond = () => {
    const s = new Scenario(HELMOND_IEDEREEN_MAG_MEEDOEN_V1, '2027-03-01').naarUitvoering('2027-03-02', '2027-03-03', '2027-03-08', '2027-03-10');
    for (let d: IsoDate = '2027-03-11'; d <= '2027-03-31'; d = addDays(d, 1)) s.tijd(d);
    return s;
  };
  const genodigd = ['weener-xl', 'gemeente-den-bosch'];

  it('records which involved organisations attended, closes the agenda item and keeps the rhythm; only codes and ids are published', () => {
    const s = helmond();
    const item = s.termijn('casuistiekoverleg');
    expect(item).toMatchObject({ vervalt: '2027-03-31', taakAangemaakt: true });
    const u = s.doe({ soort: 'casuistiekoverleg', datum: '2027-03-31', genodigd, aanwezig: ['weener-xl', 'weener-xl'] });
    expect(u.gebeurtenissen.map((g) => [g.soort, g.datum, g.gegevens['genodigd'], g.gegevens['aanwezig']])).toEqual([
      ['casuistiekoverleg-gehouden', '2027-03-31', 'gemeente-den-bosch,weener-xl', 'weener-xl'],
    ]);
    expect(u.acties).toEqual([expect.objectContaining({ soort: 'taak-afgerond', termijnId: item?.id })]);
    // Three weeks after the planned meeting: 2027-04-21, a Wednesday.
    expect(s.termijn('casuistiekoverleg')?.vervalt).toBe('2027-04-21');
    const [feit] = gepubliceerdeFeiten(
      { trajectId: 'tr-1', programma: { code: 'helmond', versie: 1 }, regie: s.state.regie, coach: s.state.coach, voortgang: { zrm: {}, gas: {} } },
      u.gebeurtenissen,
    );
    expect(feit.soort).toBe('casuistiekoverleg-gehouden');
    expect(Object.keys(feit.data).sort()).toEqual(['aanwezig', 'coach', 'coachOrganisatie', 'genodigd', 'overleg', 'programma', 'regieOrganisatie']);
  });

  it('refuses an attending organisation that is not involved, and a traject without a case meeting', () => {
    expect(foutcode(() => helmond().doe({ soort: 'casuistiekoverleg', datum: '2027-03-31', genodigd, aanwezig: ['ggz-elders'] }))).toBe(
      'TRAJECT.ATTENDANCE_INVALID',
    );
    const zonder = new Scenario(TILBURG_DOE_MEE_V1, '2027-03-01');
    expect(foutcode(() => zonder.doe({ soort: 'casuistiekoverleg', datum: '2027-03-02', genodigd, aanwezig: [] }))).toBe('TRAJECT.NO_CASE_MEETING');
  });
});

describe('Heemskerk sub-rungs and the yearly ladder review', () => {
  it('records several sub-rungs at once with the highest derived, and reviews the rung every year', () => {
    const p = HEEMSKERK_TREDE_1_2_V1;
    const s = new Scenario(p, '2027-01-04');
    s.doe({ soort: 'contactpoging', datum: '2027-01-05', kanaal: 'telefoon', uitkomst: 'afspraak-gemaakt' });
    expect(s.state.fase).toBe('diagnose');
    s.doe({
      soort: 'diagnose',
      datum: '2027-01-11',
      metingen: [
        { instrument: 'participatieladder', trede: 2, subtreden: ['2.4', '2.2', '2.5'], datum: '2027-01-11', scorer, instrumentVersie: 'participatieladder-6' },
      ],
    });
    expect(s.state.metingen[0]).toMatchObject({ trede: 2, subtrede: '2.5', subtreden: ['2.4', '2.2', '2.5'] });
    expect(s.termijn('ladder-herbeoordeling')?.vervalt).toBe('2028-01-11');
    s.tijd('2027-12-31');
    expect(s.actiesVan('taak').find((t) => t.taak === 'ladder-herbeoordeling')).toMatchObject({ voor: 'regievoerder', vervalt: '2028-01-11' });
    s.doe({
      soort: 'meting',
      datum: '2028-01-10',
      metingen: [{ instrument: 'participatieladder', trede: 2, subtreden: ['2.6'], datum: '2028-01-10', scorer, instrumentVersie: 'participatieladder-6' }],
    });
    expect(s.termijn('ladder-herbeoordeling')?.vervalt).toBe('2029-01-10');
  });
});

describe("Tilburg's behaviour model", () => {
  it('is scored 1–10 per factor where the programme uses it, and refused where it does not', () => {
    const gedrag: Meting = {
      instrument: 'gedragsmodel-tilburg',
      scores: { motivatie: 4, 'belemmeringen-praktisch': 6 },
      datum: '2027-01-11',
      scorer,
      instrumentVersie: 'igm-2019',
    };
    const tilburg = new Scenario(TILBURG_DOE_MEE_V1, '2027-01-04');
    tilburg.doe({ soort: 'contactpoging', datum: '2027-01-05', kanaal: 'telefoon', uitkomst: 'afspraak-gemaakt' });
    tilburg.doe({ soort: 'meting', datum: '2027-01-11', metingen: [gedrag] });
    expect(tilburg.state.metingen).toEqual([gedrag]);
    const bosch = new Scenario(MAATWERKTRAJECT_DEN_BOSCH_V1, '2027-01-04');
    bosch.doe({ soort: 'contactpoging', datum: '2027-01-05', kanaal: 'telefoon', uitkomst: 'afspraak-gemaakt' });
    expect(foutcode(() => bosch.doe({ soort: 'meting', datum: '2027-01-11', metingen: [gedrag] }))).toBe('TRAJECT.SCORE_INVALID');
  });
});
