import type {
  Escalatie,
  Melding,
  TaakAanmaken,
  TaakRegel,
  TakenOverdragen,
  TermijnVerlopen,
  TijdlijnGebeurtenis,
  TrajectOverzicht,
} from '@ketenregie/traject-contracts';
import { EntityManager } from 'typeorm';
import type { DataSource } from 'typeorm';
import { assertSchemaName, OUTBOX_VOLGORDE_SQL } from '@ketenregie/shared-platform';
import type { DoelgroepToets, GepubliceerdFeit } from '@ketenregie/traject-domain';
import { type DeelnemerKluis } from './deelnemer.crypto';
import type { DeelnemerGegevens } from './deelnemer.crypto';
import { type Gegevenskluis, sleutelIdVan, SleutelVernietigdFout } from '@ketenregie/shared-crypto';
import { randomUUID } from 'node:crypto';

/** Purposes the per-deelnemer ciphertexts of this schema are bound to. */
export const TRAJECT_DOELEN = {
  bsn: 'traject:bsn',
  gegevens: (deelnemerId: string) => `traject:deelnemer:${deelnemerId}`,
  overzicht: (trajectId: string) => `traject:overzicht:${trajectId}`,
  tijdlijn: (trajectId: string, nr: number) => `traject:tijdlijn:${trajectId}:${nr}`,
} as const;

/**
 * The part of an overview kept readable next to its encrypted whole: phase, status, dates, lead,
 * coach and counters. Progress (scores, including the ZRM's health domains) and the reason of a
 * drop-out exist only encrypted with the deelnemer's key.
 */
export function openbaarOverzicht(o: TrajectOverzicht): Omit<TrajectOverzicht, 'voortgang' | 'uitval'> & { uitval?: { datum: string } } {
  const { voortgang: _v, uitval, ...rest } = o;
  return { ...rest, ...(uitval ? { uitval: { datum: uitval.datum } } : {}) };
}

/** Whether a stored value was encrypted with a per-deelnemer key (else: the single key of older rows, or nothing). */
const isKluisdata = (data: Buffer | null | undefined): data is Buffer => !!data && sleutelIdVan(data) !== undefined;

/** traject id → deelnemer id (never changes), for the overview's key. */
const deelnemerVanTraject = new Map<string, string>();

type Tabel = 'deelnemer' | 'deelnemer_aanmelding' | 'traject' | 'traject_overzicht' | 'tijdlijn_gebeurtenis' | 'taak' | 'melding' | 'betrokkenheid' | 'outbox';

/** Where statements run: the data source, or the entity manager of one transaction on it. */
type Uitvoerder = DataSource | EntityManager;

/** Schema-qualified table names of the data source's schema (never rely on `search_path`). */
function tabellen(ds: Uitvoerder): Record<Tabel, string> {
  const bron = ds instanceof EntityManager ? ds.connection : ds;
  const schema = assertSchemaName(String((bron.options as { schema?: string }).schema));
  const namen: Tabel[] = [
    'deelnemer',
    'deelnemer_aanmelding',
    'traject',
    'traject_overzicht',
    'tijdlijn_gebeurtenis',
    'taak',
    'melding',
    'betrokkenheid',
    'outbox',
  ];
  return Object.fromEntries(namen.map((n) => [n, `"${schema}"."${n}"`])) as Record<Tabel, string>;
}

/** A deelnemer as stored, decrypted, without the BSN (which is only decrypted on explicit request). */
export interface DeelnemerRecord extends DeelnemerGegevens {
  readonly id: string;
  /** The organisation that registered the deelnemer; unknown for deelnemers registered before it was recorded. */
  readonly aangemaaktDoorOrganisatie?: string;
  /** Every organisation that registered the deelnemer (the first one included), oldest first. */
  readonly aanmelders: readonly string[];
  readonly aangemaaktOp: Date;
}

/** Input for a new deelnemer. */
export interface NieuweDeelnemer extends DeelnemerGegevens {
  readonly bsn: string;
  readonly aangemaaktDoor: string;
  readonly aangemaaktDoorOrganisatie: string;
}

/** A row of `tijdlijn_gebeurtenis` as the timeline reads it. */
interface TijdlijnRij {
  nr: number;
  datum: string;
  soort: TijdlijnGebeurtenis['soort'];
  fase: TijdlijnGebeurtenis['fase'];
  gegevens: TijdlijnGebeurtenis['gegevens'];
  gegevens_versleuteld: Buffer | null;
}

