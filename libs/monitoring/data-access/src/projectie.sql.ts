/**
 * The projection's rebuild, set-based in SQL: the traject stands as `pasToe` folds them, and the
 * stored cells as `cellenVanStand` / `cellenVanFeit` count them (monitoring-domain). The
 * repository spec checks both against the incremental path over the same facts.
 *
 * "The last value up to a fact" (what `pasToe` carries along) is a running `max` over
 * `lpad(nr) || value` in the traject's order of receipt (`COLLATE "C"`: byte order).
 */
const laatste = (waarde: string) => `(lpad(nr::text, 19, '0') || (${waarde})) COLLATE "C"`;
const string = (pad: string) => `CASE WHEN jsonb_typeof(${pad}) = 'string' THEN ${pad} #>> '{}' END`;
const dag = (kolom: string) => `to_char(${kolom}, 'YYYY-MM-DD')`;

/** Every traject stand from the stored facts (into an empty `monitoring.traject_stand`). */
export const STANDEN_UIT_FEITEN = `
  INSERT INTO monitoring.traject_stand (traject_id, stand)
  WITH f AS (
    SELECT nr, onderwerp, soort, datum,
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
    FROM monitoring.feit WHERE soort LIKE 'traject.%'
  ),
  -- Per fact, in the traject's order: the organisations as of that fact, the previous ladder
  -- score's first date, the last passed evaluation deadline and the previous evaluation.
  w1 AS (
    SELECT f.*,
      substr(max(${laatste('regie')}) OVER w, 20) AS regie_nu,
      substr(max(${laatste('coach_org')}) OVER w, 20) AS coach_org_nu,
      substr(max(${laatste("ladder->>'eersteDatum'")}) OVER wv, 20) AS vorige_ladder_datum,
      max(nr) FILTER (WHERE termijn) OVER w AS laatste_termijn,
      max(nr) FILTER (WHERE soort = 'traject.evaluatie') OVER wv AS vorige_evaluatie
    FROM f
    WINDOW w AS (PARTITION BY onderwerp ORDER BY nr ROWS UNBOUNDED PRECEDING),
           wv AS (PARTITION BY onderwerp ORDER BY nr ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
  ),
  -- A ladder run starts at a score whose first date differs from the previous score's; its basis is that score's first rung.
  w2 AS (
    SELECT w1.*, ladder IS NOT NULL AND (vorige_ladder_datum IS NULL OR vorige_ladder_datum <> ladder->>'eersteDatum') AS run_start FROM w1
  ),
  w3 AS (
    SELECT w2.*,
      max(nr) FILTER (WHERE run_start) OVER w AS run_nr,
      substr(max(${laatste("ladder->>'eerste'")}) FILTER (WHERE run_start) OVER w, 20)::numeric AS run_eerste
    FROM w2
    WINDOW w AS (PARTITION BY onderwerp ORDER BY nr ROWS UNBOUNDED PRECEDING)
  ),
  t AS (
    SELECT onderwerp,
      substr(max(${laatste('programma')}), 20) AS programma,
      substr(max(${laatste('regie')}), 20) AS regie,
      substr(max(${laatste('coach_org')}), 20) AS coach_org,
      substr(max(${laatste('coach')}), 20) AS coach,
      substr(max(${laatste(`jsonb_build_array(${dag('datum')}, regie_nu)::text`)}) FILTER (WHERE soort = 'traject.aangemeld'), 20)::jsonb AS aanmelding,
      ${dag("min(datum) FILTER (WHERE naar IN ('kennismaking', 'diagnose', 'plan-van-aanpak', 'uitvoering', 'afronding', 'nazorg'))")} AS bereikt,
      ${dag("min(datum) FILTER (WHERE naar IN ('diagnose', 'plan-van-aanpak', 'uitvoering', 'afronding', 'nazorg'))")} AS intake,
      ${dag("min(datum) FILTER (WHERE naar IN ('uitvoering', 'afronding', 'nazorg'))")} AS actief,
      substr(max(${laatste(`jsonb_build_object('datum', ${dag('datum')}, 'reden', reden, 'partner', coalesce(regie_nu, 'onbekend'))::text`)})
        FILTER (WHERE soort = 'traject.uitgevallen'), 20)::jsonb AS uitval,
      substr(max(${laatste(dag('datum'))}) FILTER (WHERE soort = 'traject.afgesloten'), 20) AS afgesloten,
      substr(max(${laatste('soort')}) FILTER (WHERE soort IN ('traject.gepauzeerd', 'traject.hervat', 'traject.afgesloten')), 20) AS pauze,
      max(nr) FILTER (WHERE run_start) AS laatste_run,
      substr(max(${laatste("jsonb_build_array(ladder->'eerste', ladder->'eersteDatum')::text")}) FILTER (WHERE run_start), 20)::jsonb AS ladder_basis,
      -- The first score of each run that stood ≥ 1 rung above the run's first within 12 months; the last run's counts.
      max((lpad(run_nr::text, 19, '0') || lpad((9000000000000000000 - nr)::text, 19, '0') || (ladder->>'laatsteDatum')) COLLATE "C") FILTER (
        WHERE ladder IS NOT NULL AND (ladder->>'laatste')::numeric >= run_eerste + 1
          AND (ladder->>'laatsteDatum')::date <= ((ladder->>'eersteDatum')::date + interval '12 months')::date) AS gestegen,
      coalesce(jsonb_object_agg(z.domein, jsonb_build_object('eerste', z.w->'eerste', 'laatste', z.w->'laatste', 'laatsteDatum', z.w->'laatsteDatum') ORDER BY nr)
        FILTER (WHERE z.domein IS NOT NULL), '{}'::jsonb) AS zrm,
      coalesce(jsonb_agg(jsonb_build_object('datum', ${dag('datum')}, 'opTijd', laatste_termijn IS NULL OR laatste_termijn < coalesce(vorige_evaluatie, 0),
                                            'partner', coalesce(coach_org_nu, regie_nu, 'onbekend')) ORDER BY nr)
        FILTER (WHERE soort = 'traject.evaluatie'), '[]'::jsonb) AS evaluaties,
      coalesce(max(nr) FILTER (WHERE termijn) > coalesce(max(nr) FILTER (WHERE soort = 'traject.evaluatie'), 0), false) AS te_laat
    FROM w3
    LEFT JOIN LATERAL (
      SELECT key AS domein, value AS w FROM jsonb_each(w3.zrm)
      WHERE jsonb_typeof(value->'eerste') = 'number' AND jsonb_typeof(value->'laatste') = 'number' AND jsonb_typeof(value->'laatsteDatum') = 'string'
    ) z ON true
    GROUP BY onderwerp
  )
  SELECT onderwerp, jsonb_strip_nulls(jsonb_build_object(
    'trajectId', onderwerp, 'programma', programma, 'aanmeldPartner', aanmelding->>1, 'aangemeldOp', aanmelding->>0,
    'bereiktOp', bereikt, 'intakeOp', intake, 'actiefOp', actief, 'uitval', uitval, 'afgeslotenOp', afgesloten,
    'gepauzeerd', coalesce(pauze = 'traject.gepauzeerd', false),
    'regieOrganisatie', regie, 'coachOrganisatie', coach_org, 'coach', coach,
    'ladder', CASE WHEN ladder_basis IS NOT NULL THEN jsonb_build_object('eerste', ladder_basis->0, 'eersteDatum', ladder_basis->1,
      'gestegenOp', CASE WHEN left(gestegen, 19)::bigint = laatste_run THEN substr(gestegen, 39) END) END,
    'zrm', zrm, 'evaluaties', evaluaties, 'evaluatieTeLaat', te_laat))
  FROM t`;

