import { addDays, addMonths, addWorkingDays, workingDayOnOrAfter, workingDaysBetween } from '@ketenregie/shared-kernel';
import fc from 'fast-check';
import { FIP_V1, MAATWERKTRAJECT_DEN_BOSCH_V1 } from './programma.catalogus';
import { COACH, foutcode, geldigPlan, REGIE, Scenario, t0Metingen } from './testing/fixtures';
import { startTraject, type TrajectState, volgendeTermijn, volgendMoment, voerUit } from './traject';

const P = MAATWERKTRAJECT_DEN_BOSCH_V1;

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    Object.values(o).forEach(deepFreeze);
    Object.freeze(o);
  }
  return o;
}

describe('start', () => {
  it('with a coach: aangemeld, coach assigned, contact-leggen with a first-contact task due in working days', () => {
    const s = new Scenario(P, '2027-01-04');
    expect(s.state.fase).toBe('contact-leggen');
    expect(s.state.status).toBe('actief');
    expect(s.state.tijdlijn.map((g) => g.soort)).toEqual(['aangemeld', 'coach-toegewezen', 'fase-gewijzigd']);
    expect(s.termijn('eerste-contact')?.vervalt).toBe('2027-01-11');
    expect(s.actiesVan('taak')).toEqual([expect.objectContaining({ taak: 'eerste-contact', toegewezenAan: COACH.coachId, vervalt: '2027-01-11' })]);
    expect(s.state.geplandeEinddatum).toBe('2028-01-04');
  });

  it('without a coach: waits in aanmelding with a task for the regievoerder', () => {
    const s = new Scenario(P, '2027-01-04', { coach: false });
    expect(s.state.fase).toBe('aanmelding');
    expect(s.actiesVan('taak')).toEqual([expect.objectContaining({ taak: 'coach-toewijzen', toegewezenAan: REGIE.regievoerderId })]);
    s.doe({ soort: 'coach-toewijzen', datum: '2027-01-05', coach: COACH });
    expect(s.state.fase).toBe('contact-leggen');
    expect(s.termijn('coach-toewijzen')).toBeUndefined();
    expect(s.actiesVan('taak-afgerond')).toHaveLength(1);
  });

  it('rejects ids that are not opaque tokens and dates in the future', () => {
    expect(foutcode(() => startTraject({ trajectId: '123456782 Jansen', datum: '2027-01-04', regie: REGIE, aanmeldreden: 'x' }, P, '2027-01-04'))).toBe(
      'TRAJECT.ID_INVALID',
    );
    expect(foutcode(() => startTraject({ trajectId: 'tr-1', datum: '2027-01-05', regie: REGIE, aanmeldreden: 'x' }, P, '2027-01-04'))).toBe(
      'TRAJECT.DATE_IN_FUTURE',
    );
  });
});

