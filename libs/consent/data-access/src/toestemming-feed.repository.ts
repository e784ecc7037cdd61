import type { ToestemmingFeit, UitgaandToestemmingFeit } from '@ketenregie/consent-domain';
import { kolom, OUTBOX_VOLGORDE_SQL, SchemaSql } from '@ketenregie/shared-platform';
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
      `SELECT id, volgnummer, soort, toestemming_id, datum::text AS datum, data, tijd FROM $S.outbox WHERE volgnummer > $1 ORDER BY volgnummer LIMIT $2`,
      [na, max],
    );
    return rijen.map((r) => ({
      id: String(r['id']),
      volgnummer: Number(r['volgnummer']),
      soort: String(r['soort']),
      toestemmingId: String(r['toestemming_id']),
      datum: String(r['datum']),
      data: r['data'] as Record<string, unknown>,
      tijd: kolom.tijd(r['tijd']),
    }));
  }
}
