import type { Convenant, ConvenantVersie } from '@ketenregie/monitoring-domain';
import type { DataSource } from 'typeorm';
import { ConvenantEntity, ConvenantVersieEntity } from './convenant.entity';

const toVersie = (row: ConvenantVersieEntity): ConvenantVersie => ({
  versie: row.versie,
  ingangsdatum: row.ingangsdatum,
  naam: row.naam,
  startdatum: row.startdatum,
  einddatum: row.einddatum,
  partijen: row.partijen,
  doelen: row.doelen,
  vastgesteldDoor: row.vastgesteldDoor,
});

const toRow = (convenantId: string, v: ConvenantVersie): Partial<ConvenantVersieEntity> => ({
  convenantId,
  versie: v.versie,
  ingangsdatum: v.ingangsdatum,
  naam: v.naam,
  startdatum: v.startdatum,
  einddatum: v.einddatum,
  partijen: [...v.partijen],
  doelen: [...v.doelen],
  vastgesteldDoor: v.vastgesteldDoor,
});

/** The application's `ConvenantRepository` port over `monitoring.convenant` and `monitoring.convenant_versie`. */
export class TypeOrmConvenantRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(): Promise<Convenant[]> {
    const rows = await this.dataSource.getRepository(ConvenantEntity).find({ relations: { versies: true }, order: { aangemaaktOp: 'ASC', id: 'ASC' } });
    return rows.map((row) => ({
      id: row.id,
      stuurgroepId: row.stuurgroepId,
      versies: [...(row.versies ?? [])].sort((a, b) => a.versie - b.versie).map(toVersie),
    }));
  }

  async find(id: string): Promise<Convenant | undefined> {
    const row = await this.dataSource.getRepository(ConvenantEntity).findOne({ where: { id }, relations: { versies: true } });
    return row
      ? { id: row.id, stuurgroepId: row.stuurgroepId, versies: [...(row.versies ?? [])].sort((a, b) => a.versie - b.versie).map(toVersie) }
      : undefined;
  }

  async create(convenant: Convenant): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(ConvenantEntity).insert({ id: convenant.id, stuurgroepId: convenant.stuurgroepId });
      for (const v of convenant.versies) await manager.getRepository(ConvenantVersieEntity).insert(toRow(convenant.id, v));
    });
  }

  async addVersion(convenantId: string, versie: ConvenantVersie): Promise<boolean> {
    const result = await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(ConvenantVersieEntity)
      .values(toRow(convenantId, versie))
      .orIgnore()
      .returning(['versie'])
      .execute();
    return (result.raw as unknown[]).length > 0;
  }
}
