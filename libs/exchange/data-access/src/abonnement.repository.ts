import type { AbonnementRecord, NieuwAbonnement } from '@ketenregie/exchange-domain';
import { kolom, SchemaSql } from '@ketenregie/shared-platform';
import type { DataSource } from 'typeorm';

/** The application's `AbonnementRepository` on PostgreSQL: webhook subscriptions. */
export class SqlAbonnementRepository {
  private readonly sql: SchemaSql;

  constructor(dataSource: DataSource) {
    this.sql = new SchemaSql(dataSource);
  }

  async voegAbonnementToe(a: NieuwAbonnement): Promise<string> {
    const rijen = await this.sql.q(
      `INSERT INTO $S.abonnement (id, organisatie, url, types, geheim) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (organisatie, url) DO UPDATE SET types = EXCLUDED.types, geheim = EXCLUDED.geheim RETURNING id`,
      [a.id, a.organisatie, a.url, a.types ? [...a.types] : null, a.geheim],
    );
    return String(rijen[0]['id']);
  }

  async abonnementenVan(organisatie: string): Promise<AbonnementRecord[]> {
    const rijen = await this.sql.q(`SELECT id, organisatie, url, types, aangemaakt_op FROM $S.abonnement WHERE organisatie = $1 ORDER BY aangemaakt_op, id`, [
      organisatie,
    ]);
    return rijen.map((r) => ({
      id: String(r['id']),
      organisatie: String(r['organisatie']),
      url: String(r['url']),
      ...(r['types'] ? { types: r['types'] as string[] } : {}),
      aangemaaktOp: kolom.tijd(r['aangemaakt_op']),
    }));
  }

  async verwijderAbonnement(id: string, organisatie: string): Promise<boolean> {
    return this.sql.transactie(async (m) => {
      const eigen = await this.sql.q(`SELECT id FROM $S.abonnement WHERE id = $1 AND organisatie = $2 FOR UPDATE`, [id, organisatie], m);
      if (eigen.length === 0) return false;
      await this.sql.q(`DELETE FROM $S.outbox_aflevering WHERE abonnement_id = $1`, [id], m);
      await this.sql.q(`DELETE FROM $S.abonnement WHERE id = $1`, [id], m);
      return true;
    });
  }
}
