import {
  type DataCategorie,
  type Handeling,
  type Ketenregel,
  ketenVoor,
  type KetenSleutels,
  type Verwerkingsregel,
  volgendeSchakel,
} from '@ketenregie/consent-domain';
import { SchemaSql } from '@ketenregie/shared-platform';
import type { DataSource, EntityManager } from 'typeorm';
import { regelParameters } from './consent.kolommen';
import { LOGSCHRIJVER_ROL } from './migrations/1763900000003-logschrijver';

/** A `verwerking` row's fields: one line of the hash-chained processing log, as {@link VERWERKING_KOLOMMEN} selects it. */
interface VerwerkingRij {
  readonly keten: number;
  readonly volgnummer: string;
  readonly vorigeHash: string;
  readonly hash: string;
  readonly sleutelId: string | null;
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId: string | null;
  readonly handeling: string;
  readonly status: string;
  readonly tijdstip: Date;
  readonly activiteitId: string | null;
  readonly activiteitVersie: number | null;
  readonly betrokkene: string;
  readonly organisatie: string;
  readonly ontvanger: string | null;
  readonly doel: string | null;
  readonly categorieen: string[];
  readonly grondslagen: string[];
  readonly toestemmingen: string[];
}

/** The columns of {@link VerwerkingRij}. */
const VERWERKING_KOLOMMEN = `keten, volgnummer, vorige_hash AS "vorigeHash", hash, sleutel_id AS "sleutelId", trace_id AS "traceId", span_id AS "spanId",
  parent_span_id AS "parentSpanId", handeling, status, tijdstip, activiteit_id AS "activiteitId", activiteit_versie AS "activiteitVersie", betrokkene,
  organisatie, ontvanger, doel, categorieen, grondslagen, toestemmingen`;

function ketenregel(rij: VerwerkingRij): Ketenregel {
  const regel: Verwerkingsregel = {
    traceId: rij.traceId,
    spanId: rij.spanId,
    ...(rij.parentSpanId === null ? {} : { parentSpanId: rij.parentSpanId }),
    handeling: rij.handeling as Handeling,
    status: rij.status as Verwerkingsregel['status'],
    tijdstip: rij.tijdstip,
    ...(rij.activiteitId === null || rij.activiteitVersie === null ? {} : { verwerkingsactiviteit: { id: rij.activiteitId, versie: rij.activiteitVersie } }),
    betrokkene: rij.betrokkene,
    organisatie: rij.organisatie,
    ...(rij.ontvanger === null ? {} : { ontvanger: rij.ontvanger }),
    ...(rij.doel === null ? {} : { doel: rij.doel }),
    categorieen: rij.categorieen as DataCategorie[],
    grondslagen: rij.grondslagen,
    toestemmingen: rij.toestemmingen,
  };
  return {
    keten: rij.keten,
    volgnummer: Number(rij.volgnummer),
    vorigeHash: rij.vorigeHash,
    hash: rij.hash,
    ...(rij.sleutelId === null ? {} : { sleutelId: rij.sleutelId }),
    regel,
  };
}

/** The application's `VerwerkingRepository` on PostgreSQL: reading the hash-chained processing log (appended in a {@link SqlConsentTransactie} or with a decision). */
export class SqlVerwerkingRepository {
  private readonly sql: SchemaSql;

  constructor(
    dataSource: DataSource,
    /** Chains of the processing log; must equal the rows of `keten_kop`. */
    readonly aantalKetens: number,
    /** Page size when streaming the processing log. */
    private readonly paginagrootte: number,
  ) {
    this.sql = new SchemaSql(dataSource);
  }

  async *verwerkingen(): AsyncIterable<Ketenregel> {
    let na: { keten: number; volgnummer: number } | undefined;
    for (;;) {
      const pagina = await this.verwerkingenPagina(na, this.paginagrootte);
      yield* pagina;
      const laatste = pagina[pagina.length - 1];
      if (!laatste || pagina.length < this.paginagrootte) return;
      na = { keten: laatste.keten, volgnummer: laatste.volgnummer };
    }
  }

