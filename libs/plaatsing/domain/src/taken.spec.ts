import { plaatsingOverzicht } from './overzicht';
import { startPlaatsing, verwerkTijd, voerUit, type PlaatsingOpdracht, type PlaatsingState } from './plaatsing';
import { geweigerdeTerugleidingTaak, plaatsingTaken, rollenIn, type OpgeslagenTaak } from './taken';

const partij = (organisatieId: string, professional: string) => ({ organisatieId, type: 'uitvoerder' as const, professional });
const begin = startPlaatsing({
  plaatsingId: 'p-1',
  vacatureId: 'v-1',
  deelnemerId: 'd-1',
  trajectId: 't-1',
  werkgever: { organisatieId: 'metaal', contactpersoon: { naam: 'Ria', telefoon: '0401111111' } },
  coach: partij('werkbrug', 'coach-1'),
  regievoerder: { organisatieId: 'gemeente', type: 'gemeente', professional: 'km-1' },
  jobcoach: partij('kempenpoort', 'jc-1'),
  datum: '2027-01-04',
}).state;
const doe = (s: PlaatsingState, ...o: PlaatsingOpdracht[]) => o.reduce((st, x) => voerUit(st, x).state, s);
/** The tasks the domain asked for, as the workflow stores them. */
const alsOpgeslagen = (acties: ReturnType<typeof verwerkTijd>['acties']): OpgeslagenTaak[] =>
  acties.flatMap((a) => (a.soort === 'taak' ? [{ sleutel: `plaatsing-p-1:${a.id}`, voor: a.voor, onderwerp: a.onderwerp, vervalt: a.vervalt }] : []));

