import type { TijdlijnGebeurtenis, TrajectOverzicht } from '@ketenregie/traject-contracts';
import type { DataSource } from 'typeorm';
import { OUTBOX_VOLGORDE_SQL } from '@ketenregie/shared-platform';
import type {
  BetrokkenheidRegel,
  DoelgroepToets,
  GepubliceerdFeit,
  SignaalGebeurtenis,
  TrajectBetrokkenheid,
  TrajectRegistratie,
  UitgaandTrajectFeit,
  ZichtbaarTraject,
} from '@ketenregie/traject-domain';
import type { Gegevenskluis } from '@ketenregie/shared-crypto';
import { isKluisdata, isUuid, openbaarOverzicht, TRAJECT_DOELEN, TrajectSql, type Uitvoerder } from './traject.sql';

/** traject id → deelnemer id (never changes), for the overview's key. */
const deelnemerVanTraject = new Map<string, string>();
/** A row of `tijdlijn_gebeurtenis` as the timeline reads it. */
interface TijdlijnRij {
  nr: number;
  datum: string;
  soort: TijdlijnGebeurtenis['soort'];
  fase: TijdlijnGebeurtenis['fase'];
  gegevens: TijdlijnGebeurtenis['gegevens'];
  gegevens_versleuteld: Buffer | null;
}

/**
 * Trajecten, their overview projection and their timeline. With a key store, an overview's
 * progress (scores) and every timeline event's data are stored encrypted with the deelnemer's key.
 */
export class SqlTrajectRepository {
  private readonly sql: TrajectSql;

  constructor(
    ds: Uitvoerder,
    private readonly sleutels?: Gegevenskluis,
  ) {
    this.sql = new TrajectSql(ds);
  }

  private async deelnemerVan(trajectId: string): Promise<string> {
    const bekend = deelnemerVanTraject.get(trajectId);
    if (bekend) return bekend;
    const rows: { deelnemer_id: string }[] = await this.sql.q(`SELECT deelnemer_id FROM $S.traject WHERE id = $1`, [trajectId]);
    if (!rows[0]) throw new Error('No such traject');
    if (deelnemerVanTraject.size > 100_000) deelnemerVanTraject.clear();
    deelnemerVanTraject.set(trajectId, rows[0].deelnemer_id);
    return rows[0].deelnemer_id;
  }