interface DeelnemerRij {
  id: string;
  gegevens_versleuteld: Buffer;
  gegevens_sleutel_id: string;
  aangemaakt_door_organisatie: string | null;
  aangemaakt_op: Date;
  aanmelders: string[] | null;
}

/**
 * Deelnemers. Every personal field is encrypted at rest with {@link DeelnemerKluis}: the BSN
 * (unique through its keyed blind index) and the record of name, date of birth, contact details
 * and household link (bound to the row's id; the household link findable through its own index).
 */
export class TypeOrmDeelnemerRepository {
  private readonly t: Record<Tabel, string>;

  /**
   * @param kluis the blind-index key, and the single key of rows written before per-deelnemer keys
   * @param sleutels the per-deelnemer key store every new value is encrypted with; without it (tests of old rows) the single key
   */
  constructor(
    private readonly ds: DataSource,
    private readonly kluis: DeelnemerKluis,
    private readonly sleutels?: Gegevenskluis,
  ) {
    this.t = tabellen(ds);
  }

  private async versleutelBsn(id: string, bsn: string): Promise<{ data: Buffer; sleutelId: string }> {
    if (!this.sleutels) return this.kluis.versleutel('bsn', bsn);
    const data = await this.sleutels.versleutel(id, TRAJECT_DOELEN.bsn, Buffer.from(bsn, 'utf8'));
    return { data, sleutelId: sleutelIdVan(data) as string };
  }

  private async versleutelGegevens(id: string, d: DeelnemerGegevens): Promise<{ data: Buffer; sleutelId: string }> {
    if (!this.sleutels) return this.kluis.versleutelGegevens(id, d);
    const { voornamen, achternaam, geboortedatum, contact, huishoudenId } = d;
    const data = await this.sleutels.versleutelJson(id, TRAJECT_DOELEN.gegevens(id), { voornamen, achternaam, geboortedatum, contact, huishoudenId });
    return { data, sleutelId: sleutelIdVan(data) as string };
  }

  private async ontsleutelGegevens(id: string, data: Buffer, sleutelId: string): Promise<DeelnemerGegevens> {
    if (isKluisdata(data) && this.sleutels) return this.sleutels.ontsleutelJson<DeelnemerGegevens>(TRAJECT_DOELEN.gegevens(id), data);
    return this.kluis.ontsleutelGegevens(id, { sleutelId, data });
  }

  /**
   * Registers a deelnemer and returns their id: a new one, or, when the BSN is already known, the
   * existing one (whose data stays as it is). Either way the registering organisation is recorded
   * as an aanmelder, so both cases leave the caller in the same position.
   */
  async maak(d: NieuweDeelnemer): Promise<string> {
    const id = (await this.voegToe(d)) ?? (await this.vindOpBsn(d.bsn));
    if (!id) throw new Error('A deelnemer with this BSN was neither stored nor found');
    await this.ds.query(
      `INSERT INTO ${this.t.deelnemer_aanmelding} (deelnemer_id, organisatie, aangemeld_door) VALUES ($1, $2, $3) ON CONFLICT (deelnemer_id, organisatie) DO NOTHING`,
      [id, d.aangemaaktDoorOrganisatie, d.aangemaaktDoor],
    );
    return id;
  }

  /** Stores a new deelnemer; `undefined` when one with this BSN exists (nothing is written). */
  private async voegToe(d: NieuweDeelnemer): Promise<string | undefined> {
    const id = randomUUID();
    const bsn = await this.versleutelBsn(id, d.bsn);
    const gegevens = await this.versleutelGegevens(id, d);
    const rows: { id: string }[] = await this.ds.query(
      `INSERT INTO ${this.t.deelnemer} (id, bsn_versleuteld, bsn_sleutel_id, bsn_index, gegevens_versleuteld, gegevens_sleutel_id, huishouden_index, aangemaakt_door, aangemaakt_door_organisatie)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (bsn_index) DO NOTHING RETURNING id`,
      [
        id,
        bsn.data,
        bsn.sleutelId,
        this.kluis.bsnIndex(d.bsn),
        gegevens.data,
        gegevens.sleutelId,
        d.huishoudenId === undefined ? null : this.kluis.huishoudenIndex(d.huishoudenId),
        d.aangemaaktDoor,
        d.aangemaaktDoorOrganisatie,
      ],
    );
    return rows[0]?.id;
  }

