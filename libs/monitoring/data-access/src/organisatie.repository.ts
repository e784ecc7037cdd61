import type { OrganisatieType } from '@ketenregie/shared-platform';
import { type Rij, SchemaSql } from '@ketenregie/shared-platform';
import type { Organisatie } from '@ketenregie/monitoring-domain';
import type { DataSource } from 'typeorm';

const toOrganisatie = (r: Rij): Organisatie => ({ id: String(r['id']), naam: String(r['naam']), type: r['type'] as OrganisatieType });

/** The application's `OrganisatieRepository` port over `monitoring.organisatie`. */
export class SqlOrganisatieRepository {
  private readonly sql: SchemaSql;

  constructor(dataSource: DataSource) {
    this.sql = new SchemaSql(dataSource);
  }

  async list(): Promise<Organisatie[]> {
    return (await this.sql.q(`SELECT id, naam, type FROM $S.organisatie ORDER BY type, naam`)).map(toOrganisatie);
  }

  async findById(id: string): Promise<Organisatie | undefined> {
    const [r] = await this.sql.q(`SELECT id, naam, type FROM $S.organisatie WHERE id = $1`, [id]);
    return r ? toOrganisatie(r) : undefined;
  }

  async insertMissing(organisaties: readonly Organisatie[]): Promise<number> {
    if (organisaties.length === 0) return 0;
    const rijen = await this.sql.q(
      `INSERT INTO $S.organisatie (id, naam, type) SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) ON CONFLICT DO NOTHING RETURNING id`,
      [organisaties.map((o) => o.id), organisaties.map((o) => o.naam), organisaties.map((o) => o.type)],
    );
    return rijen.length;
  }
}
