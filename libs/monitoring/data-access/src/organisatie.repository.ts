import type { OrganisatieType } from '@ketenregie/shared-platform';
import type { Organisatie } from '@ketenregie/monitoring-domain';
import { type DataSource } from 'typeorm';
import { OrganisatieEntity } from './organisatie.entity';

const toOrganisatie = (row: OrganisatieEntity): Organisatie => ({ id: row.id, naam: row.naam, type: row.type as OrganisatieType });

/** The application's `OrganisatieRepository` port over `monitoring.organisatie`. */
export class TypeOrmOrganisatieRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(): Promise<Organisatie[]> {
    const rows = await this.dataSource.getRepository(OrganisatieEntity).find({ order: { type: 'ASC', naam: 'ASC' } });
    return rows.map(toOrganisatie);
  }

  async findById(id: string): Promise<Organisatie | undefined> {
    const row = await this.dataSource.getRepository(OrganisatieEntity).findOneBy({ id });
    return row ? toOrganisatie(row) : undefined;
  }

  async insertMissing(organisaties: readonly Organisatie[]): Promise<number> {
    if (organisaties.length === 0) return 0;
    const result = await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(OrganisatieEntity)
      .values(organisaties.map((o) => ({ id: o.id, naam: o.naam, type: o.type })))
      .orIgnore()
      .returning(['id'])
      .execute();
    return (result.raw as unknown[]).length;
  }
}
