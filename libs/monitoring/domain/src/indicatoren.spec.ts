import { berekenBasiscellen, type Basiscel } from './indicatoren';
import { basiscellenUitProjectie, celMutaties, cellenVanFeit, cellenVanStand, somCellen, type ProjectieCel } from './projectie-cellen';
import { bouwStanden, pasToe, type Feit, type TrajectStand } from './traject-stand';

let teller = 0;
const feit = (soort: string, traject: string, datum: string, data: Record<string, unknown> = {}): Feit => ({
  id: `e-${++teller}`,
  soort: `traject.${soort}`,
  onderwerp: traject,
  datum,
  data: { programma: 'werkfit', regieOrganisatie: 'gemeente-a', coachOrganisatie: 'werkbrug', coach: 'coach-1', ...data },
});
const ladder = (eerste: number, eersteDatum: string, laatste: number, laatsteDatum: string) => ({ ladder: { eerste, eersteDatum, laatste, laatsteDatum } });

/** Seven trajecten of gemeente-a aangemeld in January 2026, coached by one coach of werkbrug. */
function regio(): Feit[] {
  const f: Feit[] = [];
  const ids = ['t1', 't2', 't3', 't4', 't5', 't6', 't7'];
  ids.forEach((t, i) => f.push(feit('aangemeld', t, `2026-01-0${i + 1}`, { aanmeldreden: 'activering' })));
  for (const t of ids.slice(0, 6)) f.push(feit('fase-gewijzigd', t, '2026-01-20', { van: 'contact-leggen', naar: 'kennismaking' }));
  for (const t of ids.slice(0, 5)) f.push(feit('fase-gewijzigd', t, '2026-01-25', { van: 'kennismaking', naar: 'diagnose' }));
  for (const t of ids.slice(0, 3)) f.push(feit('fase-gewijzigd', t, '2026-02-05', { van: 'plan-van-aanpak', naar: 'uitvoering' }));
  f.push(feit('uitgevallen', 't6', '2026-02-10', { reden: 'verhuisd' }), feit('fase-gewijzigd', 't6', '2026-02-10', { naar: 'afgesloten' }));
  f.push(feit('uitgevallen', 't7', '2026-02-15', { reden: 'geen-motivatie' }));
  // t1 rises a rung within 12 months; t2 only after 12 months; t3 has one score only.
  f.push(
    feit('meting', 't1', '2026-01-10', ladder(2, '2026-01-10', 2, '2026-01-10')),
    feit('meting', 't1', '2026-06-01', ladder(2, '2026-01-10', 3, '2026-06-01')),
  );
  f.push(
    feit('meting', 't2', '2026-01-12', ladder(3, '2026-01-12', 3, '2026-01-12')),
    feit('meting', 't2', '2027-02-01', ladder(3, '2026-01-12', 4, '2027-02-01')),
  );
  f.push(feit('meting', 't3', '2026-02-01', ladder(1, '2026-02-01', 1, '2026-02-01')));
  // ZRM: t1 improves on financien, t2 stays equal.
  f.push(feit('meting', 't1', '2026-05-01', { zrm: { financien: { eerste: 2, laatste: 3, laatsteDatum: '2026-05-01' } } }));
  f.push(feit('meting', 't2', '2026-05-03', { zrm: { financien: { eerste: 3, laatste: 3, laatsteDatum: '2026-05-03' } } }));
  // Evaluations: t1 on time; t2 after its evaluation deadline passed.
  f.push(feit('evaluatie', 't1', '2026-04-01', { nr: 1, besluit: 'doorgaan' }));
  f.push(feit('termijn-verlopen', 't2', '2026-04-10', { termijn: 'evaluatie' }), feit('evaluatie', 't2', '2026-04-20', { nr: 1, besluit: 'doorgaan' }));
  return f;
}

const cel = (c: Basiscel) => `${c.indicator}/${c.meting}/${c.categorie}/${c.partner}/${c.maand}=${c.aantal}${c.waarden ? `[${c.waarden.join(',')}]` : ''}`;