describe('contact leggen (outreach)', () => {
  it('four unanswered calls lead to a home-visit task; a "no" schedules a re-approach one month later', () => {
    const s = new Scenario(P, '2027-01-04');
    const dagen = ['2027-01-05', '2027-01-07', '2027-01-11', '2027-01-13'];
    dagen.slice(0, 3).forEach((datum) => s.doe({ soort: 'contactpoging', datum, kanaal: 'telefoon', uitkomst: 'geen-gehoor' }));
    expect(s.state.outreach.belpogingen).toBe(3);
    expect(s.termijn('contactpoging')?.taakVanaf).toBe(addWorkingDays('2027-01-11', 2));
    expect(s.termijn('huisbezoek')).toBeUndefined();

    s.doe({ soort: 'contactpoging', datum: dagen[3], kanaal: 'telefoon', uitkomst: 'geen-gehoor' });
    expect(s.state.outreach).toEqual({ belpogingen: 4, huisbezoekGevraagd: true, weigeringen: 0 });
    expect(s.termijn('huisbezoek')?.vervalt).toBe(addWorkingDays('2027-01-13', 10));
    expect(s.acties.at(-1)).toEqual(expect.objectContaining({ soort: 'taak', taak: 'huisbezoek' }));

    s.doe({ soort: 'contactpoging', datum: '2027-01-15', kanaal: 'huisbezoek', uitkomst: 'geweigerd' });
    const her = s.termijn('herbenadering');
    expect(her?.taakVanaf).toBe('2027-02-15');
    expect(s.termijn('huisbezoek')).toBeUndefined();
    const voor = s.acties.length;
    s.tijd('2027-02-12');
    expect(s.acties.length).toBe(voor);
    s.tijd('2027-02-15');
    expect(s.acties.slice(voor)).toEqual([expect.objectContaining({ soort: 'taak', taak: 'herbenadering', toegewezenAan: COACH.coachId })]);

    s.doe({ soort: 'contactpoging', datum: '2027-02-16', kanaal: 'telefoon', uitkomst: 'afspraak-gemaakt' });
    expect(s.state.fase).toBe('kennismaking');
    expect(s.state.termijnen.filter((t) => t.fase === 'contact-leggen')).toEqual([]);
  });

  it('after more "no"s than the programme allows, the regievoerder decides (never an automatic close)', () => {
    const s = new Scenario(P, '2027-01-04');
    let datum = '2027-01-05';
    for (let i = 0; i < P.outreach.maxHerbenaderingen + 1; i++) {
      s.doe({ soort: 'contactpoging', datum, kanaal: 'telefoon', uitkomst: 'geweigerd' });
      datum = s.termijn('herbenadering')?.taakVanaf ?? datum;
    }
    expect(s.termijn('besluit-herbenadering')?.voor).toBe('regievoerder');
    expect(s.termijn('herbenadering')).toBeUndefined();
    expect(s.state.status).toBe('actief');
  });

  it('a wrong address asks for a home visit at once', () => {
    const s = new Scenario(P, '2027-01-04');
    s.doe({ soort: 'contactpoging', datum: '2027-01-05', kanaal: 'brief', uitkomst: 'onjuist-adres' });
    expect(s.termijn('huisbezoek')).toBeDefined();
  });

  it('only accepts contact attempts during contact-leggen', () => {
    const s = new Scenario(P, '2027-01-04');
    s.doe({ soort: 'contactpoging', datum: '2027-01-05', kanaal: 'telefoon', uitkomst: 'afspraak-gemaakt' });
    expect(foutcode(() => s.doe({ soort: 'contactpoging', datum: '2027-01-06', kanaal: 'telefoon', uitkomst: 'geen-gehoor' }))).toBe('TRAJECT.PHASE_INVALID');
  });
});

