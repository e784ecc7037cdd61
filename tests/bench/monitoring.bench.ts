/**
 * The stuurgroep's indicators at the scale of a region (issue 20): 300,000 trajecten and 10
 * million facts generated straight into `monitoring.feit` of the bench's own database
 * (generate_series), then
 *   (a) the full rebuild through the real code path: `ProjectieService.herbouw()` (the stands and
 *       stored cells computed set-based in SQL from every fact) and `IndicatorBerekening.bereken()`
 *       (the figures read from the stored cells),
 *   (b) the same aggregation written by hand as one SQL query over the same facts, in the same run
 *       (its base cells are checked to be equal to the real path's, so the baseline is honest),
 *   (c) incremental latency: the feed consumer (`ProjectieService` in the background, as
 *       monitor-service runs it) under a steady stream of appended facts; a probe of five new
 *       trajecten is appended and timed until the indicators show it.
 * Goals: rebuild ≤ 2× the SQL baseline; an update visible within 5 s. See README.md.
 */
// The bench measures the monitoring context's own projection and store, as monitor-service wires them.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { IndicatorBerekening, ProjectieService, type FeedBron } from '@ketenregie/monitoring-application';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { MONITORING_MIGRATIONS, SqlProjectieRepository } from '@ketenregie/monitoring-data-access';
// eslint-disable-next-line @nx/enforce-module-boundaries
import type { Feit } from '@ketenregie/monitoring-domain';
import { openDatabase } from '@ketenregie/shared-platform';
import { createTestDatabase } from '@ketenregie/shared-testing';
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { databaseLabel } from './src/services';

const TRAJECTEN = Number(process.env['BENCH_TRAJECTEN'] ?? 300_000);
/** Facts per traject (33) plus one consent fact per three trajecten: 10 million at the default scale. */
const PER_TRAJECT = 33;
const PEILDATUM = '2026-12-01';
const PROBES = Number(process.env['BENCH_PROBES'] ?? 5);
/** Background load while the probes run: facts appended per second. */
const STROOM_PER_S = Number(process.env['BENCH_STROOM'] ?? 200);
/** A probe not visible after this long is reported as such. */
const PROBE_MAX_MS = 180_000;

const s = (ms: number) => Math.round(ms) / 1000;
const tijd = async <T>(f: () => Promise<T>): Promise<[T, number]> => {
  const start = performance.now();
  const r = await f();
  return [r, performance.now() - start];
};

/**
 * The region, generated in SQL: traject i starts on day i mod 730 after 2024-01-01 at partner
 * `gemeente-<i mod 12>`, coached at `uitvoerder-<i mod 6>` by `coach-<i mod 6000>`; fact n of 33:
 * 1 aangemeld, 2–4 phase changes (80/60/40 %), 5–16 ladder and ZRM scores, 17–24 evaluations with
 * two evaluation deadlines passed before the 2nd and 6th for a third, 25 drop-out (10 %) or close
 * (10 %), the rest coach assignments; fact 0 a consent for every third i. Facts arrive in the order
 * of their date (then traject, then n). One set-based statement per slice: only the small keys
 * (i, n, date) are sorted, the rows are built after the sort.
 */