describe('a placement on the task lists', () => {
  it('knows the parts a professional plays: jobcoach, coach, regievoerder (the gemeente’s decisions); a colleague plays none', () => {
    const o = plaatsingOverzicht(begin);
    expect(rollenIn(o, 'kempenpoort', 'jc-1')).toEqual(['jobcoach']);
    expect(rollenIn(o, 'gemeente', 'km-1')).toEqual(['gemeente']);
    expect(rollenIn(o, 'werkbrug', 'coach-1')).toEqual(['coach']);
    expect(rollenIn(o, 'kempenpoort', 'jc-2')).toEqual([]);
    expect(rollenIn(o, 'metaal', 'jc-1')).toEqual([]);
  });

  it('the evaluation task is the jobcoach’s while the proefplaatsing runs, overdue after its date, and gone once evaluated; planned deadlines show without a task', () => {
    const proef = doe(begin, { soort: 'kennismaking', datum: '2027-01-06', uitkomst: 'proefplaatsing', startProefplaatsing: '2027-01-11' });
    const gepland = plaatsingTaken(plaatsingOverzicht(proef), [], ['jobcoach'], '2027-01-12');
    expect(gepland.map((t) => [t.soort, t.status])).toEqual(
      expect.arrayContaining([
        ['evaluatie-proefplaatsing', 'gepland'],
        ['einde-proefplaatsing', 'gepland'],
        ['checkin', 'gepland'],
      ]),
    );
    const herinnering = verwerkTijd(proef, '2027-03-04');
    const taken = alsOpgeslagen(herinnering.acties);
    const o = plaatsingOverzicht(herinnering.state);
    expect(plaatsingTaken(o, taken, ['jobcoach'], '2027-03-04')).toContainEqual(
      expect.objectContaining({ soort: 'evaluatie-proefplaatsing', voor: 'jobcoach', vervalt: '2027-03-11', status: 'open' }),
    );
    expect(plaatsingTaken(o, taken, ['jobcoach'], '2027-03-12').find((t) => t.soort === 'evaluatie-proefplaatsing')?.status).toBe('verlopen');
    // The employer's own task is never on a professional's list; the coach has no part in it.
    expect(plaatsingTaken(o, taken, ['coach'], '2027-03-04')).toEqual([]);
    const geevalueerd = doe(herinnering.state, { soort: 'evaluatie', datum: '2027-03-05', uitkomst: 'positief', door: 'werkgever' });
    expect(plaatsingTaken(plaatsingOverzicht(geevalueerd), taken, ['jobcoach'], '2027-03-05').map((t) => t.soort)).not.toContain('evaluatie-proefplaatsing');
  });

  it('the re-assessment is the regievoerder’s until it is given; the 6- and 12-month checks stand planned on the jobcoach’s list', () => {
    const s = doe(
      begin,
      { soort: 'kennismaking', datum: '2027-01-06', uitkomst: 'proefplaatsing' },
      { soort: 'evaluatie', datum: '2027-02-26', uitkomst: 'positief', door: 'werkgever' },
      { soort: 'loonwaardemeting', datum: '2027-03-01', loonwaarde: 50 },
      { soort: 'subsidiebesluit', datum: '2027-03-03', percentage: 50, ingang: '2027-03-08', maanden: 24 },
      { soort: 'contract', datum: '2027-03-05', urenPerWeek: 24, start: '2027-03-08' },
    );
    const checks = plaatsingTaken(plaatsingOverzicht(s), [], ['jobcoach'], '2027-03-08').filter((t) => t.soort === 'duurzaamheidscheck');
    expect(checks.map((t) => [t.vervalt, t.status])).toEqual([
      ['2027-09-08', 'gepland'],
      ['2028-03-08', 'gepland'],
    ]);
    const zes = verwerkTijd(s, '2027-09-08');
    const taken = alsOpgeslagen(zes.acties);
    expect(plaatsingTaken(plaatsingOverzicht(zes.state), taken, ['gemeente'], '2027-09-09')).toContainEqual(
      expect.objectContaining({ soort: 'herbeoordeling-subsidie', voor: 'gemeente', status: 'open' }),
    );
    const herbeoordeeld = doe(zes.state, { soort: 'herbeoordeling', datum: '2027-09-10', percentage: 40 });
    const daarna = plaatsingTaken(plaatsingOverzicht(herbeoordeeld), taken, ['gemeente'], '2027-09-10');
    expect(daarna.filter((t) => t.soort === 'herbeoordeling-subsidie').map((t) => t.status)).toEqual(['gepland']);
  });

  it('a check-in task stays until a check-in is recorded; a refused warm return stays on the regievoerder’s list after the placement ended', () => {
    const proef = doe(begin, { soort: 'kennismaking', datum: '2027-01-06', uitkomst: 'proefplaatsing', startProefplaatsing: '2027-01-11' });
    const herinnerd = verwerkTijd(proef, '2027-02-08');
    const checkin = alsOpgeslagen(herinnerd.acties).filter((t) => t.onderwerp === 'checkin');
    expect(checkin).toHaveLength(1);
    expect(plaatsingTaken(plaatsingOverzicht(herinnerd.state), checkin, ['jobcoach'], '2027-02-09').filter((t) => t.status !== 'gepland')).toHaveLength(1);
    const gedaan = doe(herinnerd.state, { soort: 'checkin', datum: '2027-02-10', signaal: 'goed' } as PlaatsingOpdracht);
    expect(plaatsingTaken(plaatsingOverzicht(gedaan), checkin, ['jobcoach'], '2027-02-10').filter((t) => t.status !== 'gepland')).toEqual([]);

    const uitval = voerUit(proef, { soort: 'uitval', datum: '2027-02-01', reden: 'overig' });
    const geweigerd = geweigerdeTerugleidingTaak(uitval.state.tijdlijn.length + 1, '2027-02-01');
    const taken = [...checkin, { sleutel: `plaatsing-p-1:${geweigerd.id}`, voor: geweigerd.voor, onderwerp: geweigerd.onderwerp, vervalt: geweigerd.vervalt }];
    const o = plaatsingOverzicht(uitval.state);
    expect(plaatsingTaken(o, taken, ['gemeente'], '2027-02-02')).toEqual([
      {
        plaatsingId: 'p-1',
        trajectId: 't-1',
        taakId: `plaatsing-p-1:${geweigerd.id}`,
        soort: 'terugleiding-geweigerd',
        voor: 'gemeente',
        vervalt: '2027-02-03',
        status: 'open',
      },
    ]);
    expect(plaatsingTaken(o, taken, ['jobcoach'], '2027-02-02')).toEqual([]);
  });
});