describe('kennismaking, diagnose and plan', () => {
  it('no "klik": the traject drops out with reason geen-klik and returns to the klantmanager', () => {
    const s = new Scenario(P, '2027-01-04');
    s.doe({ soort: 'contactpoging', datum: '2027-01-05', kanaal: 'telefoon', uitkomst: 'afspraak-gemaakt' });
    s.doe({ soort: 'kennismaking-afronden', datum: '2027-01-12', klik: false });
    expect(s.state.status).toBe('uitgevallen');
    expect(s.state.uitval).toEqual({ datum: '2027-01-12', reden: 'geen-klik' });
    expect(s.state.termijnen).toEqual([]);
    expect(s.acties.at(-1)).toEqual(expect.objectContaining({ soort: 'melding', aan: REGIE.regievoerderId, onderwerp: 'uitval' }));
  });

  it('counts trust-building conversations and flags more than the usual five', () => {
    const s = new Scenario(P, '2027-01-04');
    s.doe({ soort: 'contactpoging', datum: '2027-01-05', kanaal: 'telefoon', uitkomst: 'afspraak-gemaakt' });
    for (let i = 0; i < 6; i++) s.doe({ soort: 'contactmoment', datum: addWorkingDays('2027-01-05', i + 1), vorm: 'gesprek', verschenen: true });
    expect(s.state.kennismakingsgesprekken).toBe(6);
    expect(s.state.tijdlijn.at(-1)?.gegevens).toEqual(expect.objectContaining({ gesprek: 6, meerDanGebruikelijk: true }));
  });

  it('diagnose is T0: required instruments, schedules T1 after six months', () => {
    const s = new Scenario(P, '2027-01-04');
    s.doe({ soort: 'contactpoging', datum: '2027-01-05', kanaal: 'telefoon', uitkomst: 'afspraak-gemaakt' });
    s.doe({ soort: 'kennismaking-afronden', datum: '2027-01-12', klik: true });
    expect(foutcode(() => s.doe({ soort: 'diagnose', datum: '2027-01-19', metingen: t0Metingen('2027-01-19').slice(0, 1) }))).toBe(
      'TRAJECT.MEASUREMENT_REQUIRED',
    );
    s.doe({ soort: 'diagnose', datum: '2027-01-19', metingen: t0Metingen('2027-01-19') });
    expect(s.state.fase).toBe('plan-van-aanpak');
    expect(s.state.t0).toBe('2027-01-19');
    expect(s.termijn('t1-meting')?.vervalt).toBe(workingDayOnOrAfter('2027-07-19'));
  });

  it('an unsigned plan is a concept; the signed plan starts uitvoering with the first evaluation in three months', () => {
    const s = new Scenario(P, '2027-01-04');
    s.doe({ soort: 'contactpoging', datum: '2027-01-05', kanaal: 'telefoon', uitkomst: 'afspraak-gemaakt' });
    s.doe({ soort: 'kennismaking-afronden', datum: '2027-01-12', klik: true });
    s.doe({ soort: 'diagnose', datum: '2027-01-19', metingen: t0Metingen('2027-01-19') });
    const { ondertekening: _, ...concept } = geldigPlan('2027-01-26');
    s.doe({ soort: 'plan', datum: '2027-01-26', plan: concept });
    expect(s.state.fase).toBe('plan-van-aanpak');
    expect(s.state.plan?.versie).toBe(1);
    s.doe({ soort: 'plan', datum: '2027-01-28', plan: geldigPlan('2027-01-28') });
    expect(s.state.plan?.versie).toBe(2);
    expect(s.state.fase).toBe('uitvoering');
    expect(s.termijn('evaluatie')?.vervalt).toBe('2027-04-28');
    expect(s.termijn('contactmoment')?.vervalt).toBe(addWorkingDays('2027-01-28', 15));
  });

  it('FIP has no plan phase: diagnose leads straight to uitvoering', () => {
    const s = new Scenario(FIP_V1, '2027-01-04').naarUitvoering('2027-01-05', '2027-01-12', '2027-01-19', '2027-01-19');
    expect(s.state.fase).toBe('uitvoering');
    expect(s.state.plan).toBeUndefined();
  });
});

