import {
  basiscellenUitProjectie,
  berekenBasiscellen,
  bouwStanden,
  cellenVanFeit,
  cellenVanStand,
  somCellen,
  type Basiscel,
  type Feit,
  type ProjectieCel,
} from '@ketenregie/monitoring-domain';
import { openDatabase } from '@ketenregie/shared-platform';
import { describeEachDatabase } from '@ketenregie/shared-testing';
import type { DataSource } from 'typeorm';
import { MONITORING_MIGRATIONS, MONITORING_SCHEMA, SqlProjectieRepository } from './index';

let nr = 0;
const uuid = () => `50000000-0000-4000-8000-${String(++nr).padStart(12, '0')}`;
const feit = (soort: string, onderwerp: string, datum: string, data: Record<string, unknown> = {}): Feit => ({ id: uuid(), soort, onderwerp, datum, data });
const ladder = (eerste: number, eersteDatum: string, laatste: number, laatsteDatum: string) => ({ ladder: { eerste, eersteDatum, laatste, laatsteDatum } });

/** Trajecten built by hand around the folding rules that carry state from fact to fact. */
function randgevallen(): Feit[] {
  const org = { programma: 'werkfit', regieOrganisatie: 'gemeente-a', coachOrganisatie: 'werkbrug', coach: 'coach-1' };
  return [
    // The lead organisation changes after the aanmelding: the funnel keeps the one of that day, the drop-out the one of its day.
    feit('traject.aangemeld', 'r1', '2026-01-05', org),
    feit('traject.fase-gewijzigd', 'r1', '2026-01-20', { regieOrganisatie: 'gemeente-b', naar: 'diagnose' }),
    feit('traject.fase-gewijzigd', 'r1', '2026-01-22', { naar: 'kennismaking' }),
    feit('traject.uitgevallen', 'r1', '2026-03-01', {}),
    // No organisations at all; a phase outside the order; a pause, resumed, paused again.
    feit('traject.aangemeld', 'r2', '2026-02-05'),
    feit('traject.fase-gewijzigd', 'r2', '2026-02-06', { naar: 'afgesloten' }),
    feit('traject.gepauzeerd', 'r2', '2026-02-07'),
    feit('traject.hervat', 'r2', '2026-02-08'),
    feit('traject.gepauzeerd', 'r2', '2026-02-09'),
    // Ladder: a rise, then a new first score (a new run that has not risen), then a rise in the new run after its 12 months.
    feit('traject.aangemeld', 'r3', '2026-01-02', org),
    feit('traject.meting', 'r3', '2026-01-10', ladder(2, '2026-01-10', 3, '2026-01-10')),
    feit('traject.meting', 'r3', '2026-02-10', ladder(4, '2026-02-10', 4, '2026-02-10')),
    feit('traject.meting', 'r3', '2026-03-10', ladder(9, '2026-02-10', 4, '2026-03-10')),
    feit('traject.meting', 'r3', '2027-03-10', ladder(4, '2026-02-10', 6, '2027-03-10')),
    feit('traject.meting', 'r3', '2026-03-11', { ladder: { eerste: 'x' } }),
    // ZRM: two domains, one entry invalid, a later score overwrites; evaluations around passed deadlines; coach changes.
    feit('traject.aangemeld', 'r4', '2026-01-03', { ...org, programma: 'pilot-jong' }),
    feit('traject.meting', 'r4', '2026-02-01', { zrm: { financien: { eerste: 2, laatste: 2, laatsteDatum: '2026-02-01' }, wonen: { eerste: 1 } } }),
    feit('traject.meting', 'r4', '2026-03-01', {
      zrm: { financien: { eerste: 2, laatste: 3, laatsteDatum: '2026-03-01' }, wonen: { eerste: 1, laatste: 1, laatsteDatum: '2026-03-01' } },
    }),
    feit('traject.termijn-verlopen', 'r4', '2026-03-05', { termijn: 'evaluatie' }),
    feit('traject.termijn-verlopen', 'r4', '2026-03-06', { termijn: 'plan' }),
    feit('traject.evaluatie', 'r4', '2026-03-10', { coachOrganisatie: 'aanpak' }),
    feit('traject.evaluatie', 'r4', '2026-04-10', {}),
    feit('traject.termijn-verlopen', 'r4', '2026-05-05', { termijn: 'evaluatie' }),
    feit('traject.coach-toegewezen', 'r4', '2026-05-06', { coach: 'coach-2' }),
    // A later invalid score does not replace a valid one; an empty ZRM; a domain with quotes in its name; a score's other fields dropped.
    feit('traject.meting', 'r4', '2026-05-07', { zrm: { financien: { eerste: 'x' } } }),
    feit('traject.meting', 'r4', '2026-05-08', { zrm: {} }),
    feit('traject.meting', 'r4', '2026-05-09', { zrm: { 'werk "en" inkomen': { eerste: 1, laatste: 2, laatsteDatum: '2026-05-09', toelichting: 'x' } } }),
    // Closed: not running, so in no caseload.
    feit('traject.aangemeld', 'r5', '2026-01-04', org),
    feit('traject.afgesloten', 'r5', '2026-06-01', {}),
    feit('toestemming.gegeven', 'c1', '2026-03-02', { organisatie: 'werkbrug' }),
    feit('toestemming.ingetrokken', 'c1', '2026-04-01', {}),
  ];
}