  async verwerkingenPagina(na: { readonly keten: number; readonly volgnummer: number } | undefined, limiet: number): Promise<readonly Ketenregel[]> {
    const rijen = await this.sql.q(
      `SELECT ${VERWERKING_KOLOMMEN} FROM $S.verwerking WHERE (keten, volgnummer) > ($1, $2) ORDER BY keten, volgnummer LIMIT $3`,
      [na?.keten ?? -1, String(na?.volgnummer ?? 0), limiet],
    );
    return (rijen as unknown as VerwerkingRij[]).map(ketenregel);
  }

  /** The head of every chain with at least one line: `[keten, volgnummer, hash]` (what an anchor signs). */
  async ketenKoppen(): Promise<[number, number, string][]> {
    const rijen = await this.sql.q(`SELECT id, volgnummer, hash FROM $S.keten_kop WHERE volgnummer > 0 ORDER BY id`);
    return rijen.map((r) => [Number(r['id']), Number(r['volgnummer']), String(r['hash']).trim()]);
  }

  /** The stored hash of one line, if it exists. */
  async hashOp(keten: number, volgnummer: number): Promise<string | undefined> {
    const [r] = await this.sql.q(`SELECT hash FROM $S.verwerking WHERE keten = $1 AND volgnummer = $2`, [keten, String(volgnummer)]);
    return r ? String(r['hash']).trim() : undefined;
  }

  async verwerkingenVan(betrokkene: string): Promise<readonly Ketenregel[]> {
    const rijen = await this.sql.q(`SELECT ${VERWERKING_KOLOMMEN} FROM $S.verwerking WHERE betrokkene = $1 ORDER BY keten, volgnummer`, [betrokkene]);
    return (rijen as unknown as VerwerkingRij[]).map(ketenregel);
  }
}

/**
 * Appends to the data subject's chain under an exclusive lock on that chain's head row:
 * appenders of one chain queue there, each reads the committed head, links to it and moves it;
 * appenders of different chains do not wait for each other. The insert trigger re-checks the
 * link, so a writer that skipped the lock is refused rather than forking the chain.
 * A decision row still waiting to be written (`wachtend`) goes in the same statement as the head
 * lock. Runs in the transaction `m`.
 */
export async function voegRegelToe(
  sql: SchemaSql,
  m: EntityManager,
  regel: Verwerkingsregel,
  opties: { readonly sleutels: KetenSleutels; readonly aantalKetens: number },
  wachtend?: { readonly sql: string; readonly params: readonly unknown[] },
): Promise<Ketenregel> {
  const keten = ketenVoor(regel.betrokkene, opties.aantalKetens);
  const [kop] = (await sql.q(
    `${wachtend ? `WITH besluit AS (${wachtend.sql}) ` : ''}SELECT set_config('role', '${LOGSCHRIJVER_ROL}', true) AS rol, volgnummer, hash FROM $S.keten_kop WHERE id = $${(wachtend?.params.length ?? 0) + 1} FOR UPDATE`,
    [...(wachtend?.params ?? []), keten],
    m,
  )) as unknown as { volgnummer: string; hash: string }[];
  if (!kop) throw new Error(`The processing log has no chain ${keten}`);
  const vorige = Number(kop.volgnummer) === 0 ? undefined : { volgnummer: Number(kop.volgnummer), hash: kop.hash };
  const schakel = volgendeSchakel(keten, vorige, regel, opties.sleutels);
  // The line and the moved head in one statement, so the head lock is held one round trip less.
  await sql.q(
    `WITH regel AS (
       INSERT INTO $S.verwerking (keten, volgnummer, vorige_hash, hash, trace_id, span_id, parent_span_id, handeling, status, tijdstip,
         activiteit_id, activiteit_versie, betrokkene, organisatie, ontvanger, doel, categorieen, grondslagen, toestemmingen, sleutel_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20) RETURNING keten)
     UPDATE $S.keten_kop k SET volgnummer = $2, hash = $4 FROM regel WHERE k.id = regel.keten`,
    [keten, String(schakel.volgnummer), schakel.vorigeHash, schakel.hash, ...regelParameters(regel), schakel.sleutelId],
    m,
  );
  // The line went in under the role that may only insert (switched by the head lock's statement); back for the rest of the transaction.
  await sql.q(`RESET ROLE`, [], m);
  return schakel;
}
