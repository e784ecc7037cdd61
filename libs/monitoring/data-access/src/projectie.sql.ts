/**
 * The projection's rebuild, set-based in SQL: the traject stands as `pasToe` folds them, and the
 * stored cells as `cellenVanStand` / `cellenVanFeit` count them (monitoring-domain). The
 * repository spec checks both against the incremental path over the same facts.
 *
 * The stands take one sort of the traject facts (by traject, in order of receipt) and one pass
 * over it: a window carries what `pasToe` reads "as of" a fact (the organisations, as running counts
 * that point into the traject's arrays of them; the number of evaluation deadlines passed), one
 * aggregate per traject collects the rest in order, and a few
 * small steps per traject finish what depends on more than one fact (the last ladder run, the
 * evaluations' timeliness, the ZRM scores). `$S.` is the schema (`SchemaSql`, `inSchema`).
 */
const string = (pad: string) => `CASE WHEN jsonb_typeof(${pad}) = 'string' THEN ${pad} #>> '{}' END`;
const dag = (kolom: string) => `to_char(${kolom}, 'YYYY-MM-DD')`;
/** The last element of an array aggregated in order. */
const laatste = (lijst: string) => `${lijst}[cardinality(${lijst})]`;
const geldigeZrm = (w: string) =>
  `jsonb_typeof(${w}->'eerste') = 'number' AND jsonb_typeof(${w}->'laatste') = 'number' AND jsonb_typeof(${w}->'laatsteDatum') = 'string'`;
const zrmScore = (w: string) => `jsonb_build_object('eerste', ${w}->'eerste', 'laatste', ${w}->'laatste', 'laatsteDatum', ${w}->'laatsteDatum')`;