/** A region drawn from a seeded generator: every kind of traject fact in random order per traject. */
function willekeurig(trajecten: number): Feit[] {
  let x = 20261207;
  const r = (n: number) => ((x = (x * 1103515245 + 12345) % 2147483648), x % n);
  const soorten = [
    'fase-gewijzigd',
    'meting',
    'meting',
    'evaluatie',
    'termijn-verlopen',
    'uitgevallen',
    'afgesloten',
    'gepauzeerd',
    'hervat',
    'coach-toegewezen',
  ];
  const fasen = ['contact-leggen', 'kennismaking', 'diagnose', 'plan-van-aanpak', 'uitvoering', 'afronding', 'nazorg'];
  const dag = (d: number) => new Date(Date.UTC(2025, 0, 1 + d)).toISOString().slice(0, 10);
  const uit: Feit[] = [];
  for (let n = 0; n < trajecten * 12; n++) {
    const t = `w${r(trajecten)}`;
    const d = r(700);
    const org =
      r(3) === 0 ? {} : { programma: `p${r(2)}`, regieOrganisatie: `gemeente-${r(3)}`, coachOrganisatie: `uitvoerder-${r(2)}`, coach: `coach-${r(4)}` };
    const soort = r(5) === 0 ? 'aangemeld' : soorten[r(soorten.length)];
    const eerste = r(3);
    const data: Record<string, unknown> = {
      ...org,
      ...(soort === 'fase-gewijzigd' ? { naar: fasen[r(fasen.length)] } : {}),
      ...(soort === 'meting' && r(2) === 0 ? ladder(eerste, dag(r(2) * 30), eerste + r(3) - 1, dag(d)) : {}),
      ...(soort === 'meting' && r(2) === 0
        ? { zrm: { [`domein-${r(3)}`]: r(4) === 0 ? { eerste: r(5) } : { eerste: r(5), laatste: r(5), laatsteDatum: dag(d) } } }
        : {}),
      ...(soort === 'termijn-verlopen' ? { termijn: r(2) === 0 ? 'evaluatie' : 'plan' } : {}),
      ...(soort === 'uitgevallen' && r(2) === 0 ? { reden: `reden-${r(3)}` } : {}),
    };
    uit.push(feit(`traject.${soort}`, t, dag(d), data));
    if (r(10) === 0)
      uit.push(feit(r(4) === 0 ? 'toestemming.ingetrokken' : 'toestemming.gegeven', `c${n}`, dag(d), r(3) ? { organisatie: `uitvoerder-${r(2)}` } : {}));
  }
  return uit;
}

const cel = (c: Basiscel) => `${c.indicator}/${c.meting}/${c.categorie}/${c.partner}/${c.maand}=${c.aantal}`;
const cellenTekst = (cs: readonly ProjectieCel[]) => cs.map((c) => JSON.stringify(c)).sort();

