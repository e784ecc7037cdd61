import type { IntrekkingSignaal } from '@ketenregie/consent-contracts';
import { SchemaSql } from '@ketenregie/shared-platform';
import type { DataSource, EntityManager } from 'typeorm';

/** Writes the end of a consent to the lifecycle outbox in the transaction `m` that records it, once per consent. */
export async function meldLevenscyclus(sql: SchemaSql, m: EntityManager, signaal: IntrekkingSignaal): Promise<void> {
  await sql.q(
    `INSERT INTO $S.levenscyclus_outbox (toestemming_id, signaal) VALUES ($1, $2) ON CONFLICT (toestemming_id) DO NOTHING`,
    [signaal.toestemmingId, JSON.stringify(signaal)],
    m,
  );
}

/** The application's `LevenscyclusOutboxRepository` on PostgreSQL: delivery of the lifecycle outbox, claimed with a lease. */
export class SqlLevenscyclusOutboxRepository {
  private readonly sql: SchemaSql;

  constructor(dataSource: DataSource) {
    this.sql = new SchemaSql(dataSource);
  }

  async levenscyclusTeBezorgen(max: number, leaseMs: number): Promise<readonly { signaal: IntrekkingSignaal; pogingen: number }[]> {
    const rijen = await this.sql.q(
      `UPDATE $S.levenscyclus_outbox o SET pogingen = o.pogingen + 1, volgende_poging = clock_timestamp() + $2 * interval '1 millisecond'
       WHERE o.toestemming_id IN (
         SELECT toestemming_id FROM $S.levenscyclus_outbox WHERE bezorgd_op IS NULL AND volgende_poging <= clock_timestamp() ORDER BY volgende_poging LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING o.signaal, o.pogingen`,
      [max, leaseMs],
    );
    return rijen.map((r) => ({ signaal: r['signaal'] as IntrekkingSignaal, pogingen: Number(r['pogingen']) }));
  }

  async levenscyclusBezorgd(toestemmingId: string): Promise<void> {
    await this.sql.q(`UPDATE $S.levenscyclus_outbox SET bezorgd_op = clock_timestamp(), laatste_fout = NULL WHERE toestemming_id = $1`, [toestemmingId]);
  }

  async levenscyclusNietBezorgd(toestemmingId: string, wachtMs: number, fout: string): Promise<void> {
    await this.sql.q(
      `UPDATE $S.levenscyclus_outbox SET volgende_poging = clock_timestamp() + $2 * interval '1 millisecond', laatste_fout = $3
       WHERE toestemming_id = $1 AND bezorgd_op IS NULL`,
      [toestemmingId, wachtMs, fout],
    );
  }
}