/** Every traject stand from the stored facts (into an empty `$S.traject_stand`). */
export const STANDEN_UIT_FEITEN = `
  INSERT INTO $S.traject_stand (traject_id, stand)
  WITH f AS (
    -- Only the fields the folding reads, extracted before the sort (OFFSET 0: the sort carries these, not every fact's JSON);
    -- the traject in byte order (COLLATE "C": the sort, the window and the aggregate compare bytes, not the locale's collation).
    SELECT nr, onderwerp COLLATE "C" AS onderwerp, soort, datum,
      ${string("data->'programma'")} AS programma,
      ${string("data->'regieOrganisatie'")} AS regie,
      ${string("data->'coachOrganisatie'")} AS coach_org,
      ${string("data->'coach'")} AS coach,
      CASE WHEN soort = 'traject.fase-gewijzigd' THEN ${string("data->'naar'")} END AS naar,
      CASE WHEN soort = 'traject.uitgevallen' THEN coalesce(${string("data->'reden'")}, 'onbekend') END AS reden,
      soort = 'traject.termijn-verlopen' AND data->'termijn' = '"evaluatie"'::jsonb AS termijn,
      CASE WHEN soort = 'traject.meting' AND jsonb_typeof(data->'ladder'->'eerste') = 'number' AND jsonb_typeof(data->'ladder'->'eersteDatum') = 'string'
             AND jsonb_typeof(data->'ladder'->'laatste') = 'number' AND jsonb_typeof(data->'ladder'->'laatsteDatum') = 'string' THEN data->'ladder' END AS ladder,
      CASE WHEN soort = 'traject.meting' AND jsonb_typeof(data->'zrm') = 'object' THEN data->'zrm' END AS zrm
    FROM $S.feit WHERE soort LIKE 'traject.%'
    OFFSET 0
  ),
  -- Per fact, in the traject's order: the organisations as of that fact (as the number of values up to it: the index of the last one
  -- in the traject's array of values below) and the evaluation deadlines passed up to it.
  w AS (
    SELECT f.*, count(regie) OVER w AS regie_nu, count(coach_org) OVER w AS coach_org_nu, count(*) FILTER (WHERE termijn) OVER w AS termijnen
    FROM f
    WINDOW w AS (PARTITION BY onderwerp ORDER BY nr ROWS UNBOUNDED PRECEDING)
  ),
  -- Per traject, in the same order (the aggregates need no sort of their own).
  t AS (
    SELECT onderwerp,
      array_agg(programma ORDER BY nr) FILTER (WHERE programma IS NOT NULL) AS programma,
      array_agg(regie ORDER BY nr) FILTER (WHERE regie IS NOT NULL) AS regie,
      array_agg(coach_org ORDER BY nr) FILTER (WHERE coach_org IS NOT NULL) AS coach_org,
      array_agg(coach ORDER BY nr) FILTER (WHERE coach IS NOT NULL) AS coach,
      array_agg(datum ORDER BY nr) FILTER (WHERE soort = 'traject.aangemeld') AS aangemeld,
      array_agg(regie_nu ORDER BY nr) FILTER (WHERE soort = 'traject.aangemeld') AS aanmeld_partner,
      min(datum) FILTER (WHERE naar IN ('kennismaking', 'diagnose', 'plan-van-aanpak', 'uitvoering', 'afronding', 'nazorg')) AS bereikt,
      min(datum) FILTER (WHERE naar IN ('diagnose', 'plan-van-aanpak', 'uitvoering', 'afronding', 'nazorg')) AS intake,
      min(datum) FILTER (WHERE naar IN ('uitvoering', 'afronding', 'nazorg')) AS actief,
      array_agg(jsonb_build_object('datum', ${dag('datum')}, 'reden', reden) ORDER BY nr) FILTER (WHERE soort = 'traject.uitgevallen') AS uitval,
      array_agg(regie_nu ORDER BY nr) FILTER (WHERE soort = 'traject.uitgevallen') AS uitval_partner,
      array_agg(datum ORDER BY nr) FILTER (WHERE soort = 'traject.afgesloten') AS afgesloten,
      array_agg(soort ORDER BY nr) FILTER (WHERE soort IN ('traject.gepauzeerd', 'traject.hervat', 'traject.afgesloten')) AS pauze,
      -- The valid ladder scores.
      array_agg(ladder->'eerste' ORDER BY nr) FILTER (WHERE ladder IS NOT NULL) AS ladder_eerste,
      array_agg(ladder->>'eersteDatum' ORDER BY nr) FILTER (WHERE ladder IS NOT NULL) AS ladder_datum,
      array_agg((ladder->>'laatste')::numeric ORDER BY nr) FILTER (WHERE ladder IS NOT NULL) AS ladder_laatste,
      array_agg(ladder->>'laatsteDatum' ORDER BY nr) FILTER (WHERE ladder IS NOT NULL) AS ladder_laatste_datum,
      -- The ZRM objects, and their entries as one text (jsonb keeps the last of a repeated key).
      array_agg(zrm ORDER BY nr) FILTER (WHERE zrm IS NOT NULL) AS zrm,
      string_agg(left(substr(zrm::text, 2), -1), ',' ORDER BY nr) FILTER (WHERE zrm <> '{}'::jsonb) AS zrm_tekst,
      array_agg(datum ORDER BY nr) FILTER (WHERE soort = 'traject.evaluatie') AS evaluatie_datum,
      array_agg(coach_org_nu ORDER BY nr) FILTER (WHERE soort = 'traject.evaluatie') AS evaluatie_coach_org,
      array_agg(regie_nu ORDER BY nr) FILTER (WHERE soort = 'traject.evaluatie') AS evaluatie_regie,
      array_agg(termijnen ORDER BY nr) FILTER (WHERE soort = 'traject.evaluatie') AS evaluatie_termijnen,
      coalesce(max(nr) FILTER (WHERE termijn) > coalesce(max(nr) FILTER (WHERE soort = 'traject.evaluatie'), 0), false) AS te_laat
    FROM w GROUP BY onderwerp
  )
  SELECT onderwerp, jsonb_strip_nulls(jsonb_build_object(
    'trajectId', onderwerp, 'programma', ${laatste('programma')}, 'aanmeldPartner', regie[${laatste('aanmeld_partner')}],
    'aangemeldOp', ${dag(laatste('aangemeld'))}, 'bereiktOp', ${dag('bereikt')}, 'intakeOp', ${dag('intake')}, 'actiefOp', ${dag('actief')},
    'uitval', ${laatste('uitval')} || jsonb_build_object('partner', coalesce(regie[${laatste('uitval_partner')}], 'onbekend')),
    'afgeslotenOp', ${dag(laatste('afgesloten'))}, 'gepauzeerd', coalesce(${laatste('pauze')} = 'traject.gepauzeerd', false),
    'regieOrganisatie', ${laatste('regie')}, 'coachOrganisatie', ${laatste('coach_org')}, 'coach', ${laatste('coach')},
    -- The last run of scores with the same first date: its first score is the basis; it rose at the first score in it ≥ 1 rung higher within 12 months.
    'ladder', CASE WHEN run.start IS NOT NULL THEN jsonb_build_object('eerste', ladder_eerste[run.start], 'eersteDatum', ladder_datum[run.start],
      'gestegenOp', ladder_laatste_datum[(SELECT min(i) FROM generate_series(run.start, cardinality(ladder_datum)) AS i
                     WHERE ladder_laatste[i] >= (ladder_eerste[run.start] #>> '{}')::numeric + 1
                       AND ladder_laatste_datum[i]::date <= (ladder_datum[run.start]::date + interval '12 months')::date)]) END,
    -- Per domain the last valid score: from the joined text when its last entries are valid, else entry by entry.
    'zrm', coalesce(zrm_snel.scores, (
      SELECT coalesce(jsonb_object_agg(z.domein, ${zrmScore('z.w')} ORDER BY o.i), '{}'::jsonb)
      FROM unnest(t.zrm) WITH ORDINALITY AS o(scores, i) CROSS JOIN LATERAL jsonb_each(o.scores) AS z(domein, w)
      WHERE ${geldigeZrm('z.w')})),
    -- On time: no evaluation deadline passed since the previous evaluation.
    'evaluaties', coalesce((
      SELECT jsonb_agg(jsonb_build_object('datum', ${dag('e.datum')}, 'opTijd', e.termijnen = coalesce(evaluatie_termijnen[e.i - 1], 0),
        'partner', coalesce(t.coach_org[e.coach_org], t.regie[e.regie], 'onbekend')) ORDER BY e.i)
      FROM unnest(evaluatie_datum, evaluatie_coach_org, evaluatie_regie, evaluatie_termijnen) WITH ORDINALITY AS e(datum, coach_org, regie, termijnen, i)), '[]'::jsonb),
    'evaluatieTeLaat', te_laat))
  FROM t
  LEFT JOIN LATERAL (
    SELECT coalesce(max(i) FILTER (WHERE d <> ${laatste('ladder_datum')}), 0) + 1 AS start FROM unnest(ladder_datum) WITH ORDINALITY AS l(d, i) HAVING count(*) > 0
  ) run ON true
  LEFT JOIN LATERAL (
    SELECT coalesce(jsonb_object_agg(domein, ${zrmScore('w')}), '{}'::jsonb) AS scores
    FROM jsonb_each(('{' || coalesce(zrm_tekst, '') || '}')::jsonb) AS z(domein, w)
    HAVING coalesce(bool_and((${geldigeZrm('w')}) IS TRUE), true)
  ) zrm_snel ON true`;