const GENEREER = `
  INSERT INTO monitoring.feit (id, soort, onderwerp, datum, data)
  SELECT gen_random_uuid(),
    CASE
      WHEN n = 0 THEN CASE WHEN i % 7 = 0 THEN 'toestemming.ingetrokken' ELSE 'toestemming.gegeven' END
      WHEN n = 1 THEN 'traject.aangemeld'
      WHEN n = 2 AND i % 10 < 8 OR n = 3 AND i % 10 < 6 OR n = 4 AND i % 10 < 4 THEN 'traject.fase-gewijzigd'
      WHEN n BETWEEN 5 AND 16 THEN 'traject.meting'
      WHEN n BETWEEN 17 AND 24 THEN 'traject.evaluatie'
      WHEN n IN (25, 26) AND i % 3 = 0 THEN 'traject.termijn-verlopen'
      WHEN n = 27 AND i % 10 = 9 THEN 'traject.uitgevallen'
      WHEN n = 27 AND i % 10 = 8 THEN 'traject.afgesloten'
      ELSE 'traject.coach-toegewezen'
    END,
    CASE WHEN n = 0 THEN 'toestemming-' ELSE 'bench-' END || i,
    datum,
    CASE WHEN n = 0 THEN jsonb_build_object('organisatie', 'uitvoerder-' || (i % 6), 'doel', 'overdracht')
    ELSE jsonb_build_object('programma', 'werkfit', 'regieOrganisatie', 'gemeente-' || (i % 12), 'coachOrganisatie', 'uitvoerder-' || (i % 6), 'coach', 'coach-' || (i % 6000)) ||
      CASE
        WHEN n BETWEEN 2 AND 4 THEN jsonb_build_object('naar', (ARRAY['kennismaking', 'diagnose', 'uitvoering'])[n - 1])
        WHEN n BETWEEN 5 AND 16 THEN jsonb_build_object(
          'ladder', jsonb_build_object('eerste', 1 + i % 5, 'eersteDatum', d + 30, 'laatste', 1 + i % 5 + CASE WHEN i % 3 = 0 THEN (n - 5) / 4 ELSE 0 END,
                                       'laatsteDatum', d + 30 * (n - 4)),
          'zrm', jsonb_build_object('financien', jsonb_build_object('eerste', 1 + i % 4, 'laatste', 1 + i % 4 + CASE WHEN (i + n) % 3 = 0 THEN 1 ELSE 0 END,
                                                                     'laatsteDatum', d + 30 * (n - 4))))
        WHEN n BETWEEN 17 AND 24 THEN jsonb_build_object('nr', n - 16, 'besluit', 'doorgaan')
        WHEN n IN (25, 26) THEN jsonb_build_object('termijn', 'evaluatie')
        WHEN n = 27 AND i % 10 = 9 THEN jsonb_build_object('reden', (ARRAY['verhuisd', 'geen-motivatie', 'gezondheid', 'werk-gevonden'])[1 + i % 4])
        ELSE '{}'::jsonb
      END
    END
  FROM (
    SELECT i, n, d, CASE
        WHEN n = 0 THEN DATE '2024-01-01' + (i % 900)
        WHEN n <= 4 THEN d + (ARRAY[0, 10, 30, 60])[n]
        WHEN n BETWEEN 5 AND 16 THEN d + 30 * (n - 4)
        WHEN n BETWEEN 17 AND 24 THEN d + 40 * (n - 16)
        WHEN n = 25 THEN d + 75
        WHEN n = 26 THEN d + 235
        WHEN n = 27 THEN d + 330
        ELSE d + 3 * n
      END AS datum
    FROM (SELECT i, DATE '2024-01-01' + (i % 730) AS d FROM generate_series($1::int, $2::int) AS i) t
    CROSS JOIN generate_series(0, ${PER_TRAJECT}) AS n
    WHERE n > 0 OR i % 3 = 0
    ORDER BY datum, i, n
  ) k`;

/**
 * The same base cells as `berekenBasiscellen` over the stands `pasToe` folds (bereik, uitval,
 * ladder-stijging, zrm-verbetering, evaluaties-op-tijd, caseload, toestemmingen), by hand in one
 * SQL statement over `monitoring.feit`.
 */