  async vind(id: string): Promise<DeelnemerRecord | undefined> {
    if (!isUuid(id)) return undefined;
    const rows: DeelnemerRij[] = await this.ds.query(
      `SELECT id, gegevens_versleuteld, gegevens_sleutel_id, aangemaakt_door_organisatie, aangemaakt_op,
              (SELECT array_agg(a.organisatie ORDER BY a.aangemeld_op, a.organisatie) FROM ${this.t.deelnemer_aanmelding} a WHERE a.deelnemer_id = d.id) AS aanmelders
       FROM ${this.t.deelnemer} d WHERE id = $1`,
      [id],
    );
    const r = rows[0];
    if (!r) return undefined;
    let g: DeelnemerGegevens;
    try {
      g = await this.ontsleutelGegevens(r.id, r.gegevens_versleuteld, r.gegevens_sleutel_id);
    } catch (error) {
      // An erased deelnemer's key is destroyed: they no longer exist for anyone.
      if (error instanceof SleutelVernietigdFout) return undefined;
      throw error;
    }
    return {
      id: r.id,
      voornamen: g.voornamen,
      achternaam: g.achternaam,
      geboortedatum: g.geboortedatum,
      contact: g.contact,
      huishoudenId: g.huishoudenId,
      aangemaaktDoorOrganisatie: r.aangemaakt_door_organisatie ?? undefined,
      aanmelders: r.aanmelders ?? [],
      aangemaaktOp: r.aangemaakt_op,
    };
  }

  /** Id of the deelnemer with this BSN, found through the blind index. */
  async vindOpBsn(bsn: string): Promise<string | undefined> {
    const rows: { id: string }[] = await this.ds.query(`SELECT id FROM ${this.t.deelnemer} WHERE bsn_index = $1`, [this.kluis.bsnIndex(bsn)]);
    return rows[0]?.id;
  }

  /** Ids of the deelnemers of a household, found through the blind index. */
  async vanHuishouden(huishoudenId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.ds.query(`SELECT id FROM ${this.t.deelnemer} WHERE huishouden_index = $1 ORDER BY aangemaakt_op, id`, [
      this.kluis.huishoudenIndex(huishoudenId),
    ]);
    return rows.map((r) => r.id);
  }

  /** Decrypts the BSN of a deelnemer (for a lawful, logged purpose only). */
  async bsnVan(id: string): Promise<string | undefined> {
    const rows: { bsn_versleuteld: Buffer; bsn_sleutel_id: string }[] = await this.ds.query(
      `SELECT bsn_versleuteld, bsn_sleutel_id FROM ${this.t.deelnemer} WHERE id = $1`,
      [id],
    );
    const r = rows[0];
    if (!r) return undefined;
    if (isKluisdata(r.bsn_versleuteld) && this.sleutels) return (await this.sleutels.ontsleutel(TRAJECT_DOELEN.bsn, r.bsn_versleuteld)).toString('utf8');
    return this.kluis.ontsleutel('bsn', { sleutelId: r.bsn_sleutel_id, data: r.bsn_versleuteld });
  }

  /**
   * After an erasure (the deelnemer's keys are destroyed): removes the blind indexes, so not even
   * a known BSN or household can be matched to the row any more. The row itself, unreadable, stays
   * for the trajecten that refer to it.
   */
  async wisIndexen(id: string): Promise<void> {
    if (!isUuid(id)) return;
    await this.ds.query(`UPDATE ${this.t.deelnemer} SET bsn_index = 'gewist:' || id::text, huishouden_index = NULL WHERE id = $1`, [id]);
  }
}

/** A traject as registered by the service (its live state is in the workflow and the projections). */
export interface TrajectRecord {
  readonly id: string;
  readonly deelnemerId: string;
  readonly programmaCode: string;
  readonly programmaVersie: number;
  readonly workflowId: string;
}

/** A traject an organisation is involved in, as listed: its registration, the involvement and the overview. */
export interface ZichtbaarTraject extends TrajectRecord {
  readonly betrokkenheid: readonly TrajectBetrokkenheid[];
  /** Absent until the workflow wrote its first projection. */
  readonly overzicht?: TrajectOverzicht;
}

/** A recorded timeline event in a traject an organisation is involved in (the signals of a regievoerder). */
export interface SignaalGebeurtenis {
  readonly trajectId: string;
  readonly deelnemerId: string;
  readonly programmaCode: string;
  readonly betrokkenheid: readonly TrajectBetrokkenheid[];
  readonly gebeurtenis: TijdlijnGebeurtenis;
  readonly vastgelegdOp: Date;
}

/** An involvement of an organisation in a traject (see the `betrokkenheid` table). */
export type TrajectBetrokkenheid = 'aanmelder' | 'regievoerder' | 'coach-organisatie' | 'ontvanger';