describe('uitvoering, evaluations, afronding and nazorg', () => {
  it('walks a 12-month traject: four evaluations, T1, afronding with a next step, nazorg check-ins, closure', () => {
    const s = new Scenario(P, '2027-01-04').naarUitvoering('2027-01-05', '2027-01-12', '2027-01-19', '2027-01-26');
    s.doe({ soort: 'verlenging', datum: '2027-01-26' });
    let datum = '2027-01-26';
    for (let nr = 1; nr <= 4; nr++) {
      const due = s.termijn('evaluatie')?.vervalt as string;
      expect(due).toBe(workingDayOnOrAfter(addMonths(datum, 3)));
      const metingen = nr === 2 ? t0Metingen(due).map((m) => (m.instrument === 'participatieladder' ? { ...m, trede: 3 as const } : m)) : undefined;
      s.doe({ soort: 'evaluatie', datum: due, besluit: nr === 4 ? 'afronden' : 'doorgaan', metingen });
      datum = due;
    }
    expect(s.state.evaluaties.map((e) => e.nr)).toEqual([1, 2, 3, 4]);
    expect(s.state.t1).toBe(s.state.evaluaties[1].datum);
    expect(s.state.fase).toBe('afronding');
    expect(foutcode(() => s.doe({ soort: 'afronding', datum, vervolg: { soort: 'betaald-werk', omschrijving: ' ' } }))).toBe('TRAJECT.NEXT_STEP_REQUIRED');
    s.doe({ soort: 'afronding', datum, vervolg: { soort: 'vrijwilligerswerk', omschrijving: 'kringloop twee dagdelen' } });
    expect(s.state.fase).toBe('nazorg');
    const checkIns = s.state.termijnen.filter((t) => t.soort === 'nazorg-checkin').map((t) => t.taakVanaf);
    expect(checkIns).toEqual([workingDayOnOrAfter(addMonths(datum, 1)), workingDayOnOrAfter(addMonths(datum, 3))]);
    s.tijd(checkIns[0] as string);
    s.doe({ soort: 'contactmoment', datum: checkIns[0] as string, vorm: 'telefonisch', verschenen: true });
    expect(s.state.termijnen.filter((t) => t.soort === 'nazorg-checkin')).toHaveLength(1);
    const einde = addMonths(datum, 3);
    s.tijd(addDays(einde, -1));
    expect(s.state.status).toBe('actief');
    s.tijd(checkIns[1] as string);
    // The nazorg period is over but the last check-in is still open: the traject waits for it.
    expect(s.state.status).toBe('actief');
    s.doe({ soort: 'contactmoment', datum: checkIns[1] as string, vorm: 'gesprek', verschenen: true });
    expect(s.state.status).toBe('afgesloten');
    expect(s.state.fase).toBe('afgesloten');
    expect(s.state.termijnen).toEqual([]);
    expect(volgendMoment(s.state, P)).toBeUndefined();
    expect(s.actiesVan('escalatie')).toEqual([]);
  });

  it('FIP: afronding closes the traject at once (no nazorg)', () => {
    const s = new Scenario(FIP_V1, '2027-01-04').naarUitvoering('2027-01-05', '2027-01-12', '2027-01-19', '2027-01-19');
    s.doe({ soort: 'afronding', datum: '2027-02-01', vervolg: { soort: 'hulpverlening', omschrijving: 'schuldhulp' } });
    expect(s.state.status).toBe('afgesloten');
  });

  it('an overdue evaluation is signalled the day after, and escalated to the regievoerder after the grace period', () => {
    const s = new Scenario(P, '2027-01-04').naarUitvoering('2027-01-05', '2027-01-12', '2027-01-19', '2027-01-26');
    const ev = s.termijn('evaluatie');
    const due = ev?.vervalt as string;
    // Keep contact moments going so only the evaluation is late.
    for (let d = '2027-02-08'; d < due; d = addWorkingDays(d, 10)) s.doe({ soort: 'contactmoment', datum: d, vorm: 'gesprek', verschenen: true });
    s.tijd(due);
    expect(s.actiesVan('termijn-verlopen').filter((a) => a.termijnId === ev?.id)).toEqual([]);
    s.tijd(addDays(due, 1));
    expect(s.actiesVan('termijn-verlopen').filter((a) => a.termijnId === ev?.id)).toEqual([
      expect.objectContaining({ taak: 'evaluatie', toegewezenAan: COACH.coachId }),
    ]);
    const escalatie = addDays(addWorkingDays(due, P.escalatieNaWerkdagen), 1);
    expect((volgendMoment(s.state, P) ?? '') <= escalatie).toBe(true);
    s.tijd(addDays(escalatie, -1));
    expect(s.actiesVan('escalatie').filter((a) => a.termijnId === ev?.id)).toEqual([]);
    s.tijd(escalatie);
    expect(s.actiesVan('escalatie').filter((a) => a.termijnId === ev?.id)).toEqual([
      expect.objectContaining({ taak: 'evaluatie', regievoerderId: REGIE.regievoerderId, termijnId: ev?.id }),
    ]);
    s.tijd(addDays(escalatie, 30));
    expect(s.actiesVan('escalatie').filter((a) => a.termijnId === ev?.id)).toHaveLength(1);
    s.doe({ soort: 'evaluatie', datum: addDays(escalatie, 30), besluit: 'doorgaan' });
    expect(s.actiesVan('taak-afgerond').some((a) => a.termijnId === ev?.id)).toBe(true);
  });
});

