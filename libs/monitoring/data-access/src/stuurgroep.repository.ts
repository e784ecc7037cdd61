import type { Stuurgroep } from '@ketenregie/monitoring-domain';
import { SchemaSql } from '@ketenregie/shared-platform';
import type { DataSource } from 'typeorm';

/** The application's `StuurgroepRepository` port over `monitoring.stuurgroep` and `monitoring.stuurgroep_lid`. */
export class SqlStuurgroepRepository {
  private readonly sql: SchemaSql;

  constructor(dataSource: DataSource) {
    this.sql = new SchemaSql(dataSource);
  }

  async list(): Promise<Stuurgroep[]> {
    const rijen = await this.sql.q(
      `SELECT s.id, s.naam, COALESCE(array_agg(l.organisatie_id ORDER BY l.volgorde) FILTER (WHERE l.organisatie_id IS NOT NULL), '{}') AS leden
       FROM $S.stuurgroep s LEFT JOIN $S.stuurgroep_lid l ON l.stuurgroep_id = s.id GROUP BY s.id, s.naam ORDER BY s.naam`,
    );
    return rijen.map((r) => ({ id: String(r['id']), naam: String(r['naam']), leden: r['leden'] as string[] }));
  }

  async insertIfMissing(stuurgroep: Stuurgroep): Promise<boolean> {
    return this.sql.transactie(async (m) => {
      const nieuw = await this.sql.q(
        `INSERT INTO $S.stuurgroep (id, naam) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING id`,
        [stuurgroep.id, stuurgroep.naam],
        m,
      );
      if (nieuw.length === 0) return false;
      if (stuurgroep.leden.length > 0) {
        await this.sql.q(
          `INSERT INTO $S.stuurgroep_lid (stuurgroep_id, organisatie_id, volgorde) SELECT $1, o, v - 1 FROM unnest($2::text[]) WITH ORDINALITY AS t(o, v)`,
          [stuurgroep.id, [...stuurgroep.leden]],
          m,
        );
      }
      return true;
    });
  }
}
