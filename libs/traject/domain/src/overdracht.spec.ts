import { OVERDRACHT_FASEN, OVERDRACHT_LOPEND, overdrachtGebeurtenis, toetsOverdrachtVerzoek } from './overdracht';
import type { BekendeOverdracht, OverdrachtAanvraag } from './overdracht';
import { MAATWERKTRAJECT_DEN_BOSCH_V1 } from './programma.catalogus';
import { startTraject } from './traject';
import type { TrajectState } from './traject';

describe('handover requests', () => {
  const regie = { regievoerderId: 'km-1', organisatieId: 'gemeente' };
  const coach = { coachId: 'c-1', organisatieId: 'weener-xl' };
  const basis = startTraject(
    { trajectId: 'tr-9', datum: '2027-03-01', regie, coach, aanmeldreden: 'activering' },
    MAATWERKTRAJECT_DEN_BOSCH_V1,
    '2027-03-01',
  ).state;
  const inFase = (fase: TrajectState['fase'], status: TrajectState['status'] = 'actief'): TrajectState => ({ ...basis, fase, status });
  const verzoek = (overdrachtId: string, organisatie = 'gemeente'): OverdrachtAanvraag => ({ overdrachtId, zender: { organisatie } });
  const lopend: BekendeOverdracht = { overdrachtId: 'o-1' };
  const code = (f: () => unknown) => {
    try {
      f();
      return undefined;
    } catch (error) {
      return (error as { code?: string }).code;
    }
  };

  it('accepts a first handover from the lead or the coach organisation once the deelnemer has been met', () => {
    for (const fase of OVERDRACHT_FASEN) expect(toetsOverdrachtVerzoek(inFase(fase), [], verzoek('o-2'))).toBeUndefined();
    expect(toetsOverdrachtVerzoek(inFase('uitvoering'), [], verzoek('o-2', 'weener-xl'))).toBeUndefined();
  });

  it('refuses before contact, when paused or ended, from a third organisation, and while another runs', () => {
    expect(code(() => toetsOverdrachtVerzoek(inFase('aanmelding'), [], verzoek('o-2')))).toBe('TRAJECT.PHASE_INVALID');
    expect(code(() => toetsOverdrachtVerzoek(inFase('contact-leggen'), [], verzoek('o-2')))).toBe('TRAJECT.PHASE_INVALID');
    for (const status of ['gepauzeerd', 'uitgevallen', 'afgesloten'] as const) {
      expect(code(() => toetsOverdrachtVerzoek(inFase('uitvoering', status), [], verzoek('o-2')))).toBe('TRAJECT.STATUS_INVALID');
    }
    expect(code(() => toetsOverdrachtVerzoek(inFase('uitvoering'), [], verzoek('o-2', 'elders')))).toBe('TRAJECT.FORBIDDEN');
    expect(code(() => toetsOverdrachtVerzoek(inFase('uitvoering'), [lopend], verzoek('o-2')))).toBe(OVERDRACHT_LOPEND);
    expect(toetsOverdrachtVerzoek(inFase('uitvoering'), [{ ...lopend, uitkomst: 'geannuleerd' }], verzoek('o-2'))).toBeUndefined();
  });

  it('answers a repeated request with the earlier registration, whatever the traject does now', () => {
    expect(toetsOverdrachtVerzoek(inFase('uitvoering', 'gepauzeerd'), [lopend], verzoek('o-1'))).toBe(lopend);
  });

  it('adds timeline entries with the next number of the traject counter and scalar details only', () => {
    const s = inFase('uitvoering');
    const u = overdrachtGebeurtenis(s, '2027-04-01', 'overdracht-aangevraagd', { overdrachtId: 'o-1', ontvanger: 'ggz' });
    expect(u.gebeurtenissen).toEqual([
      { nr: s.teller + 1, datum: '2027-04-01', soort: 'overdracht-aangevraagd', fase: 'uitvoering', gegevens: { overdrachtId: 'o-1', ontvanger: 'ggz' } },
    ]);
    expect(u.state.teller).toBe(s.teller + 1);
    expect(u.state.tijdlijn.at(-1)).toBe(u.gebeurtenissen[0]);
    expect(u.state.laatsteDatum).toBe('2027-04-01');
    expect(u.acties).toEqual([]);
  });
});