// On PostgreSQL: DATABASE_URL's server, else the embedded one (a fresh database per run).
describeEachDatabase('monitoring projection: incremental and rebuilt from scratch', (db) => {
  let dataSource: DataSource;
  let repo: SqlProjectieRepository;

  beforeAll(async () => {
    dataSource = await openDatabase({ url: db.url, schema: MONITORING_SCHEMA, migrations: MONITORING_MIGRATIONS, poolSize: 2 });
    repo = new SqlProjectieRepository(dataSource);
  }, 60_000);

  afterAll(async () => {
    await dataSource?.destroy();
  });

  beforeEach(async () => {
    await dataSource.query('TRUNCATE monitoring.feit, monitoring.traject_stand, monitoring.basiscel, monitoring.feed_positie');
  });

  /** Feeds the facts in pages (each page delivered twice), then checks the stands and cells against the domain and against a rebuild. */
  async function vergelijk(feiten: Feit[], pagina: number) {
    for (let i = 0; i < feiten.length; i += pagina) {
      const deel = feiten.slice(i, i + pagina);
      await repo.verwerk('test', deel, i + deel.length);
      expect(await repo.verwerk('test', deel, i + deel.length)).toBe(0);
    }
    const sorteer = <T extends { trajectId: string }>(xs: T[]) => [...xs].sort((a, b) => (a.trajectId < b.trajectId ? -1 : 1));
    const incrementeel = { standen: sorteer(await repo.standen()), cellen: await repo.cellen() };

    // The stands are those the domain folds; the stored cells those it counts.
    const verwacht = sorteer([...bouwStanden(feiten).values()]);
    expect(incrementeel.standen).toEqual(verwacht);
    const toestemmingen = feiten.filter((f) => f.soort.startsWith('toestemming.'));
    expect(cellenTekst(incrementeel.cellen)).toEqual(cellenTekst(somCellen([...verwacht.flatMap(cellenVanStand), ...toestemmingen.flatMap(cellenVanFeit)])));

    // Rebuilt from scratch in SQL: the same stands, the same cells, the same figures on any peildatum.
    expect(await repo.herbouw()).toBe(verwacht.length);
    expect(sorteer(await repo.standen())).toEqual(incrementeel.standen);
    const herbouwd = await repo.cellen();
    expect(cellenTekst(herbouwd)).toEqual(cellenTekst(incrementeel.cellen));
    for (const peildatum of ['2026-06-30', '2027-01-15', '2028-01-01'])
      expect(basiscellenUitProjectie(herbouwd, peildatum).map(cel).sort()).toEqual(
        berekenBasiscellen({ trajecten: verwacht, toestemmingen }, peildatum).map(cel).sort(),
      );
    return herbouwd;
  }

  it('rebuilds hand-built trajecten (organisations as of the day, ladder runs, ZRM, late evaluations, pauses) to the incremental numbers', async () => {
    const cellen = await vergelijk(randgevallen(), 3);
    const r = basiscellenUitProjectie(cellen, '2027-06-01').map(cel);
    // r1: the funnel at gemeente-a (its partner on the day of the aanmelding), the drop-out at gemeente-b.
    expect(r).toEqual(expect.arrayContaining(['bereik/intake/-/gemeente-a/2026-01=1', 'uitval/uitgevallen/onbekend/gemeente-b/2026-03=1']));
    // r3's last run (first score 2026-02-10, rung 4) rose to 6 only after its 12 months: in the noemer, not the teller.
    expect(r).toEqual(expect.arrayContaining(['ladder-stijging/noemer/-/gemeente-a/2026-02=1']));
    expect(r.filter((c) => c.startsWith('ladder-stijging/teller'))).toEqual([]);
    // r4: one evaluation late (the deadline before it), one on time; financien improved, wonen did not.
    expect(r).toEqual(
      expect.arrayContaining([
        'evaluaties-op-tijd/noemer/-/aanpak/2026-03=1',
        'evaluaties-op-tijd/teller/-/aanpak/2026-04=1',
        'zrm-verbetering/teller/financien/aanpak/2026-03=1',
        'zrm-verbetering/noemer/wonen/aanpak/2026-03=1',
      ]),
    );
    // A pilot reads its own programme's cells only.
    expect((await repo.cellen({ programma: 'pilot-jong' })).every((c) => c.programma === 'pilot-jong')).toBe(true);
  }, 60_000);

  it('rebuilds a seeded random region (every kind of fact, in any order) to the incremental numbers', async () => {
    await vergelijk(willekeurig(150), 97);
  }, 60_000);
});
