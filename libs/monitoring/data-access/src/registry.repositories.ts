import type { OrganisatieType } from '@ketenregie/shared-platform';
import type { Organisatie, OrganisatieRepository, Stuurgroep, StuurgroepRepository } from '@ketenregie/monitoring-domain';
import { type DataSource } from 'typeorm';
import { OrganisatieEntity } from './organisatie.entity';
import { StuurgroepEntity, StuurgroepLidEntity } from './stuurgroep.entity';

const toOrganisatie = (row: OrganisatieEntity): Organisatie => ({ id: row.id, naam: row.naam, type: row.type as OrganisatieType });

/** {@link OrganisatieRepository} over `monitoring.organisatie`. */
export class TypeOrmOrganisatieRepository implements OrganisatieRepository {
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

/** {@link StuurgroepRepository} over `monitoring.stuurgroep` and `monitoring.stuurgroep_lid`. */
export class TypeOrmStuurgroepRepository implements StuurgroepRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(): Promise<Stuurgroep[]> {
    const rows = await this.dataSource.getRepository(StuurgroepEntity).find({ relations: { leden: true }, order: { naam: 'ASC' } });
    return rows.map((row) => ({
      id: row.id,
      naam: row.naam,
      leden: [...row.leden].sort((a, b) => a.volgorde - b.volgorde).map((lid) => lid.organisatieId),
    }));
  }

  async insertIfMissing(stuurgroep: Stuurgroep): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(StuurgroepEntity)
        .values({ id: stuurgroep.id, naam: stuurgroep.naam })
        .orIgnore()
        .returning(['id'])
        .execute();
      if ((inserted.raw as unknown[]).length === 0) return false;
      await manager
        .getRepository(StuurgroepLidEntity)
        .insert(stuurgroep.leden.map((organisatieId, volgorde) => ({ stuurgroepId: stuurgroep.id, organisatieId, volgorde })));
      return true;
    });
  }
}
