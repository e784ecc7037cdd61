import type { ToestemmingFeit, UitgaandToestemmingFeit } from '@ketenregie/consent-domain';
import { OUTBOX_VOLGORDE_SQL, SchemaSql } from '@ketenregie/shared-platform';
import type { DataSource, EntityManager } from 'typeorm';

/** Writes a published fact to the outbox in the transaction `m` of the change it reports, once per `sleutel`. */
export async function publiceer(sql: SchemaSql, m: EntityManager, f: ToestemmingFeit): Promise<void> {
  await sql.q(OUTBOX_VOLGORDE_SQL, [sql.tabel('outbox')], m);
  await sql.q(
    `INSERT INTO $S.outbox (sleutel, soort, toestemming_id, datum, data) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (sleutel) DO NOTHING`,
    [f.sleutel, f.soort, f.toestemmingId, f.datum, JSON.stringify({ organisatie: f.organisatie, doel: f.doel })],
    m,
  );
}

/** The application's `ToestemmingFeedRepository` on PostgreSQL: the consent facts of the outbox, in order. */
export class SqlToestemmingFeedRepository {
  private readonly sql: SchemaSql;

  constructor(dataSource: DataSource) {
    this.sql = new SchemaSql(dataSource);
  }

  async gebeurtenissenNa(na: number, max: number): Promise<readonly UitgaandToestemmingFeit[]> {
    const rijen = await this.sql.q(
      `SELECT id, volgnummer, soort, toestemming_id AS "toestemmingId", datum::text AS datum, data, tijd FROM $S.outbox WHERE volgnummer > $1 ORDER BY volgnummer LIMIT $2`,
      [na, max],
    );
    // The columns are the fact's fields; only the bigint sequence number comes as text.
    return rijen.map((r) => ({ ...(r as unknown as UitgaandToestemmingFeit), volgnummer: Number(r['volgnummer']) }));
  }
}