describe('indicators on a constructed region', () => {
  it('counts every indicator as computed by hand', () => {
    const cellen = berekenBasiscellen(
      {
        trajecten: bouwStanden(regio()).values(),
        toestemmingen: [
          { id: 'c1', soort: 'toestemming.gegeven', onderwerp: 'x1', datum: '2026-03-02', data: { organisatie: 'werkbrug' } },
          { id: 'c2', soort: 'toestemming.gegeven', onderwerp: 'x2', datum: '2026-03-09', data: { organisatie: 'werkbrug' } },
          { id: 'c3', soort: 'toestemming.ingetrokken', onderwerp: 'x1', datum: '2026-04-01', data: { organisatie: 'werkbrug' } },
        ],
        overdrachten: [
          { ontvanger: 'ggz-b', uitkomst: 'geaccepteerd', uitkomstOp: '2026-03-03', binnenTermijn: true, werkdagenTotAcceptatie: 2 },
          { ontvanger: 'ggz-b', uitkomst: 'geaccepteerd', uitkomstOp: '2026-03-10', binnenTermijn: false, werkdagenTotAcceptatie: 9 },
          { ontvanger: 'ggz-b', uitkomst: 'afgewezen', uitkomstOp: '2026-03-12', binnenTermijn: false },
        ],
        verwijzingen: [{ ontvanger: 'schuldhulp-c', uitkomst: 'gestart', datum: '2026-03-04' }],
      },
      '2027-03-01',
    );
    expect(cellen.map(cel).sort()).toEqual(
      [
        // Funnel of the January cohort: 7 aangemeld, 6 bereikt, 5 intake, 3 actief.
        'bereik/aangemeld/-/gemeente-a/2026-01=7',
        'bereik/bereikt/-/gemeente-a/2026-01=6',
        'bereik/intake/-/gemeente-a/2026-01=5',
        'bereik/actief/-/gemeente-a/2026-01=3',
        'uitval/uitgevallen/verhuisd/gemeente-a/2026-02=1',
        'uitval/uitgevallen/geen-motivatie/gemeente-a/2026-02=1',
        // Ladder cohort January: t1 rose within 12 months, t2 did not (its 12 months passed); February: t3, 12 months passed.
        'ladder-stijging/noemer/-/gemeente-a/2026-01=2',
        'ladder-stijging/teller/-/gemeente-a/2026-01=1',
        'ladder-stijging/noemer/-/gemeente-a/2026-02=1',
        'zrm-verbetering/noemer/financien/werkbrug/2026-05=2',
        'zrm-verbetering/teller/financien/werkbrug/2026-05=1',
        'evaluaties-op-tijd/noemer/-/werkbrug/2026-04=2',
        'evaluaties-op-tijd/teller/-/werkbrug/2026-04=1',
        // One coach with five running trajecten (t6 and t7 dropped out).
        'caseload/professionals/1-10/werkbrug/2027-03=1',
        'toestemmingen/gegeven/-/werkbrug/2026-03=2',
        'toestemmingen/ingetrokken/-/werkbrug/2026-04=1',
        'overdrachten-binnen-termijn/noemer/-/ggz-b/2026-03=3',
        'overdrachten-binnen-termijn/teller/-/ggz-b/2026-03=1',
        'overdracht-doorlooptijd/geaccepteerd/-/ggz-b/2026-03=2[2,9]',
        'verwijzingen/verwijzingen/gestart/schuldhulp-c/2026-03=1',
      ].sort(),
    );
  });

  it('does not count a ladder cohort whose 12 months are still running, unless it already rose', () => {
    const cellen = berekenBasiscellen({ trajecten: bouwStanden(regio()).values() }, '2026-12-31').filter((c) => c.indicator === 'ladder-stijging');
    expect(cellen.map(cel).sort()).toEqual(['ladder-stijging/noemer/-/gemeente-a/2026-01=1', 'ladder-stijging/teller/-/gemeente-a/2026-01=1']);
  });

  it('rebuilds from scratch to the same stands as the incremental projection, and ignores a fact seen before', () => {
    const feiten = regio();
    const incrementeel = new Map<string, TrajectStand>();
    const gezien = new Set<string>();
    // Delivered at least once: every fact twice, the copy right after the first.
    for (const f of feiten.flatMap((x) => [x, x])) {
      if (gezien.has(f.id)) continue;
      gezien.add(f.id);
      incrementeel.set(f.onderwerp, pasToe(incrementeel.get(f.onderwerp), f));
    }
    const herbouwd = bouwStanden(feiten);
    expect([...herbouwd.entries()].sort()).toEqual([...incrementeel.entries()].sort());
    expect(berekenBasiscellen({ trajecten: herbouwd.values() }, '2027-03-01')).toEqual(berekenBasiscellen({ trajecten: incrementeel.values() }, '2027-03-01'));
  });

  it('keeps stored cells per fact (old stand → new stand) that give the same base cells as the stands, on any peildatum', () => {
    const toestemmingen: Feit[] = [
      { id: 'c1', soort: 'toestemming.gegeven', onderwerp: 'x1', datum: '2026-03-02', data: { organisatie: 'werkbrug' } },
      { id: 'c2', soort: 'toestemming.ingetrokken', onderwerp: 'x1', datum: '2026-04-01', data: {} },
    ];
    // Incrementally: each fact's cell mutation added to what was stored before.
    const standen = new Map<string, TrajectStand>();
    let opgeslagen: ProjectieCel[] = [];
    for (const f of [...regio(), ...toestemmingen]) {
      if (!f.soort.startsWith('traject.')) {
        opgeslagen = somCellen([...opgeslagen, ...cellenVanFeit(f)]);
        continue;
      }
      const nieuw = pasToe(standen.get(f.onderwerp), f);
      opgeslagen = somCellen([...opgeslagen, ...celMutaties(standen.get(f.onderwerp), nieuw)]);
      standen.set(f.onderwerp, nieuw);
    }
    // From scratch: every stand's cells summed.
    const vanafNul = somCellen([...[...bouwStanden(regio()).values()].flatMap(cellenVanStand), ...toestemmingen.flatMap(cellenVanFeit)]);
    const sorteer = (cs: readonly ProjectieCel[]) => cs.map((c) => JSON.stringify(c)).sort();
    expect(sorteer(opgeslagen)).toEqual(sorteer(vanafNul));
    for (const peildatum of ['2026-12-31', '2027-01-12', '2027-03-01'])
      expect(basiscellenUitProjectie(opgeslagen, peildatum).map(cel).sort()).toEqual(
        berekenBasiscellen({ trajecten: standen.values(), toestemmingen }, peildatum).map(cel).sort(),
      );
  });
});