  /**
   * Registers a traject with the eligibility check made at its start (and the coded override, if
   * any); the starting organisation becomes its `aanmelder`.
   */
  async registreer(
    t: TrajectRegistratie & {
      readonly aangemaaktDoor: string;
      readonly aangemaaktDoorOrganisatie?: string;
      readonly doelgroepToets?: DoelgroepToets;
      readonly doelgroepAfwijking?: string;
    },
  ): Promise<void> {
    await this.sql.q(
      `INSERT INTO $S.traject (id, deelnemer_id, programma_code, programma_versie, workflow_id, aangemaakt_door, doelgroep_toets, doelgroep_afwijking)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        t.id,
        t.deelnemerId,
        t.programmaCode,
        t.programmaVersie,
        t.workflowId,
        t.aangemaaktDoor,
        JSON.stringify(t.doelgroepToets ?? {}),
        t.doelgroepAfwijking ?? null,
      ],
    );
    if (t.aangemaaktDoorOrganisatie) {
      await this.sql.q(`INSERT INTO $S.betrokkenheid (traject_id, deelnemer_id, organisatie_id, rol) VALUES ($1, $2, $3, 'aanmelder') ON CONFLICT DO NOTHING`, [
        t.id,
        t.deelnemerId,
        t.aangemaaktDoorOrganisatie,
      ]);
    }
  }

  /** The organisation that started the traject (its `aanmelder`). */
  async aanmelderVan(trajectId: string): Promise<string | undefined> {
    const rows: { organisatie_id: string }[] = await this.sql.q(
      `SELECT organisatie_id FROM $S.betrokkenheid WHERE traject_id = $1 AND rol = 'aanmelder' ORDER BY organisatie_id LIMIT 1`,
      [trajectId],
    );
    return rows[0]?.organisatie_id;
  }

  /** The involvements `organisatieId` holds now in a traject. */
  async betrokkenheid(trajectId: string, organisatieId: string): Promise<TrajectBetrokkenheid[]> {
    const rows: { rol: TrajectBetrokkenheid }[] = await this.sql.q(
      `SELECT DISTINCT rol FROM $S.betrokkenheid WHERE traject_id = $1 AND organisatie_id = $2 AND tot IS NULL ORDER BY rol`,
      [trajectId, organisatieId],
    );
    return rows.map((r) => r.rol);
  }

  /** The organisations involved in a traject now, in any role, sorted. */
  async betrokkenOrganisaties(trajectId: string): Promise<string[]> {
    const rows: { organisatie_id: string }[] = await this.sql.q(
      `SELECT DISTINCT organisatie_id FROM $S.betrokkenheid WHERE traject_id = $1 AND tot IS NULL ORDER BY organisatie_id`,
      [trajectId],
    );
    return rows.map((r) => r.organisatie_id);
  }

  /** The involvements `organisatieId` holds now in any traject of a deelnemer. */
  async betrokkenheidBijDeelnemer(deelnemerId: string, organisatieId: string): Promise<TrajectBetrokkenheid[]> {
    const rows: { rol: TrajectBetrokkenheid }[] = await this.sql.q(
      `SELECT DISTINCT rol FROM $S.betrokkenheid WHERE deelnemer_id = $1 AND organisatie_id = $2 AND tot IS NULL ORDER BY rol`,
      [deelnemerId, organisatieId],
    );
    return rows.map((r) => r.rol);
  }

  /**
   * Makes `ontvanger` an involvement of `organisatieId` from now on, in every traject of the
   * deelnemer in which `namensOrganisatie` (the sender) holds the lead or the coach organisation
   * now. A row already running stays as it is. Returns the trajecten it now holds.
   */
  async legOntvangerVast(deelnemerId: string, organisatieId: string, namensOrganisatie: string): Promise<string[]> {
    await this.sql.q(
      `INSERT INTO $S.betrokkenheid (traject_id, deelnemer_id, organisatie_id, rol)
       SELECT DISTINCT traject_id, deelnemer_id, $2, 'ontvanger' FROM $S.betrokkenheid
       WHERE deelnemer_id = $1 AND organisatie_id = $3 AND rol IN ('regievoerder', 'coach-organisatie') AND tot IS NULL
       ON CONFLICT DO NOTHING`,
      [deelnemerId, organisatieId, namensOrganisatie],
    );
    const rows: { traject_id: string }[] = await this.sql.q(
      `SELECT traject_id FROM $S.betrokkenheid WHERE deelnemer_id = $1 AND organisatie_id = $2 AND rol = 'ontvanger' AND tot IS NULL ORDER BY traject_id`,
      [deelnemerId, organisatieId],
    );
    return rows.map((r) => r.traject_id);
  }

  /**
   * Ends, now, every running `ontvanger` involvement of `organisatieId` with the deelnemer (its
   * referral ended). Returns the trajecten in which one ended; nothing else changes.
   */
  async beeindigOntvanger(deelnemerId: string, organisatieId: string): Promise<string[]> {
    const rows: { traject_id: string }[] = await this.sql.q(
      `WITH beeindigd AS (
         UPDATE $S.betrokkenheid SET tot = now() WHERE deelnemer_id = $1 AND organisatie_id = $2 AND rol = 'ontvanger' AND tot IS NULL RETURNING traject_id
       ) SELECT DISTINCT traject_id FROM beeindigd`,
      [deelnemerId, organisatieId],
    );
    return rows.map((r) => r.traject_id).sort();
  }

  /** Every involvement of a traject over time, oldest first. */
  async betrokkenheidsHistorie(trajectId: string): Promise<BetrokkenheidRegel[]> {
    const rows: { organisatie_id: string; rol: TrajectBetrokkenheid; vanaf: Date; tot: Date | null }[] = await this.sql.q(
      `SELECT organisatie_id, rol, vanaf, tot FROM $S.betrokkenheid WHERE traject_id = $1 ORDER BY vanaf, id`,
      [trajectId],
    );
    return rows.map((r) => ({ organisatieId: r.organisatie_id, rol: r.rol, vanaf: r.vanaf, ...(r.tot ? { tot: r.tot } : {}) }));
  }

  async vind(id: string): Promise<TrajectRegistratie | undefined> {
    if (!isUuid(id)) return undefined;
    const rows: { id: string; deelnemer_id: string; programma_code: string; programma_versie: number; workflow_id: string }[] = await this.sql.q(
      `SELECT id, deelnemer_id, programma_code, programma_versie, workflow_id FROM $S.traject WHERE id = $1`,
      [id],
    );
    const r = rows[0];
    return r
      ? { id: r.id, deelnemerId: r.deelnemer_id, programmaCode: r.programma_code, programmaVersie: r.programma_versie, workflowId: r.workflow_id }
      : undefined;
  }

  /** How many trajecten were started on a version of a programme (its capacity and cohort). */
  async aantalOpProgramma(code: string, versie: number): Promise<number> {
    const rows: { n: string }[] = await this.sql.q(`SELECT count(*) AS n FROM $S.traject WHERE programma_code = $1 AND programma_versie = $2`, [code, versie]);
    return Number(rows[0]?.n ?? 0);
  }

  /** All trajecten of a deelnemer, oldest first (re-entry keeps history). */
  async vanDeelnemer(deelnemerId: string): Promise<TrajectRegistratie[]> {
    const rows: { id: string }[] = await this.sql.q(`SELECT id FROM $S.traject WHERE deelnemer_id = $1 ORDER BY aangemaakt_op, id`, [deelnemerId]);
    return (await Promise.all(rows.map((r) => this.vind(r.id)))).filter((t): t is TrajectRegistratie => t !== undefined);
  }

  /** Upserts the overview; an older `versie` than the stored one is ignored (activities may be retried out of order). */
  async werkOverzichtBij(o: TrajectOverzicht): Promise<void> {
    const versleuteld = this.sleutels
      ? await this.sleutels.versleutelJson(await this.deelnemerVan(o.trajectId), TRAJECT_DOELEN.overzicht(o.trajectId), o)
      : null;
    await this.sql.q(
      `INSERT INTO $S.traject_overzicht (traject_id, versie, fase, status, regievoerder_id, regie_organisatie_id, coach_id, coach_organisatie_id, overzicht, overzicht_versleuteld, bijgewerkt_op)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, now())
       ON CONFLICT (traject_id) DO UPDATE SET versie = EXCLUDED.versie, fase = EXCLUDED.fase, status = EXCLUDED.status,
         regievoerder_id = EXCLUDED.regievoerder_id, regie_organisatie_id = EXCLUDED.regie_organisatie_id, coach_id = EXCLUDED.coach_id,
         coach_organisatie_id = EXCLUDED.coach_organisatie_id, overzicht = EXCLUDED.overzicht, overzicht_versleuteld = EXCLUDED.overzicht_versleuteld, bijgewerkt_op = now()
       WHERE traject_overzicht.versie <= EXCLUDED.versie`,
      [
        o.trajectId,
        o.versie,
        o.fase,
        o.status,
        o.regie.regievoerderId,
        o.regie.organisatieId,
        o.coach?.coachId ?? null,
        o.coach?.organisatieId ?? null,
        JSON.stringify(versleuteld ? openbaarOverzicht(o) : o),
        versleuteld,
      ],
    );
    await this.volgBetrokkenheid(o.trajectId);
  }

  /**
   * Brings the lead and coach organisation in the involvement table in line with the stored
   * overview (whatever version won): a role that moved ends now, the new holder starts now. When
   * the traject has ended (afgesloten, uitgevallen), its receivers' `ontvanger` rows end now too.
   */
  private async volgBetrokkenheid(trajectId: string): Promise<void> {
    await this.sql.q(
      `WITH huidig AS (
         SELECT o.traject_id, t.deelnemer_id, o.regie_organisatie_id, o.coach_organisatie_id, o.status FROM $S.traject_overzicht o JOIN $S.traject t ON t.id = o.traject_id WHERE o.traject_id = $1
       ), ontvangers_beeindigd AS (
         UPDATE $S.betrokkenheid b SET tot = now() FROM huidig h
         WHERE b.traject_id = h.traject_id AND b.tot IS NULL AND b.rol = 'ontvanger' AND h.status IN ('afgesloten', 'uitgevallen')
       ), beeindigd AS (
         UPDATE $S.betrokkenheid b SET tot = now() FROM huidig h
         WHERE b.traject_id = h.traject_id AND b.tot IS NULL
           AND ((b.rol = 'regievoerder' AND b.organisatie_id <> h.regie_organisatie_id) OR (b.rol = 'coach-organisatie' AND b.organisatie_id IS DISTINCT FROM h.coach_organisatie_id))
       )
       INSERT INTO $S.betrokkenheid (traject_id, deelnemer_id, organisatie_id, rol)
       SELECT traject_id, deelnemer_id, regie_organisatie_id, 'regievoerder' FROM huidig
       UNION ALL
       SELECT traject_id, deelnemer_id, coach_organisatie_id, 'coach-organisatie' FROM huidig WHERE coach_organisatie_id IS NOT NULL
       ON CONFLICT DO NOTHING`,
      [trajectId],
    );
  }

  async overzicht(id: string): Promise<TrajectOverzicht | undefined> {
    const rows: { overzicht: TrajectOverzicht; overzicht_versleuteld: Buffer | null }[] = await this.sql.q(
      `SELECT overzicht, overzicht_versleuteld FROM $S.traject_overzicht WHERE traject_id = $1`,
      [id],
    );
    const r = rows[0];
    if (!r) return undefined;
    if (isKluisdata(r.overzicht_versleuteld)) {
      if (!this.sleutels) throw new Error('The overview is encrypted and no key store is configured');
      return this.sleutels.ontsleutelJson<TrajectOverzicht>(TRAJECT_DOELEN.overzicht(id), r.overzicht_versleuteld);
    }
    return r.overzicht;
  }

  /** Running (active or paused) trajecten of a coach within the coach's organisation. */
  async lopendVanCoach(coachId: string, organisatieId: string): Promise<TrajectRegistratie[]> {
    const rows: { traject_id: string }[] = await this.sql.q(
      `SELECT traject_id FROM $S.traject_overzicht WHERE coach_id = $1 AND coach_organisatie_id = $2 AND status IN ('actief', 'gepauzeerd') ORDER BY traject_id`,
      [coachId, organisatieId],
    );
    return (await Promise.all(rows.map((r) => this.vind(r.traject_id)))).filter((t): t is TrajectRegistratie => t !== undefined);
  }

  /**
   * One page of the trajecten `organisatieId` is involved in now (any involvement), newest
   * first, with the filters applied in the database, and the total number that match.
   */
  async zichtbareVoor(
    organisatieId: string,
    filter: { readonly programma?: string; readonly fase?: string; readonly verlopen?: boolean; readonly status?: string },
    pagina: { readonly offset: number; readonly limiet: number },
  ): Promise<{ readonly totaal: number; readonly trajecten: readonly ZichtbaarTraject[] }> {
    const rows: {
      id: string;
      deelnemer_id: string;
      programma_code: string;
      programma_versie: number;
      workflow_id: string;
      betrokkenheid: TrajectBetrokkenheid[];
      overzicht: TrajectOverzicht | null;
      totaal: string;
    }[] = await this.sql.q(
      `WITH betrokken AS (
         SELECT traject_id, array_agg(DISTINCT rol ORDER BY rol) AS betrokkenheid FROM $S.betrokkenheid
         WHERE organisatie_id = $1 AND tot IS NULL GROUP BY traject_id
       )
       SELECT t.id, t.deelnemer_id, t.programma_code, t.programma_versie, t.workflow_id, b.betrokkenheid, o.overzicht, count(*) OVER () AS totaal
       FROM betrokken b JOIN $S.traject t ON t.id = b.traject_id LEFT JOIN $S.traject_overzicht o ON o.traject_id = t.id
       WHERE ($2::text IS NULL OR t.programma_code = $2) AND ($3::text IS NULL OR o.fase = $3) AND ($4::text IS NULL OR o.status = $4)
         AND ($5::boolean IS NULL OR (COALESCE(o.overzicht->'termijnen' @> '[{"verlopen": true}]', false) OR COALESCE((o.overzicht->'volgendeTermijn'->>'verlopen')::boolean, false)) = $5)
       ORDER BY t.aangemaakt_op DESC, t.id
       OFFSET $6 LIMIT $7`,
      [organisatieId, filter.programma ?? null, filter.fase ?? null, filter.status ?? null, filter.verlopen ?? null, pagina.offset, pagina.limiet],
    );
    let totaal = Number(rows[0]?.totaal ?? 0);
    if (rows.length === 0 && pagina.offset > 0) {
      // Past the last page: still say how many there are.
      const alle = await this.zichtbareVoor(organisatieId, filter, { offset: 0, limiet: 1 });
      totaal = alle.totaal;
    }
    return {
      totaal,
      trajecten: rows.map((r) => ({
        id: r.id,
        deelnemerId: r.deelnemer_id,
        programmaCode: r.programma_code,
        programmaVersie: r.programma_versie,
        workflowId: r.workflow_id,
        betrokkenheid: r.betrokkenheid,
        ...(r.overzicht ? { overzicht: r.overzicht } : {}),
      })),
    };
  }

  /** The overviews of the running trajecten in which `professionalId` is the coach or the regievoerder (their planned deadlines). */
  async overzichtenVanPersoon(professionalId: string): Promise<TrajectOverzicht[]> {
    const rows: { overzicht: TrajectOverzicht }[] = await this.sql.q(
      `SELECT overzicht FROM $S.traject_overzicht WHERE (coach_id = $1 OR regievoerder_id = $1) AND status = 'actief' ORDER BY traject_id`,
      [professionalId],
    );
    return rows.map((r) => r.overzicht);
  }

  /** When each recorded timeline event of a traject was written down, by event number. */
  async tijdlijnMomenten(trajectId: string): Promise<ReadonlyMap<number, Date>> {
    const rows: { nr: number; vastgelegd_op: Date }[] = await this.sql.q(
      `SELECT nr, vastgelegd_op FROM $S.tijdlijn_gebeurtenis WHERE traject_id = $1 ORDER BY nr`,
      [trajectId],
    );
    return new Map(rows.map((r) => [r.nr, r.vastgelegd_op]));
  }

  /**
   * The latest recorded events of the kinds `soorten` in the trajecten in which `organisatieId`
   * holds one of `rollen` now, newest first, at most `limiet`.
   */
  async gebeurtenissenVoor(
    organisatieId: string,
    rollen: readonly TrajectBetrokkenheid[],
    soorten: readonly string[],
    limiet: number,
  ): Promise<SignaalGebeurtenis[]> {
    const rows: (TijdlijnRij & {
      traject_id: string;
      deelnemer_id: string;
      programma_code: string;
      betrokkenheid: TrajectBetrokkenheid[];
      vastgelegd_op: Date;
    })[] = await this.sql.q(
      `WITH betrokken AS (
         SELECT traject_id, array_agg(DISTINCT rol ORDER BY rol) AS betrokkenheid FROM $S.betrokkenheid
         WHERE organisatie_id = $1 AND tot IS NULL GROUP BY traject_id HAVING bool_or(rol = ANY($2::text[]))
       )
       SELECT g.traject_id, t.deelnemer_id, t.programma_code, b.betrokkenheid, g.nr, g.datum::text AS datum, g.soort, g.fase, g.gegevens, g.gegevens_versleuteld, g.vastgelegd_op
       FROM betrokken b JOIN $S.tijdlijn_gebeurtenis g ON g.traject_id = b.traject_id JOIN $S.traject t ON t.id = g.traject_id
       WHERE g.soort = ANY($3::text[])
       ORDER BY g.vastgelegd_op DESC, g.datum DESC, g.nr DESC
       LIMIT $4`,
      [organisatieId, rollen, soorten, limiet],
    );
    return Promise.all(
      rows.map(async (r) => ({
        trajectId: r.traject_id,
        deelnemerId: r.deelnemer_id,
        programmaCode: r.programma_code,
        betrokkenheid: r.betrokkenheid,
        gebeurtenis: await this.tijdlijnGebeurtenis(r.traject_id, r),
        vastgelegdOp: r.vastgelegd_op,
      })),
    );
  }

  /** Appends timeline events; idempotent on (traject, nr). */
  async legTijdlijnVast(trajectId: string, gebeurtenissen: readonly TijdlijnGebeurtenis[]): Promise<void> {
    if (gebeurtenissen.length === 0) return;
    if (this.sleutels) {
      const sleutels = this.sleutels;
      const deelnemerId = await this.deelnemerVan(trajectId);
      const rijen = await Promise.all(
        gebeurtenissen.map(async (g) => ({
          ...g,
          gegevens: {},
          v: (await sleutels.versleutelJson(deelnemerId, TRAJECT_DOELEN.tijdlijn(trajectId, g.nr), g.gegevens)).toString('base64'),
        })),
      );
      await this.sql.q(
        `INSERT INTO $S.tijdlijn_gebeurtenis (traject_id, nr, datum, soort, fase, gegevens, gegevens_versleuteld)
         SELECT $1, (g->>'nr')::int, (g->>'datum')::date, g->>'soort', g->>'fase', '{}'::jsonb, decode(g->>'v', 'base64') FROM jsonb_array_elements($2::jsonb) AS g
         ON CONFLICT (traject_id, nr) DO NOTHING`,
        [trajectId, JSON.stringify(rijen)],
      );
      return;
    }
    await this.sql.q(
      `INSERT INTO $S.tijdlijn_gebeurtenis (traject_id, nr, datum, soort, fase, gegevens)
       SELECT $1, (g->>'nr')::int, (g->>'datum')::date, g->>'soort', g->>'fase', g->'gegevens' FROM jsonb_array_elements($2::jsonb) AS g
       ON CONFLICT (traject_id, nr) DO NOTHING`,
      [trajectId, JSON.stringify(gebeurtenissen)],
    );
  }

  /** Writes published facts to the outbox; idempotent on their `sleutel` (a retried outcome adds nothing). */
  async publiceer(feiten: readonly GepubliceerdFeit[]): Promise<void> {
    if (feiten.length === 0) return;
    await this.sql.q(OUTBOX_VOLGORDE_SQL, [this.sql.tabel('outbox')]);
    await this.sql.q(
      `INSERT INTO $S.outbox (id, sleutel, soort, traject_id, datum, data)
       SELECT gen_random_uuid(), f->>'sleutel', f->>'soort', (f->>'trajectId')::uuid, (f->>'datum')::date, f->'data' FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS x(f, i)
       ORDER BY i
       ON CONFLICT (sleutel) DO NOTHING`,
      [JSON.stringify(feiten)],
    );
  }

  /** The outbox after sequence number `na`, oldest first, at most `max` rows. */
  async gebeurtenissenNa(na: number, max: number): Promise<UitgaandTrajectFeit[]> {
    const rows: { id: string; volgnummer: string; soort: string; traject_id: string; datum: string; data: Record<string, unknown>; tijd: Date }[] =
      await this.sql.q(
        `SELECT id, volgnummer, soort, traject_id, datum::text AS datum, data, tijd FROM $S.outbox WHERE volgnummer > $1 ORDER BY volgnummer LIMIT $2`,
        [na, max],
      );
    return rows.map((r) => ({
      id: r.id,
      volgnummer: Number(r.volgnummer),
      soort: r.soort,
      trajectId: r.traject_id,
      datum: r.datum,
      data: r.data,
      tijd: r.tijd,
    }));
  }

  async tijdlijn(trajectId: string): Promise<TijdlijnGebeurtenis[]> {
    const rows: TijdlijnRij[] = await this.sql.q(
      `SELECT nr, datum::text AS datum, soort, fase, gegevens, gegevens_versleuteld FROM $S.tijdlijn_gebeurtenis WHERE traject_id = $1 ORDER BY nr`,
      [trajectId],
    );
    return Promise.all(rows.map((r) => this.tijdlijnGebeurtenis(trajectId, r)));
  }

  /** A timeline row as its event, its data readable. */
  private async tijdlijnGebeurtenis(trajectId: string, r: TijdlijnRij): Promise<TijdlijnGebeurtenis> {
    return {
      nr: r.nr,
      datum: r.datum,
      soort: r.soort,
      fase: r.fase,
      gegevens: await this.leesbareGegevens(trajectId, r.nr, r.gegevens, r.gegevens_versleuteld),
    };
  }

  /** A timeline event's data: decrypted with the deelnemer's key when it was stored encrypted. */
  private async leesbareGegevens(
    trajectId: string,
    nr: number,
    gegevens: TijdlijnGebeurtenis['gegevens'],
    versleuteld: Buffer | null,
  ): Promise<TijdlijnGebeurtenis['gegevens']> {
    if (!isKluisdata(versleuteld)) return gegevens;
    if (!this.sleutels) throw new Error('The timeline is encrypted and no key store is configured');
    return this.sleutels.ontsleutelJson<TijdlijnGebeurtenis['gegevens']>(TRAJECT_DOELEN.tijdlijn(trajectId, nr), versleuteld);
  }
}

/** The deelnemer of a traject workflow (`traject-<id>`), for the payload codec's key; undefined for other workflow ids. */
export function trajectWorkflowDeelnemer(ds: DataSource): (workflowId: string) => Promise<string | undefined> {
  const sql = new TrajectSql(ds);
  return async (workflowId) => {
    if (!workflowId.startsWith('traject-')) return undefined;
    const rows: { deelnemer_id: string }[] = await sql.q(`SELECT deelnemer_id FROM $S.traject WHERE workflow_id = $1`, [workflowId]);
    return rows[0]?.deelnemer_id;
  };
}
