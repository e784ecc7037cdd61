import type { Stuurgroep } from '@ketenregie/monitoring-domain';
import { type DataSource } from 'typeorm';
import { StuurgroepEntity, StuurgroepLidEntity } from './stuurgroep.entity';

/** The application's `StuurgroepRepository` port over `monitoring.stuurgroep` and `monitoring.stuurgroep_lid`. */
export class TypeOrmStuurgroepRepository {
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