/** One involvement over time. */
export interface BetrokkenheidRegel {
  readonly organisatieId: string;
  readonly rol: TrajectBetrokkenheid;
  readonly vanaf: Date;
  readonly tot?: Date;
}

/** A row of the outbox as the feed reads it. */
export interface UitgaandFeit {
  readonly id: string;
  readonly volgnummer: number;
  readonly soort: string;
  readonly trajectId: string;
  readonly datum: string;
  readonly data: Record<string, unknown>;
  readonly tijd: Date;
}

/**
 * Trajecten, their overview projection and their timeline. With a key store, an overview's
 * progress (scores) and every timeline event's data are stored encrypted with the deelnemer's key.
 */
export class TypeOrmTrajectRepository {
  private readonly t: Record<Tabel, string>;

  constructor(
    private readonly ds: Uitvoerder,
    private readonly sleutels?: Gegevenskluis,
  ) {
    this.t = tabellen(ds);
  }

  private async deelnemerVan(trajectId: string): Promise<string> {
    const bekend = deelnemerVanTraject.get(trajectId);
    if (bekend) return bekend;
    const rows: { deelnemer_id: string }[] = await this.ds.query(`SELECT deelnemer_id FROM ${this.t.traject} WHERE id = $1`, [trajectId]);
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
    t: TrajectRecord & {
      readonly aangemaaktDoor: string;
      readonly aangemaaktDoorOrganisatie?: string;
      readonly doelgroepToets?: DoelgroepToets;
      readonly doelgroepAfwijking?: string;
    },
  ): Promise<void> {
    await this.ds.query(
      `INSERT INTO ${this.t.traject} (id, deelnemer_id, programma_code, programma_versie, workflow_id, aangemaakt_door, doelgroep_toets, doelgroep_afwijking)
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
      await this.ds.query(
        `INSERT INTO ${this.t.betrokkenheid} (traject_id, deelnemer_id, organisatie_id, rol) VALUES ($1, $2, $3, 'aanmelder') ON CONFLICT DO NOTHING`,
        [t.id, t.deelnemerId, t.aangemaaktDoorOrganisatie],
      );
    }
  }

  /** The organisation that started the traject (its `aanmelder`). */
  async aanmelderVan(trajectId: string): Promise<string | undefined> {
    const rows: { organisatie_id: string }[] = await this.ds.query(
      `SELECT organisatie_id FROM ${this.t.betrokkenheid} WHERE traject_id = $1 AND rol = 'aanmelder' ORDER BY organisatie_id LIMIT 1`,
      [trajectId],
    );
    return rows[0]?.organisatie_id;
  }

  /** The involvements `organisatieId` holds now in a traject. */
  async betrokkenheid(trajectId: string, organisatieId: string): Promise<TrajectBetrokkenheid[]> {
    const rows: { rol: TrajectBetrokkenheid }[] = await this.ds.query(
      `SELECT DISTINCT rol FROM ${this.t.betrokkenheid} WHERE traject_id = $1 AND organisatie_id = $2 AND tot IS NULL ORDER BY rol`,
      [trajectId, organisatieId],
    );
    return rows.map((r) => r.rol);
  }

  /** The organisations involved in a traject now, in any role, sorted. */
  async betrokkenOrganisaties(trajectId: string): Promise<string[]> {
    const rows: { organisatie_id: string }[] = await this.ds.query(
      `SELECT DISTINCT organisatie_id FROM ${this.t.betrokkenheid} WHERE traject_id = $1 AND tot IS NULL ORDER BY organisatie_id`,
      [trajectId],
    );
    return rows.map((r) => r.organisatie_id);
  }

  /** The involvements `organisatieId` holds now in any traject of a deelnemer. */
  async betrokkenheidBijDeelnemer(deelnemerId: string, organisatieId: string): Promise<TrajectBetrokkenheid[]> {
    const rows: { rol: TrajectBetrokkenheid }[] = await this.ds.query(
      `SELECT DISTINCT rol FROM ${this.t.betrokkenheid} WHERE deelnemer_id = $1 AND organisatie_id = $2 AND tot IS NULL ORDER BY rol`,
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
    await this.ds.query(
      `INSERT INTO ${this.t.betrokkenheid} (traject_id, deelnemer_id, organisatie_id, rol)
       SELECT DISTINCT traject_id, deelnemer_id, $2, 'ontvanger' FROM ${this.t.betrokkenheid}
       WHERE deelnemer_id = $1 AND organisatie_id = $3 AND rol IN ('regievoerder', 'coach-organisatie') AND tot IS NULL
       ON CONFLICT DO NOTHING`,
      [deelnemerId, organisatieId, namensOrganisatie],
    );
    const rows: { traject_id: string }[] = await this.ds.query(
      `SELECT traject_id FROM ${this.t.betrokkenheid} WHERE deelnemer_id = $1 AND organisatie_id = $2 AND rol = 'ontvanger' AND tot IS NULL ORDER BY traject_id`,
      [deelnemerId, organisatieId],
    );
    return rows.map((r) => r.traject_id);
  }

  /**
   * Ends, now, every running `ontvanger` involvement of `organisatieId` with the deelnemer (its
   * referral ended). Returns the trajecten in which one ended; nothing else changes.
   */
  async beeindigOntvanger(deelnemerId: string, organisatieId: string): Promise<string[]> {
    const rows: { traject_id: string }[] = await this.ds.query(
      `WITH beeindigd AS (
         UPDATE ${this.t.betrokkenheid} SET tot = now() WHERE deelnemer_id = $1 AND organisatie_id = $2 AND rol = 'ontvanger' AND tot IS NULL RETURNING traject_id
       ) SELECT DISTINCT traject_id FROM beeindigd`,
      [deelnemerId, organisatieId],
    );
    return rows.map((r) => r.traject_id).sort();
  }

  /** Every involvement of a traject over time, oldest first. */
  async betrokkenheidsHistorie(trajectId: string): Promise<BetrokkenheidRegel[]> {
    const rows: { organisatie_id: string; rol: TrajectBetrokkenheid; vanaf: Date; tot: Date | null }[] = await this.ds.query(
      `SELECT organisatie_id, rol, vanaf, tot FROM ${this.t.betrokkenheid} WHERE traject_id = $1 ORDER BY vanaf, id`,
      [trajectId],
    );
    return rows.map((r) => ({ organisatieId: r.organisatie_id, rol: r.rol, vanaf: r.vanaf, ...(r.tot ? { tot: r.tot } : {}) }));
  }

  async vind(id: string): Promise<TrajectRecord | undefined> {
    if (!isUuid(id)) return undefined;
    const rows: { id: string; deelnemer_id: string; programma_code: string; programma_versie: number; workflow_id: string }[] = await this.ds.query(
      `SELECT id, deelnemer_id, programma_code, programma_versie, workflow_id FROM ${this.t.traject} WHERE id = $1`,
      [id],
    );
    const r = rows[0];
    return r
      ? { id: r.id, deelnemerId: r.deelnemer_id, programmaCode: r.programma_code, programmaVersie: r.programma_versie, workflowId: r.workflow_id }
      : undefined;
  }

  /** How many trajecten were started on a version of a programme (its capacity and cohort). */
  async aantalOpProgramma(code: string, versie: number): Promise<number> {
    const rows: { n: string }[] = await this.ds.query(`SELECT count(*) AS n FROM ${this.t.traject} WHERE programma_code = $1 AND programma_versie = $2`, [
      code,
      versie,
    ]);
    return Number(rows[0]?.n ?? 0);
  }

  /** All trajecten of a deelnemer, oldest first (re-entry keeps history). */
  async vanDeelnemer(deelnemerId: string): Promise<TrajectRecord[]> {
    const rows: { id: string }[] = await this.ds.query(`SELECT id FROM ${this.t.traject} WHERE deelnemer_id = $1 ORDER BY aangemaakt_op, id`, [deelnemerId]);
    return (await Promise.all(rows.map((r) => this.vind(r.id)))).filter((t): t is TrajectRecord => t !== undefined);
  }

  /** Upserts the overview; an older `versie` than the stored one is ignored (activities may be retried out of order). */
  async werkOverzichtBij(o: TrajectOverzicht): Promise<void> {
    const versleuteld = this.sleutels
      ? await this.sleutels.versleutelJson(await this.deelnemerVan(o.trajectId), TRAJECT_DOELEN.overzicht(o.trajectId), o)
      : null;
    await this.ds.query(
      `INSERT INTO ${this.t.traject_overzicht} (traject_id, versie, fase, status, regievoerder_id, regie_organisatie_id, coach_id, coach_organisatie_id, overzicht, overzicht_versleuteld, bijgewerkt_op)
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
    await this.ds.query(
      `WITH huidig AS (
         SELECT o.traject_id, t.deelnemer_id, o.regie_organisatie_id, o.coach_organisatie_id, o.status FROM ${this.t.traject_overzicht} o JOIN ${this.t.traject} t ON t.id = o.traject_id WHERE o.traject_id = $1
       ), ontvangers_beeindigd AS (
         UPDATE ${this.t.betrokkenheid} b SET tot = now() FROM huidig h
         WHERE b.traject_id = h.traject_id AND b.tot IS NULL AND b.rol = 'ontvanger' AND h.status IN ('afgesloten', 'uitgevallen')
       ), beeindigd AS (
         UPDATE ${this.t.betrokkenheid} b SET tot = now() FROM huidig h
         WHERE b.traject_id = h.traject_id AND b.tot IS NULL
           AND ((b.rol = 'regievoerder' AND b.organisatie_id <> h.regie_organisatie_id) OR (b.rol = 'coach-organisatie' AND b.organisatie_id IS DISTINCT FROM h.coach_organisatie_id))
       )
       INSERT INTO ${this.t.betrokkenheid} (traject_id, deelnemer_id, organisatie_id, rol)
       SELECT traject_id, deelnemer_id, regie_organisatie_id, 'regievoerder' FROM huidig
       UNION ALL
       SELECT traject_id, deelnemer_id, coach_organisatie_id, 'coach-organisatie' FROM huidig WHERE coach_organisatie_id IS NOT NULL
       ON CONFLICT DO NOTHING`,
      [trajectId],
    );
  }

  async overzicht(id: string): Promise<TrajectOverzicht | undefined> {
    const rows: { overzicht: TrajectOverzicht; overzicht_versleuteld: Buffer | null }[] = await this.ds.query(
      `SELECT overzicht, overzicht_versleuteld FROM ${this.t.traject_overzicht} WHERE traject_id = $1`,
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
  async lopendVanCoach(coachId: string, organisatieId: string): Promise<TrajectRecord[]> {
    const rows: { traject_id: string }[] = await this.ds.query(
      `SELECT traject_id FROM ${this.t.traject_overzicht} WHERE coach_id = $1 AND coach_organisatie_id = $2 AND status IN ('actief', 'gepauzeerd') ORDER BY traject_id`,
      [coachId, organisatieId],
    );
    return (await Promise.all(rows.map((r) => this.vind(r.traject_id)))).filter((t): t is TrajectRecord => t !== undefined);
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
    }[] = await this.ds.query(
      `WITH betrokken AS (
         SELECT traject_id, array_agg(DISTINCT rol ORDER BY rol) AS betrokkenheid FROM ${this.t.betrokkenheid}
         WHERE organisatie_id = $1 AND tot IS NULL GROUP BY traject_id
       )
       SELECT t.id, t.deelnemer_id, t.programma_code, t.programma_versie, t.workflow_id, b.betrokkenheid, o.overzicht, count(*) OVER () AS totaal
       FROM betrokken b JOIN ${this.t.traject} t ON t.id = b.traject_id LEFT JOIN ${this.t.traject_overzicht} o ON o.traject_id = t.id
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
    const rows: { overzicht: TrajectOverzicht }[] = await this.ds.query(
      `SELECT overzicht FROM ${this.t.traject_overzicht} WHERE (coach_id = $1 OR regievoerder_id = $1) AND status = 'actief' ORDER BY traject_id`,
      [professionalId],
    );
    return rows.map((r) => r.overzicht);
  }

  /** When each recorded timeline event of a traject was written down, by event number. */
  async tijdlijnMomenten(trajectId: string): Promise<ReadonlyMap<number, Date>> {
    const rows: { nr: number; vastgelegd_op: Date }[] = await this.ds.query(
      `SELECT nr, vastgelegd_op FROM ${this.t.tijdlijn_gebeurtenis} WHERE traject_id = $1 ORDER BY nr`,
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
    })[] = await this.ds.query(
      `WITH betrokken AS (
         SELECT traject_id, array_agg(DISTINCT rol ORDER BY rol) AS betrokkenheid FROM ${this.t.betrokkenheid}
         WHERE organisatie_id = $1 AND tot IS NULL GROUP BY traject_id HAVING bool_or(rol = ANY($2::text[]))
       )
       SELECT g.traject_id, t.deelnemer_id, t.programma_code, b.betrokkenheid, g.nr, g.datum::text AS datum, g.soort, g.fase, g.gegevens, g.gegevens_versleuteld, g.vastgelegd_op
       FROM betrokken b JOIN ${this.t.tijdlijn_gebeurtenis} g ON g.traject_id = b.traject_id JOIN ${this.t.traject} t ON t.id = g.traject_id
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
      await this.ds.query(
        `INSERT INTO ${this.t.tijdlijn_gebeurtenis} (traject_id, nr, datum, soort, fase, gegevens, gegevens_versleuteld)
         SELECT $1, (g->>'nr')::int, (g->>'datum')::date, g->>'soort', g->>'fase', '{}'::jsonb, decode(g->>'v', 'base64') FROM jsonb_array_elements($2::jsonb) AS g
         ON CONFLICT (traject_id, nr) DO NOTHING`,
        [trajectId, JSON.stringify(rijen)],
      );
      return;
    }
    await this.ds.query(
      `INSERT INTO ${this.t.tijdlijn_gebeurtenis} (traject_id, nr, datum, soort, fase, gegevens)
       SELECT $1, (g->>'nr')::int, (g->>'datum')::date, g->>'soort', g->>'fase', g->'gegevens' FROM jsonb_array_elements($2::jsonb) AS g
       ON CONFLICT (traject_id, nr) DO NOTHING`,
      [trajectId, JSON.stringify(gebeurtenissen)],
    );
  }

  /** Writes published facts to the outbox; idempotent on their `sleutel` (a retried outcome adds nothing). */
  async publiceer(feiten: readonly GepubliceerdFeit[]): Promise<void> {
    if (feiten.length === 0) return;
    await this.ds.query(OUTBOX_VOLGORDE_SQL, [this.t.outbox]);
    await this.ds.query(
      `INSERT INTO ${this.t.outbox} (id, sleutel, soort, traject_id, datum, data)
       SELECT gen_random_uuid(), f->>'sleutel', f->>'soort', (f->>'trajectId')::uuid, (f->>'datum')::date, f->'data' FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS x(f, i)
       ORDER BY i
       ON CONFLICT (sleutel) DO NOTHING`,
      [JSON.stringify(feiten)],
    );
  }

  /** The outbox after sequence number `na`, oldest first, at most `max` rows. */
  async gebeurtenissenNa(na: number, max: number): Promise<UitgaandFeit[]> {
    const rows: { id: string; volgnummer: string; soort: string; traject_id: string; datum: string; data: Record<string, unknown>; tijd: Date }[] =
      await this.ds.query(
        `SELECT id, volgnummer, soort, traject_id, datum::text AS datum, data, tijd FROM ${this.t.outbox} WHERE volgnummer > $1 ORDER BY volgnummer LIMIT $2`,
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
    const rows: TijdlijnRij[] = await this.ds.query(
      `SELECT nr, datum::text AS datum, soort, fase, gegevens, gegevens_versleuteld FROM ${this.t.tijdlijn_gebeurtenis} WHERE traject_id = $1 ORDER BY nr`,
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

/** Tasks and notifications; every write is idempotent on (traject, termijn) or the activity key. */
export class TypeOrmTakenRepository {
  private readonly t: Record<Tabel, string>;

  constructor(private readonly ds: Uitvoerder) {
    this.t = tabellen(ds);
  }

  async maak(t: TaakAanmaken): Promise<void> {
    await this.ds.query(
      `INSERT INTO ${this.t.taak} (traject_id, termijn_id, soort, voor, toegewezen_aan, vervalt, status) VALUES ($1, $2, $3, $4, $5, $6, 'open')
       ON CONFLICT (traject_id, termijn_id) DO NOTHING`,
      [t.trajectId, t.termijnId, t.taak, t.voor, t.toegewezenAan, t.vervalt],
    );
  }

  /** Marks the deadline overdue, creating its task when the deadline had none yet (phase limits). */
  async markeerVerlopen(t: TermijnVerlopen): Promise<void> {
    await this.ds.query(
      `INSERT INTO ${this.t.taak} (traject_id, termijn_id, soort, voor, toegewezen_aan, vervalt, status, verlopen_op) VALUES ($1, $2, $3, 'coach', $4, $5, 'verlopen', now())
       ON CONFLICT (traject_id, termijn_id) DO UPDATE SET status = CASE WHEN taak.status = 'afgerond' THEN 'afgerond' ELSE 'verlopen' END,
         verlopen_op = COALESCE(taak.verlopen_op, now())`,
      [t.trajectId, t.termijnId, t.taak, t.toegewezenAan, t.vervalt],
    );
  }

  async escaleer(e: Escalatie): Promise<void> {
    await this.ds.query(
      `INSERT INTO ${this.t.taak} (traject_id, termijn_id, soort, voor, toegewezen_aan, vervalt, status, verlopen_op, geescaleerd_naar, geescaleerd_op)
       VALUES ($1, $2, $3, 'regievoerder', $4, $5, 'verlopen', now(), $4, now())
       ON CONFLICT (traject_id, termijn_id) DO UPDATE SET geescaleerd_naar = EXCLUDED.geescaleerd_naar, geescaleerd_op = COALESCE(taak.geescaleerd_op, now())
       WHERE taak.status <> 'afgerond'`,
      [e.trajectId, e.termijnId, e.taak, e.regievoerderId, e.vervalt],
    );
  }

  async rondAf(trajectId: string, termijnId: string): Promise<void> {
    await this.ds.query(`UPDATE ${this.t.taak} SET status = 'afgerond', afgerond_op = COALESCE(afgerond_op, now()) WHERE traject_id = $1 AND termijn_id = $2`, [
      trajectId,
      termijnId,
    ]);
  }

  async draagOver(o: TakenOverdragen): Promise<void> {
    await this.ds.query(`UPDATE ${this.t.taak} SET toegewezen_aan = $3 WHERE traject_id = $1 AND toegewezen_aan = $2 AND status <> 'afgerond' AND voor = $4`, [
      o.trajectId,
      o.van,
      o.naar,
      o.rol,
    ]);
    if (o.rol === 'regievoerder') {
      await this.ds.query(`UPDATE ${this.t.taak} SET geescaleerd_naar = $3 WHERE traject_id = $1 AND geescaleerd_naar = $2 AND status <> 'afgerond'`, [
        o.trajectId,
        o.van,
        o.naar,
      ]);
    }
  }

  async meld(m: Melding): Promise<void> {
    await this.ds.query(`INSERT INTO ${this.t.melding} (sleutel, traject_id, aan, onderwerp) VALUES ($1, $2, $3, $4) ON CONFLICT (sleutel) DO NOTHING`, [
      m.sleutel,
      m.trajectId,
      m.aan,
      m.onderwerp,
    ]);
  }

  /** Open and overdue tasks of a professional, including escalations addressed to them, earliest first. */
  async openVoor(professionalId: string): Promise<TaakRegel[]> {
    const rows: {
      traject_id: string;
      termijn_id: string;
      soort: string;
      voor: 'coach' | 'regievoerder';
      toegewezen_aan: string;
      vervalt: string;
      status: TaakRegel['status'];
      geescaleerd_naar: string | null;
    }[] = await this.ds.query(
      `SELECT traject_id, termijn_id, soort, voor, toegewezen_aan, vervalt::text AS vervalt, status, geescaleerd_naar FROM ${this.t.taak}
         WHERE status <> 'afgerond' AND (toegewezen_aan = $1 OR geescaleerd_naar = $1) ORDER BY vervalt, traject_id, termijn_id`,
      [professionalId],
    );
    return rows.map((r) => ({
      trajectId: r.traject_id,
      termijnId: r.termijn_id,
      soort: r.soort,
      voor: r.voor,
      toegewezenAan: r.toegewezen_aan,
      vervalt: r.vervalt,
      status: r.status,
      geescaleerdNaar: r.geescaleerd_naar ?? undefined,
    }));
  }
}

/** One transaction with the traject and task repositories bound to it (`TrajectTransacties`). */
export class TypeOrmTrajectTransacties {
  constructor(
    private readonly ds: DataSource,
    private readonly sleutels?: Gegevenskluis,
  ) {}

  binnen<T>(werk: (opslag: { readonly trajecten: TypeOrmTrajectRepository; readonly taken: TypeOrmTakenRepository }) => Promise<T>): Promise<T> {
    return this.ds.transaction((m) => werk({ trajecten: new TypeOrmTrajectRepository(m, this.sleutels), taken: new TypeOrmTakenRepository(m) }));
  }
}

/** Deelnemers and trajecten have uuid keys: any other id names none of them (and must not reach a uuid column). */
function isUuid(id: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
}

/** The deelnemer of a traject workflow (`traject-<id>`), for the payload codec's key; undefined for other workflow ids. */
export function trajectWorkflowDeelnemer(ds: DataSource): (workflowId: string) => Promise<string | undefined> {
  const t = tabellen(ds);
  return async (workflowId) => {
    if (!workflowId.startsWith('traject-')) return undefined;
    const rows: { deelnemer_id: string }[] = await ds.query(`SELECT deelnemer_id FROM ${t.traject} WHERE workflow_id = $1`, [workflowId]);
    return rows[0]?.deelnemer_id;
  };
}