/** Every stored cell from the traject stands and the consent facts (into an empty `$S.basiscel`). */
export const CELLEN_UIT_STANDEN = `
  INSERT INTO $S.basiscel (indicator, meting, categorie, partner, maand, dag, programma, aantal)
  SELECT indicator, meting, categorie, partner, maand, dag, programma, count(*) FROM (
    SELECT 'bereik' AS indicator, m.meting, '-' AS categorie, coalesce(stand->>'aanmeldPartner', 'onbekend') AS partner,
           left(stand->>'aangemeldOp', 7) AS maand, '' AS dag, coalesce(stand->>'programma', '') AS programma
    FROM $S.traject_stand
    CROSS JOIN LATERAL (VALUES ('aangemeld', true), ('bereikt', stand ? 'bereiktOp'), ('intake', stand ? 'intakeOp'), ('actief', stand ? 'actiefOp')) AS m(meting, telt)
    WHERE stand ? 'aangemeldOp' AND m.telt
    UNION ALL
    SELECT 'uitval', 'uitgevallen', stand->'uitval'->>'reden', stand->'uitval'->>'partner', left(stand->'uitval'->>'datum', 7), '', coalesce(stand->>'programma', '')
    FROM $S.traject_stand WHERE stand ? 'uitval'
    UNION ALL
    SELECT 'ladder-stijging', CASE WHEN stand->'ladder' ? 'gestegenOp' THEN 'gestegen' ELSE 'niet-gestegen' END, '-',
           coalesce(stand->>'aanmeldPartner', stand->>'regieOrganisatie', 'onbekend'), left(stand->'ladder'->>'eersteDatum', 7),
           CASE WHEN stand->'ladder' ? 'gestegenOp' THEN '' ELSE stand->'ladder'->>'eersteDatum' END, coalesce(stand->>'programma', '')
    FROM $S.traject_stand WHERE stand ? 'ladder'
    UNION ALL
    SELECT 'zrm-verbetering', m.meting, z.domein, coalesce(stand->>'coachOrganisatie', stand->>'regieOrganisatie', 'onbekend'),
           left(z.w->>'laatsteDatum', 7), '', coalesce(stand->>'programma', '')
    FROM $S.traject_stand
    CROSS JOIN LATERAL jsonb_each(stand->'zrm') AS z(domein, w)
    CROSS JOIN LATERAL (VALUES ('noemer', true), ('teller', (z.w->>'laatste')::numeric > (z.w->>'eerste')::numeric)) AS m(meting, telt)
    WHERE m.telt
    UNION ALL
    SELECT 'evaluaties-op-tijd', m.meting, '-', e->>'partner', left(e->>'datum', 7), '', coalesce(stand->>'programma', '')
    FROM $S.traject_stand
    CROSS JOIN LATERAL jsonb_array_elements(stand->'evaluaties') AS e
    CROSS JOIN LATERAL (VALUES ('noemer', true), ('teller', (e->>'opTijd')::boolean)) AS m(meting, telt)
    WHERE m.telt
    UNION ALL
    SELECT 'caseload', 'lopend', stand->>'coach', stand->>'coachOrganisatie', '', '', coalesce(stand->>'programma', '')
    FROM $S.traject_stand
    WHERE stand ? 'aangemeldOp' AND NOT stand ? 'uitval' AND NOT stand ? 'afgeslotenOp'
      AND coalesce(stand->>'coach', '') <> '' AND coalesce(stand->>'coachOrganisatie', '') <> ''
    UNION ALL
    SELECT 'toestemmingen', substring(soort from 13), '-', coalesce(${string("data->'organisatie'")}, 'onbekend'), to_char(datum, 'YYYY-MM'), '', ''
    FROM $S.feit WHERE soort IN ('toestemming.gegeven', 'toestemming.ingetrokken')
  ) c
  GROUP BY indicator, meting, categorie, partner, maand, dag, programma`;