const BASISLIJN = `
  WITH f AS (SELECT nr, soort, onderwerp, datum, data FROM monitoring.feit WHERE soort LIKE 'traject.%'),
  traject AS (
    SELECT onderwerp,
      min(datum) FILTER (WHERE soort = 'traject.aangemeld') AS aangemeld,
      (array_agg(data->>'regieOrganisatie' ORDER BY nr) FILTER (WHERE soort = 'traject.aangemeld'))[1] AS partner,
      (array_agg(data->>'regieOrganisatie' ORDER BY nr DESC))[1] AS regie,
      (array_agg(data->>'coachOrganisatie' ORDER BY nr DESC))[1] AS coach_org,
      (array_agg(data->>'coach' ORDER BY nr DESC))[1] AS coach,
      bool_or(soort = 'traject.fase-gewijzigd' AND data->>'naar' IN ('kennismaking', 'diagnose', 'plan-van-aanpak', 'uitvoering', 'afronding', 'nazorg')) AS bereikt,
      bool_or(soort = 'traject.fase-gewijzigd' AND data->>'naar' IN ('diagnose', 'plan-van-aanpak', 'uitvoering', 'afronding', 'nazorg')) AS intake,
      bool_or(soort = 'traject.fase-gewijzigd' AND data->>'naar' IN ('uitvoering', 'afronding', 'nazorg')) AS actief,
      (array_agg(datum ORDER BY nr DESC) FILTER (WHERE soort = 'traject.uitgevallen'))[1] AS uitval_op,
      (array_agg(coalesce(data->>'reden', 'onbekend') ORDER BY nr DESC) FILTER (WHERE soort = 'traject.uitgevallen'))[1] AS uitval_reden,
      (array_agg(coalesce(data->>'regieOrganisatie', 'onbekend') ORDER BY nr DESC) FILTER (WHERE soort = 'traject.uitgevallen'))[1] AS uitval_partner,
      bool_or(soort = 'traject.afgesloten') AS afgesloten,
      (array_agg((data->'ladder'->>'eersteDatum')::date ORDER BY nr) FILTER (WHERE data ? 'ladder'))[1] AS ladder_datum,
      min((data->'ladder'->>'laatsteDatum')::date) FILTER (
        WHERE data ? 'ladder' AND (data->'ladder'->>'laatste')::int >= (data->'ladder'->>'eerste')::int + 1
          AND (data->'ladder'->>'laatsteDatum')::date <= ((data->'ladder'->>'eersteDatum')::date + interval '12 months')::date) AS gestegen,
      (array_agg(data->'zrm'->'financien' ORDER BY nr DESC) FILTER (WHERE data->'zrm' ? 'financien'))[1] AS zrm
    FROM f GROUP BY onderwerp
  ),
  -- An evaluation is on time when no evaluation deadline passed since the previous evaluation.
  evaluatie AS (
    SELECT datum, data, c - coalesce(lag(c) OVER (PARTITION BY onderwerp ORDER BY nr), 0) AS te_laat FROM (
      SELECT nr, soort, onderwerp, datum, data,
             count(*) FILTER (WHERE soort = 'traject.termijn-verlopen') OVER (PARTITION BY onderwerp ORDER BY nr) AS c
      FROM f WHERE soort = 'traject.evaluatie' OR soort = 'traject.termijn-verlopen' AND data->>'termijn' = 'evaluatie'
    ) e WHERE soort = 'traject.evaluatie'
  ),
  caseload AS (
    SELECT coach_org, count(*) AS n FROM traject WHERE aangemeld IS NOT NULL AND uitval_op IS NULL AND NOT afgesloten AND coach IS NOT NULL AND coach_org IS NOT NULL
    GROUP BY coach_org, coach
  ),
  cel AS (
    SELECT 'bereik' AS indicator, m.meting, '-' AS categorie, coalesce(partner, 'onbekend') AS partner, to_char(aangemeld, 'YYYY-MM') AS maand
    FROM traject CROSS JOIN LATERAL (VALUES ('aangemeld', true), ('bereikt', bereikt), ('intake', intake), ('actief', actief)) AS m(meting, telt)
    WHERE aangemeld IS NOT NULL AND m.telt
    UNION ALL
    SELECT 'uitval', 'uitgevallen', uitval_reden, uitval_partner, to_char(uitval_op, 'YYYY-MM') FROM traject WHERE uitval_op IS NOT NULL
    UNION ALL
    SELECT 'ladder-stijging', m.meting, '-', coalesce(partner, regie, 'onbekend'), to_char(ladder_datum, 'YYYY-MM')
    FROM traject CROSS JOIN LATERAL (VALUES ('noemer', true), ('teller', gestegen IS NOT NULL)) AS m(meting, telt)
    WHERE ladder_datum IS NOT NULL AND m.telt AND (gestegen IS NOT NULL OR (ladder_datum + interval '12 months')::date <= $1::date)
    UNION ALL
    SELECT 'zrm-verbetering', m.meting, 'financien', coalesce(coach_org, regie, 'onbekend'), to_char((zrm->>'laatsteDatum')::date, 'YYYY-MM')
    FROM traject CROSS JOIN LATERAL (VALUES ('noemer', true), ('teller', (zrm->>'laatste')::int > (zrm->>'eerste')::int)) AS m(meting, telt)
    WHERE zrm IS NOT NULL AND m.telt
    UNION ALL
    SELECT 'evaluaties-op-tijd', m.meting, '-', coalesce(data->>'coachOrganisatie', data->>'regieOrganisatie', 'onbekend'), to_char(datum, 'YYYY-MM')
    FROM evaluatie CROSS JOIN LATERAL (VALUES ('noemer', true), ('teller', te_laat = 0)) AS m(meting, telt)
    WHERE m.telt
    UNION ALL
    SELECT 'caseload', 'professionals',
           CASE WHEN n <= 10 THEN '1-10' WHEN n <= 20 THEN '11-20' WHEN n <= 30 THEN '21-30' WHEN n <= 40 THEN '31-40' ELSE '41+' END,
           coach_org, to_char($1::date, 'YYYY-MM')
    FROM caseload
    UNION ALL
    SELECT 'toestemmingen', substring(soort from 13), '-', coalesce(data->>'organisatie', 'onbekend'), to_char(datum, 'YYYY-MM')
    FROM monitoring.feit WHERE soort IN ('toestemming.gegeven', 'toestemming.ingetrokken')
  )
  SELECT indicator, meting, categorie, partner, maand, count(*)::int AS aantal FROM cel GROUP BY 1, 2, 3, 4, 5`;

