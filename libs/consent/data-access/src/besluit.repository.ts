import {
  type Besluit,
  canoniekeJson,
  type Ketenregel,
  ketenVoor,
  type OrganisatieType,
  type Toestemming,
  type Verwerkingsregel,
} from '@ketenregie/consent-domain';
import { SchemaSql } from '@ketenregie/shared-platform';
import type { DataSource, EntityManager } from 'typeorm';
import { besluitParameters, regelParameters, type StatusRij, toestemming, toestemmingRij } from './consent.kolommen';
import type { HmacKetenSleutels } from './consent.crypto';

/** The part of `pg`'s pool the decision's statements use (named, so each is prepared once per connection). */
interface PgPool {
  query<R>(query: { readonly name: string; readonly text: string; readonly values: unknown[] }): Promise<{ rows: R[] }>;
}

/**
 * The application's `BesluitRepository` on PostgreSQL: a decision's optimistic path, two
 * statements sent straight to the pg pool (named, so each is prepared once per connection),
 * no transaction around them.
 */
export class SqlBesluitRepository {
  private readonly sql: SchemaSql;

  constructor(
    dataSource: DataSource,
    private readonly sleutels: HmacKetenSleutels,
    /** Chains of the processing log; must equal the rows of `keten_kop`. */
    private readonly aantalKetens: number,
  ) {
    this.sql = new SchemaSql(dataSource);
  }

  /** The pg pool under the data source: the decision's two statements go to it directly. */
  private get pool(): PgPool {
    return (this.sql.dataSource.driver as unknown as { master: PgPool }).master;
  }

  /**
   * One statement: the clock, then every consent of the deelnemer with its history (one
   * snapshot, so consents and history agree). A deelnemer without consents gives one row with
   * only the clock.
   */
  async leesVoorBesluit(deelnemerId: string): Promise<{ toestemmingen: Toestemming[]; op: Date; stempel: string[] }> {
    const { rows } = await this.pool.query<Record<string, unknown> & { nu: Date; versie: number | null; historie: Record<string, unknown>[] | null }>({
      name: `consent-besluit-lees:${this.sql.tabel('')}`,
      text: `SELECT k.nu, t.id, t.deelnemer_id, t.verlener, t.doel, t.categorieen, t.bronnen, t.ontvangers, t.geldig_vanaf, t.geldig_tot, t.bewijs, t.vervangt, t.versie,
               (SELECT json_agg(json_build_object('volgnummer', h.volgnummer, 'status', h.status, 'op', h.op, 'door', h.door, 'reden', h.reden,
                  'vervangen_door', h.vervangen_door) ORDER BY h.volgnummer) FROM ${this.sql.tabel('toestemming_status')} h WHERE h.toestemming_id = t.id) AS historie
             FROM (SELECT date_trunc('milliseconds', clock_timestamp()) AS nu) k
             LEFT JOIN ${this.sql.tabel('toestemming')} t ON t.deelnemer_id = $1
             ORDER BY t.id`,
      values: [deelnemerId],
    });
    const op = rows[0]?.nu;
    if (!op) throw new Error('The database returned no clock reading');
    const rijen = rows.filter((r) => r['id'] !== null);
    return {
      op,
      stempel: rijen.map((r) => `${String(r['id'])}:${String(r.versie)}`),
      toestemmingen: rijen.map((r) =>
        toestemming(
          toestemmingRij(r),
          (r.historie ?? []).map(
            (h) =>
              ({
                toestemmingId: r['id'],
                volgnummer: Number(h['volgnummer']),
                status: h['status'],
                op: new Date(String(h['op'])),
                door: h['door'],
                reden: h['reden'],
                vervangenDoor: h['vervangen_door'],
              }) as StatusRij,
          ),
        ),
      ),
    };
  }