/** Every stored cell from the traject stands and the consent facts (into an empty `monitoring.basiscel`). */
export const CELLEN_UIT_STANDEN = `
  INSERT INTO monitoring.basiscel (indicator, meting, categorie, partner, maand, dag, programma, aantal)
  SELECT indicator, meting, categorie, partner, maand, dag, programma, count(*) FROM (
    SELECT 'bereik' AS indicator, m.meting, '-' AS categorie, coalesce(stand->>'aanmeldPartner', 'onbekend') AS partner,
           left(stand->>'aangemeldOp', 7) AS maand, '' AS dag, coalesce(stand->>'programma', '') AS programma
    FROM monitoring.traject_stand
    CROSS JOIN LATERAL (VALUES ('aangemeld', true), ('bereikt', stand ? 'bereiktOp'), ('intake', stand ? 'intakeOp'), ('actief', stand ? 'actiefOp')) AS m(meting, telt)
    WHERE stand ? 'aangemeldOp' AND m.telt
    UNION ALL
    SELECT 'uitval', 'uitgevallen', stand->'uitval'->>'reden', stand->'uitval'->>'partner', left(stand->'uitval'->>'datum', 7), '', coalesce(stand->>'programma', '')
    FROM monitoring.traject_stand WHERE stand ? 'uitval'
    UNION ALL
    SELECT 'ladder-stijging', CASE WHEN stand->'ladder' ? 'gestegenOp' THEN 'gestegen' ELSE 'niet-gestegen' END, '-',
           coalesce(stand->>'aanmeldPartner', stand->>'regieOrganisatie', 'onbekend'), left(stand->'ladder'->>'eersteDatum', 7),
           CASE WHEN stand->'ladder' ? 'gestegenOp' THEN '' ELSE stand->'ladder'->>'eersteDatum' END, coalesce(stand->>'programma', '')
    FROM monitoring.traject_stand WHERE stand ? 'ladder'
    UNION ALL
    SELECT 'zrm-verbetering', m.meting, z.domein, coalesce(stand->>'coachOrganisatie', stand->>'regieOrganisatie', 'onbekend'),
           left(z.w->>'laatsteDatum', 7), '', coalesce(stand->>'programma', '')
    FROM monitoring.traject_stand
    CROSS JOIN LATERAL jsonb_each(stand->'zrm') AS z(domein, w)
    CROSS JOIN LATERAL (VALUES ('noemer', true), ('teller', (z.w->>'laatste')::numeric > (z.w->>'eerste')::numeric)) AS m(meting, telt)
    WHERE m.telt
    UNION ALL
    SELECT 'evaluaties-op-tijd', m.meting, '-', e->>'partner', left(e->>'datum', 7), '', coalesce(stand->>'programma', '')
    FROM monitoring.traject_stand
    CROSS JOIN LATERAL jsonb_array_elements(stand->'evaluaties') AS e
    CROSS JOIN LATERAL (VALUES ('noemer', true), ('teller', (e->>'opTijd')::boolean)) AS m(meting, telt)
    WHERE m.telt
    UNION ALL
    SELECT 'caseload', 'lopend', stand->>'coach', stand->>'coachOrganisatie', '', '', coalesce(stand->>'programma', '')
    FROM monitoring.traject_stand
    WHERE stand ? 'aangemeldOp' AND NOT stand ? 'uitval' AND NOT stand ? 'afgeslotenOp'
      AND coalesce(stand->>'coach', '') <> '' AND coalesce(stand->>'coachOrganisatie', '') <> ''
    UNION ALL
    SELECT 'toestemmingen', substring(soort from 13), '-', coalesce(${string("data->'organisatie'")}, 'onbekend'), to_char(datum, 'YYYY-MM'), '', ''
    FROM monitoring.feit WHERE soort IN ('toestemming.gegeven', 'toestemming.ingetrokken')
  ) c
  GROUP BY indicator, meting, categorie, partner, maand, dag, programma`;