type Rij = { indicator: string; meting: string; categorie: string; partner: string; maand: string; aantal: number };
const sleutel = (r: Omit<Rij, 'aantal'>) => `${r.indicator}|${r.meting}|${r.categorie}|${r.partner}|${r.maand}`;

async function main(): Promise<void> {
  const db = await createTestDatabase();
  // No statement timeout: loading a slice, building an index and the SQL baseline take longer than a request may.
  const ds = await openDatabase({
    url: db.url,
    schema: 'monitoring',
    migrations: MONITORING_MIGRATIONS,
    poolSize: 4,
    statementTimeoutMs: 0,
  });
  const uitkomst: Record<string, unknown> = { trajecten: TRAJECTEN, database: await databaseLabel(db.url), loadavgStart: loadavg().map((l) => +l.toFixed(1)) };
  try {
    // 1. The region, in slices of 10,000 trajecten (one set-based statement each, two at a time: each
    // traject lies in one slice, so its facts keep their order). During the load only, the table is
    // UNLOGGED and its secondary indexes are dropped (as a bulk load would); it is made LOGGED again
    // and the indexes are built before anything is measured, so the rebuild and the baseline read
    // an ordinary table.
    const indexen = (await ds.query(
      `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'monitoring' AND tablename = 'feit' AND indexname NOT LIKE '%pkey'`,
    )) as { indexname: string; indexdef: string }[];
    const fasen: Record<string, number> = {};
    const [, genereerMs] = await tijd(async () => {
      const uniek = (await ds.query(`SELECT conname FROM pg_constraint WHERE conrelid = 'monitoring.feit'::regclass AND contype = 'u'`)) as {
        conname: string;
      }[];
      for (const c of uniek) await ds.query(`ALTER TABLE monitoring.feit DROP CONSTRAINT "${c.conname}"`);
      for (const i of indexen) await ds.query(`DROP INDEX IF EXISTS monitoring."${i.indexname}"`);
      await ds.query('ALTER TABLE monitoring.feit SET UNLOGGED');
      const slices: [number, number][] = [];
      for (let van = 1; van <= TRAJECTEN; van += 10_000) slices.push([van, Math.min(TRAJECTEN, van + 9_999)]);
      const [, laadMs] = await tijd(() =>
        Promise.all(
          [0, 1].map(async (k) => {
            for (let j = k; j < slices.length; j += 2)
              await ds.transaction(async (m) => {
                await m.query("SET LOCAL work_mem = '64MB'");
                await m.query(GENEREER, slices[j]);
              });
          }),
        ),
      );
      const [, loggedMs] = await tijd(() => ds.query('ALTER TABLE monitoring.feit SET LOGGED'));
      const [, indexMs] = await tijd(async () => {
        for (const c of uniek) await ds.query(`ALTER TABLE monitoring.feit ADD CONSTRAINT "${c.conname}" UNIQUE (id)`);
        for (const i of indexen) if (!uniek.some((c) => c.conname === i.indexname)) await ds.query(i.indexdef);
        await ds.query('ANALYZE monitoring.feit');
      });
      Object.assign(fasen, { laadUnloggedS: s(laadMs), setLoggedS: s(loggedMs), indexenS: s(indexMs) });
    });
    const [{ n: feiten }] = (await ds.query('SELECT count(*)::int AS n FROM monitoring.feit')) as { n: number }[];
    Object.assign(uitkomst, { feiten, genereerS: s(genereerMs), genereer: fasen });
    console.log(`generated ${feiten} facts of ${TRAJECTEN} trajecten in ${s(genereerMs)} s ${JSON.stringify(fasen)}`);

    const repository = new SqlProjectieRepository(ds);
    const instellingen = { actief: false, intervalMs: 1000, paginaGrootte: 500 };
    const berekening = new IndicatorBerekening(repository);

    // (a) The real rebuild: stands and stored cells computed set-based from every fact, then the figures read from the cells.
    const [standen, herbouwMs] = await tijd(() => new ProjectieService(repository, [], instellingen).herbouw());
    const [rapport, indicatorenMs] = await tijd(() => berekening.bereken({ periode: 'kwartaal' }, PEILDATUM));
    const echtMs = herbouwMs + indicatorenMs;
    console.log(`rebuild: ${standen} stands in ${s(herbouwMs)} s, indicators in ${s(indicatorenMs)} s (${rapport.indicatoren.length} indicators)`);

    // (b) The baseline: one hand-written SQL statement over the same facts.
    const [basislijn, sqlMs] = await tijd(async () => (await ds.query(BASISLIJN, [PEILDATUM])) as Rij[]);
    console.log(`SQL baseline: ${basislijn.length} base cells in ${s(sqlMs)} s`);

    // The baseline is the same aggregation: its base cells equal the real path's (not timed).
    const echt = await berekening.basiscellen(PEILDATUM);
    const verwacht = new Map(echt.map((c) => [sleutel(c), c.aantal]));
    const verschil = basislijn.filter((r) => verwacht.get(sleutel(r)) !== r.aantal);
    if (verschil.length > 0 || basislijn.length !== echt.length)
      throw new Error(`the SQL baseline differs from the real path: ${basislijn.length} vs ${echt.length} cells, e.g. ${JSON.stringify(verschil.slice(0, 3))}`);

    // (c) Incremental: the consumer runs in the background; facts stream in; probes are timed until visible.
    const uitgaand: Feit[] = [];
    const bron: FeedBron = {
      naam: 'bench',
      pagina: async (na, max) => ({ feiten: uitgaand.slice(na, na + max), laatste: Math.min(uitgaand.length, na + max) }),
    };
    const consument = new ProjectieService(repository, [bron], { ...instellingen, actief: true });
    consument.onApplicationBootstrap();
    let stroomt = true;
    let gestroomd = 0;
    const stroom = (async () => {
      const perTik = Math.max(1, Math.round(STROOM_PER_S / 10));
      while (stroomt) {
        for (let k = 0; k < perTik; k++) {
          const i = 1 + Math.floor(Math.random() * TRAJECTEN);
          uitgaand.push({
            id: randomUUID(),
            soort: 'traject.coach-toegewezen',
            onderwerp: `bench-${i}`,
            datum: PEILDATUM,
            data: { coach: `coach-${i % 6000}` },
          });
        }
        gestroomd += perTik;
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    const latenties: number[] = [];
    for (let p = 0; p < PROBES; p++) {
      await new Promise((r) => setTimeout(r, 1500));
      const partner = `probe-${p}`;
      const start = performance.now();
      for (let k = 0; k < 5; k++)
        uitgaand.push({
          id: randomUUID(),
          soort: 'traject.aangemeld',
          onderwerp: `probe-${p}-${k}`,
          datum: '2030-01-15',
          data: { programma: 'werkfit', regieOrganisatie: partner },
        });
      for (;;) {
        const r = await berekening.bereken(
          { periode: 'maand', vanMaand: '2030-01', totMaand: '2030-01', indicatoren: ['bereik'], partners: [partner] },
          PEILDATUM,
        );
        if (r.indicatoren[0].cellen.some((c) => c.partner === partner && c.meting === 'aangemeld' && c.waarde === 5)) break;
        if (performance.now() - start > PROBE_MAX_MS) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      latenties.push(performance.now() - start);
      console.log(`probe ${p}: visible after ${s(latenties.at(-1) ?? 0)} s (${uitgaand.length} facts appended so far)`);
    }
    stroomt = false;
    await stroom;
    await consument.onApplicationShutdown();
    latenties.sort((a, b) => a - b);

    Object.assign(uitkomst, {
      herbouwS: s(herbouwMs),
      indicatorenS: s(indicatorenMs),
      rebuildS: s(echtMs),
      sqlBaselineS: s(sqlMs),
      ratioRebuildToSql: +(echtMs / sqlMs).toFixed(2),
      goalRatio: 2,
      baseCells: basislijn.length,
      incremental: {
        probes: latenties.length,
        streamedFactsPerS: STROOM_PER_S,
        streamedFacts: gestroomd,
        latencyS: latenties.map(s),
        maxS: s(latenties.at(-1) ?? 0),
        goalS: 5,
      },
      loadavgEnd: loadavg().map((l) => +l.toFixed(1)),
    });
    console.log(JSON.stringify(uitkomst, null, 2));
  } finally {
    await ds.destroy();
    await db.dispose();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