  /**
   * One statement, atomic without a transaction around it: locks the deelnemer's consents (in id
   * order, as every writer does) and compares them with `stempel`; only when they are unchanged
   * does it lock the head of the line's chain, compute the line's MAC from the head (HMAC-SHA-256
   * in PostgreSQL, from the active key's padded keys and core `sha256()`, over the same text
   * {@link regelHash} MACs, so the log verifies like every other line),
   * store the decision and the line and move the head. The head is locked for the duration of
   * this one statement, not for round trips to the service.
   */
  async legBesluitVast(id: string, besluit: Besluit, traceId: string, regel: Verwerkingsregel, stempel: readonly string[]): Promise<Ketenregel | undefined> {
    const keten = ketenVoor(regel.betrokkene, this.aantalKetens);
    const v = besluit.verzoek;
    const { rows } = await this.pool.query<{ volgnummer: string; vorige_hash: string; hash: string }>({
      name: `consent-besluit-vast:${this.sql.tabel('')}`,
      text: `WITH vergrendeld AS (
               SELECT id, versie FROM ${this.sql.tabel('toestemming')} WHERE deelnemer_id = $1::uuid ORDER BY id FOR UPDATE
             ), ongewijzigd AS (
               SELECT coalesce(array_agg(id::text || ':' || versie ORDER BY id), '{}') = $2::text[] AS ja FROM vergrendeld
             ), kop AS (
               SELECT k.id, k.volgnummer + 1 AS volgnummer, k.hash AS vorige_hash FROM ${this.sql.tabel('keten_kop')} k, ongewijzigd o WHERE k.id = $3::smallint AND o.ja FOR UPDATE OF k
             ), schakel AS (
               SELECT id AS keten, volgnummer, vorige_hash,
                 encode(sha256($34::bytea || sha256($35::bytea || convert_to(vorige_hash::text || E'\n' || volgnummer::text || E'\n' || $4::text, 'UTF8'))), 'hex') AS hash FROM kop
             ), besluit AS (
               INSERT INTO ${this.sql.tabel('besluit')} (id, op, deelnemer_id, bron_organisatie, bron_type, ontvanger_organisatie, ontvanger_type, doel,
                 register_versie, activiteit_id, activiteit_versie, uitkomst, categorieen, toestemmingen, trace_id)
               SELECT $5::uuid, $6::timestamptz, $1::uuid, $7::text, $8::text, $9::text, $10::text, $11::text, $12::integer, $13::text, $14::integer, $15::text,
                 $16::jsonb, $17::uuid[], $18::text FROM schakel
             ), regel AS (
               INSERT INTO ${this.sql.tabel('verwerking')} (keten, volgnummer, vorige_hash, hash, trace_id, span_id, parent_span_id, handeling, status, tijdstip,
                 activiteit_id, activiteit_versie, betrokkene, organisatie, ontvanger, doel, categorieen, grondslagen, toestemmingen, sleutel_id)
               SELECT keten, volgnummer, vorige_hash, hash, $19::text, $20::text, $21::text, $22::text, $23::text, $24::timestamptz, $25::text, $26::integer,
                 $27::text, $28::text, $29::text, $30::text, $31::text[], $32::text[], $33::uuid[], $36::text FROM schakel
               RETURNING keten, volgnummer, vorige_hash, hash
             )
             UPDATE ${this.sql.tabel('keten_kop')} k SET volgnummer = r.volgnummer, hash = r.hash FROM regel r WHERE k.id = r.keten
             RETURNING r.volgnummer, r.vorige_hash, r.hash`,
      values: [
        v.deelnemerId,
        [...stempel],
        keten,
        canoniekeJson(regel),
        id,
        besluit.op,
        ...besluitParameters(besluit, traceId),
        ...regelParameters(regel),
        this.sleutels.pads.opad,
        this.sleutels.pads.ipad,
        this.sleutels.actief,
      ],
    });
    const rij = rows[0];
    return rij ? { keten, volgnummer: Number(rij.volgnummer), vorigeHash: rij.vorige_hash, hash: rij.hash, sleutelId: this.sleutels.actief, regel } : undefined;
  }
}

/** The insert of a decision row, to be sent with the transaction's next statement ({@link voegRegelToe} takes it along). */
export function besluitInvoeging(id: string, besluit: Besluit, traceId: string): { readonly sql: string; readonly params: readonly unknown[] } {
  return {
    sql: `INSERT INTO $S.besluit (id, op, deelnemer_id, bron_organisatie, bron_type, ontvanger_organisatie, ontvanger_type, doel,
            register_versie, activiteit_id, activiteit_versie, uitkomst, categorieen, toestemmingen, trace_id)
          VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
    params: [id, besluit.op, besluit.verzoek.deelnemerId, ...besluitParameters(besluit, traceId)],
  };
}

/** The recipient organisations of the deelnemer's decisions that permitted a disclosure resting on this consent, read in the transaction `m`. */
export async function ontvangersOpToestemming(sql: SchemaSql, m: EntityManager, deelnemerId: string, toestemmingId: string): Promise<readonly string[]> {
  const rijen = await sql.q(
    `SELECT DISTINCT ontvanger_organisatie FROM $S.besluit
     WHERE deelnemer_id = $1 AND $2::uuid = ANY(toestemmingen) AND uitkomst <> 'geweigerd' ORDER BY 1`,
    [deelnemerId, toestemmingId],
    m,
  );
  return rijen.map((r) => String(r['ontvanger_organisatie']));
}

/** A stored decision as it was taken, read in the transaction `m`. */
export async function leesBesluit(sql: SchemaSql, m: EntityManager, id: string): Promise<Besluit | undefined> {
  const [rij] = (await sql.q(
    `SELECT op, deelnemer_id AS "deelnemerId", bron_organisatie AS "bronOrganisatie", bron_type AS "bronType", ontvanger_organisatie AS "ontvangerOrganisatie",
       ontvanger_type AS "ontvangerType", doel, register_versie AS "registerVersie", activiteit_id AS "activiteitId", activiteit_versie AS "activiteitVersie",
       categorieen FROM $S.besluit WHERE id = $1`,
    [id],
    m,
  )) as unknown as {
    op: Date;
    deelnemerId: string;
    bronOrganisatie: string;
    bronType: string;
    ontvangerOrganisatie: string;
    ontvangerType: string;
    doel: string;
    registerVersie: number | null;
    activiteitId: string | null;
    activiteitVersie: number | null;
    categorieen: Besluit['categorieen'];
  }[];
  if (!rij) return undefined;
  const categorieen = rij.categorieen;
  return {
    verzoek: {
      deelnemerId: rij.deelnemerId,
      bron: { organisatie: rij.bronOrganisatie, type: rij.bronType as OrganisatieType },
      ontvanger: { organisatie: rij.ontvangerOrganisatie, type: rij.ontvangerType as OrganisatieType },
      doel: rij.doel,
      categorieen: categorieen.map((c) => c.categorie),
    },
    op: rij.op,
    ...(rij.registerVersie === null ? {} : { registerVersie: rij.registerVersie }),
    ...(rij.activiteitId === null || rij.activiteitVersie === null ? {} : { activiteit: { id: rij.activiteitId, versie: rij.activiteitVersie } }),
    categorieen,
  };
}