describe('side states', () => {
  it('a pause over Christmas moves the next evaluation by exactly the paused working days', () => {
    const s = new Scenario(P, '2028-09-04').naarUitvoering('2028-09-05', '2028-09-12', '2028-09-19', '2028-09-28');
    const voor = s.termijn('evaluatie')?.vervalt as string;
    expect(voor).toBe('2028-12-28');
    s.doe({ soort: 'pauze', datum: '2028-12-18', reden: 'opname' });
    expect(volgendMoment(s.state, P)).toBeUndefined();
    const n = s.acties.length;
    s.tijd('2029-01-05');
    expect(s.acties.length).toBe(n);
    expect(foutcode(() => s.doe({ soort: 'evaluatie', datum: '2028-12-22', besluit: 'doorgaan' }))).toBe('TRAJECT.STATUS_INVALID');
    expect(foutcode(() => s.doe({ soort: 'pauze', datum: '2028-12-22', reden: 'ziekte' }))).toBe('TRAJECT.ALREADY_PAUSED');
    s.doe({ soort: 'hervatting', datum: '2029-01-08' });
    // Paused 18 Dec – 5 Jan: 15 weekdays, minus Eerste/Tweede Kerstdag (Mon/Tue) and Nieuwjaarsdag (Mon).
    expect(s.state.gepauzeerdeWerkdagen).toBe(12);
    const na = s.termijn('evaluatie')?.vervalt as string;
    expect(workingDaysBetween(voor, na)).toBe(12);
    expect(na).toBe('2029-01-16');
    expect(s.state.tijdlijn.find((g) => g.soort === 'hervat')?.gegevens).toEqual({ gepauzeerdeWerkdagen: 12, reden: 'opname' });
    expect(s.state.geplandeEinddatum).toBe(addWorkingDays('2029-09-04', 12));
  });

  it('every open deadline shifts by the paused working days (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 1, max: 60 }), (offset, lengte) => {
        const s = new Scenario(P, '2027-09-06').naarUitvoering('2027-09-07', '2027-09-14', '2027-09-21', '2027-09-28');
        const start = addDays('2027-09-28', offset);
        const einde = addDays(start, lengte);
        s.doe({ soort: 'pauze', datum: start, reden: 'ziekte' }, start);
        const voor = s.state.termijnen;
        s.doe({ soort: 'hervatting', datum: einde }, einde);
        const n = s.state.gepauzeerdeWerkdagen;
        expect(n).toBe(workingDaysBetween(addDays(start, -1), addDays(einde, -1)));
        for (const t of voor) {
          const na = s.state.termijnen.find((x) => x.id === t.id);
          expect(workingDaysBetween(t.vervalt, na?.vervalt as string)).toBe(n);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('resuming without a pause is refused; commands cannot predate the pause', () => {
    const s = new Scenario(P, '2027-01-04');
    expect(foutcode(() => s.doe({ soort: 'hervatting', datum: '2027-01-05' }))).toBe('TRAJECT.NOT_PAUSED');
    s.doe({ soort: 'pauze', datum: '2027-01-06', reden: 'ziekte' });
    expect(foutcode(() => s.doe({ soort: 'hervatting', datum: '2027-01-05' }, '2027-01-07'))).toBe('TRAJECT.DATE_INVALID');
  });

  it('drop-out with a coded reason clears every deadline and is final until reopened', () => {
    const s = new Scenario(P, '2027-01-04').naarUitvoering('2027-01-05', '2027-01-12', '2027-01-19', '2027-01-26');
    expect(foutcode(() => s.doe({ soort: 'uitval', datum: '2027-02-01', reden: 'geen-zin' as never }))).toBe('TRAJECT.DATE_INVALID');
    s.doe({ soort: 'uitval', datum: '2027-02-01', reden: 'verhuisd' });
    expect(s.state.status).toBe('uitgevallen');
    expect(s.state.termijnen).toEqual([]);
    expect(foutcode(() => s.doe({ soort: 'contactmoment', datum: '2027-02-02', vorm: 'gesprek', verschenen: true }))).toBe('TRAJECT.STATUS_INVALID');
    expect(volgendMoment(s.state, P)).toBeUndefined();
  });

  it('a no-show creates a follow-up task and never closes the traject', () => {
    const s = new Scenario(P, '2027-01-04').naarUitvoering('2027-01-05', '2027-01-12', '2027-01-19', '2027-01-26');
    for (let i = 0; i < 8; i++) s.doe({ soort: 'contactmoment', datum: addWorkingDays('2027-01-26', i + 1), vorm: 'gesprek', verschenen: false });
    expect(s.state.status).toBe('actief');
    expect(s.state.noShows).toBe(8);
    expect(s.actiesVan('taak').filter((a) => a.soort === 'taak' && a.taak === 'no-show-opvolging')).toHaveLength(8);
    s.doe({ soort: 'contactmoment', datum: '2027-02-10', vorm: 'telefonisch', verschenen: true });
    expect(s.state.termijnen.filter((t) => t.soort === 'no-show-opvolging')).toEqual([]);
  });

  it('relapse goes back to an earlier phase; the evaluation clock restarts on re-entering uitvoering', () => {
    const s = new Scenario(P, '2027-01-04').naarUitvoering('2027-01-05', '2027-01-12', '2027-01-19', '2027-01-26');
    expect(foutcode(() => s.doe({ soort: 'terugval', datum: '2027-03-01', naarFase: 'afronding' }))).toBe('TRAJECT.RELAPSE_TARGET_INVALID');
    expect(foutcode(() => s.doe({ soort: 'terugval', datum: '2027-03-01', naarFase: 'aanmelding' }))).toBe('TRAJECT.RELAPSE_TARGET_INVALID');
    s.doe({ soort: 'terugval', datum: '2027-03-01', naarFase: 'diagnose' });
    expect(s.state.fase).toBe('diagnose');
    expect(s.termijn('evaluatie')).toBeUndefined();
    expect(s.state.tijdlijn.some((g) => g.soort === 'terugval')).toBe(true);
    s.doe({ soort: 'diagnose', datum: '2027-03-08', metingen: t0Metingen('2027-03-08') });
    s.doe({ soort: 'plan', datum: '2027-03-15', plan: geldigPlan('2027-03-15') });
    expect(s.termijn('evaluatie')?.vervalt).toBe('2027-06-15');
  });

  it('reopening keeps the full history and restarts the clock', () => {
    const s = new Scenario(P, '2027-01-04').naarUitvoering('2027-01-05', '2027-01-12', '2027-01-19', '2027-01-26');
    s.doe({ soort: 'uitval', datum: '2027-02-01', reden: 'te-ziek' });
    const geschiedenis = s.state.tijdlijn;
    expect(foutcode(() => s.doe({ soort: 'heropening', datum: '2027-06-01', naarFase: 'nazorg' }))).toBe('TRAJECT.REOPEN_TARGET_INVALID');
    s.doe({ soort: 'heropening', datum: '2027-06-01' });
    expect(s.state.status).toBe('actief');
    expect(s.state.fase).toBe('kennismaking');
    expect(s.state.heropeningen).toBe(1);
    expect(s.state.tijdlijn.slice(0, geschiedenis.length)).toEqual(geschiedenis);
    expect(s.state.metingen.length).toBeGreaterThan(0);
    expect(s.state.geplandeEinddatum).toBe('2028-06-01');
    expect(foutcode(() => s.doe({ soort: 'heropening', datum: '2027-06-02' }))).toBe('TRAJECT.STATUS_INVALID');
  });

  it('regie change: tasks move, a takeover deadline appears and later escalations go to the new regievoerder', () => {
    const s = new Scenario(P, '2027-01-04');
    const nieuw = { regievoerderId: 'ggz-7', organisatieId: 'ggz-oost-brabant' };
    expect(foutcode(() => s.doe({ soort: 'regiewissel', datum: '2027-01-05', regie: REGIE }))).toBe('TRAJECT.REGIE_UNCHANGED');
    s.doe({ soort: 'regiewissel', datum: '2027-01-05', regie: nieuw });
    expect(s.state.regie).toEqual(nieuw);
    expect(s.actiesVan('taken-overdragen')).toEqual([expect.objectContaining({ rol: 'regievoerder', van: REGIE.regievoerderId, naar: 'ggz-7' })]);
    expect(s.termijn('regie-overname')).toEqual(
      expect.objectContaining({ voor: 'regievoerder', vervalt: addWorkingDays('2027-01-05', P.overdrachtBinnenWerkdagen) }),
    );
    s.tijd('2027-02-15');
    expect(s.actiesVan('escalatie').length).toBeGreaterThan(0);
    expect(s.actiesVan('escalatie').every((a) => a.soort === 'escalatie' && a.regievoerderId === 'ggz-7')).toBe(true);
  });

  it('coach leaves: caseload handover and informing the deelnemer land with the new coach', () => {
    const s = new Scenario(P, '2027-01-04');
    s.doe({ soort: 'coachwissel', datum: '2027-01-05', coach: { coachId: 'coach-2', organisatieId: 'weener-xl' }, reden: 'vertrek' });
    expect(s.actiesVan('taken-overdragen')).toEqual([expect.objectContaining({ rol: 'coach', van: 'coach-1', naar: 'coach-2' })]);
    const taken = s.actiesVan('taak').filter((a) => a.soort === 'taak' && (a.taak === 'caseload-overdracht' || a.taak === 'deelnemer-informeren'));
    expect(taken.map((a) => a.soort === 'taak' && a.toegewezenAan)).toEqual(['coach-2', 'coach-2']);
    expect(foutcode(() => s.doe({ soort: 'coachwissel', datum: '2027-01-05', coach: { coachId: 'coach-2', organisatieId: 'x' }, reden: 'overig' }))).toBe(
      'TRAJECT.COACH_UNCHANGED',
    );
  });

  it('allows as many extensions as the programme does', () => {
    const s = new Scenario(P, '2027-01-04').naarUitvoering('2027-01-05', '2027-01-12', '2027-01-19', '2027-01-26');
    s.doe({ soort: 'verlenging', datum: '2027-02-01' });
    expect(s.state.geplandeEinddatum).toBe('2028-04-04');
    expect(s.termijn('einddatum')?.vervalt).toBe('2028-04-04');
    expect(foutcode(() => s.doe({ soort: 'verlenging', datum: '2027-02-01' }))).toBe('TRAJECT.EXTENSION_NOT_ALLOWED');
  });
});

describe('purity and guards', () => {
  it('never modifies the input state', () => {
    const s = new Scenario(P, '2027-01-04');
    const bevroren: TrajectState = deepFreeze(structuredClone(s.state));
    const kopie = structuredClone(bevroren);
    voerUit(bevroren, { soort: 'contactpoging', datum: '2027-01-05', kanaal: 'telefoon', uitkomst: 'afspraak-gemaakt' }, P, '2027-01-05');
    expect(bevroren).toEqual(kopie);
  });

  it('refuses dates in the future, before the last event, and another programme version', () => {
    const s = new Scenario(P, '2027-01-04');
    s.doe({ soort: 'contactpoging', datum: '2027-01-07', kanaal: 'telefoon', uitkomst: 'geen-gehoor' });
    expect(foutcode(() => s.doe({ soort: 'contactpoging', datum: '2027-01-08', kanaal: 'telefoon', uitkomst: 'geen-gehoor' }, '2027-01-07'))).toBe(
      'TRAJECT.DATE_IN_FUTURE',
    );
    expect(foutcode(() => s.doe({ soort: 'contactpoging', datum: '2027-01-06', kanaal: 'telefoon', uitkomst: 'geen-gehoor' }, '2027-01-08'))).toBe(
      'TRAJECT.DATE_INVALID',
    );
    expect(foutcode(() => voerUit(s.state, { soort: 'verlenging', datum: '2027-01-08' }, { ...P, versie: 2 }, '2027-01-08'))).toBe(
      'TRAJECT.PROGRAMME_MISMATCH',
    );
  });

  it('reports the earliest deadline and the next moment time matters', () => {
    const s = new Scenario(P, '2027-01-04');
    expect(volgendeTermijn(s.state)?.soort).toBe('eerste-contact');
    expect(volgendMoment(s.state, P)).toBe('2027-01-12');
  });

  it('after time has caught up to a day, the next moment lies after that day (no busy loop in the workflow)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 12 }), fc.boolean(), (sprongen, metPauze) => {
        const s = new Scenario(P, '2027-01-04').naarUitvoering('2027-01-05', '2027-01-12', '2027-01-19', '2027-01-26');
        let dag = '2027-01-26';
        sprongen.forEach((n, i) => {
          dag = addDays(dag, n);
          if (metPauze && i === 1) s.doe({ soort: 'pauze', datum: dag, reden: 'ziekte' });
          else if (metPauze && i === 3) s.doe({ soort: 'hervatting', datum: dag });
          else s.tijd(dag);
          const volgende = volgendMoment(s.state, P);
          if (volgende !== undefined) expect(volgende > dag).toBe(true);
        });
      }),
      { numRuns: 60 },
    );
  });

  it('keeps event numbers strictly increasing and action ids unique', () => {
    const s = new Scenario(P, '2027-01-04').naarUitvoering('2027-01-05', '2027-01-12', '2027-01-19', '2027-01-26');
    s.tijd('2027-09-01');
    const nrs = s.state.tijdlijn.map((g) => g.nr);
    expect(nrs).toEqual([...nrs].sort((a, b) => a - b));
    expect(new Set(s.acties.map((a) => a.id)).size).toBe(s.acties.length);
  });
});
