import type { Convenant, ConvenantPartij, ConvenantVersie, IndicatorDoel } from '@ketenregie/monitoring-domain';
import { kolom, type Rij, SchemaSql } from '@ketenregie/shared-platform';
import type { DataSource } from 'typeorm';

const VERSIE_KOLOMMEN = `convenant_id, versie, ingangsdatum::text AS ingangsdatum, naam, startdatum::text AS startdatum, einddatum::text AS einddatum,
  partijen, doelen, vastgesteld_door`;

const toVersie = (r: Rij): ConvenantVersie => ({
  versie: Number(r['versie']),
  ingangsdatum: String(r['ingangsdatum']),
  naam: String(r['naam']),
  startdatum: String(r['startdatum']),
  einddatum: String(r['einddatum']),
  partijen: kolom.json<ConvenantPartij[]>(r['partijen']),
  doelen: kolom.json<IndicatorDoel[]>(r['doelen']),
  vastgesteldDoor: String(r['vastgesteld_door']),
});

/** The application's `ConvenantRepository` port over `monitoring.convenant` and `monitoring.convenant_versie`. */
export class SqlConvenantRepository {
  private readonly sql: SchemaSql;

  constructor(dataSource: DataSource) {
    this.sql = new SchemaSql(dataSource);
  }

  private async metVersies(rows: Rij[]): Promise<Convenant[]> {
    if (rows.length === 0) return [];
    const versies = await this.sql.q(`SELECT ${VERSIE_KOLOMMEN} FROM $S.convenant_versie WHERE convenant_id = ANY($1::uuid[]) ORDER BY versie`, [
      rows.map((r) => r['id']),
    ]);
    return rows.map((r) => ({
      id: String(r['id']),
      stuurgroepId: String(r['stuurgroep_id']),
      versies: versies.filter((v) => v['convenant_id'] === r['id']).map(toVersie),
    }));
  }

  async list(): Promise<Convenant[]> {
    return this.metVersies(await this.sql.q(`SELECT id, stuurgroep_id FROM $S.convenant ORDER BY aangemaakt_op, id`));
  }

  async find(id: string): Promise<Convenant | undefined> {
    const [convenant] = await this.metVersies(await this.sql.q(`SELECT id, stuurgroep_id FROM $S.convenant WHERE id = $1`, [id]));
    return convenant;
  }

  async create(convenant: Convenant): Promise<void> {
    await this.sql.transactie(async (m) => {
      await this.sql.q(`INSERT INTO $S.convenant (id, stuurgroep_id) VALUES ($1, $2)`, [convenant.id, convenant.stuurgroepId], m);
      for (const v of convenant.versies) await this.voegVersieToe(convenant.id, v, false, m);
    });
  }

  async addVersion(convenantId: string, versie: ConvenantVersie): Promise<boolean> {
    return this.voegVersieToe(convenantId, versie, true);
  }

  /** Inserts a version; `alsNieuw`: nothing when the version exists (false), else a duplicate fails. */
  private async voegVersieToe(convenantId: string, v: ConvenantVersie, alsNieuw: boolean, m?: Parameters<SchemaSql['q']>[2]): Promise<boolean> {
    const rijen = await this.sql.q(
      `INSERT INTO $S.convenant_versie (convenant_id, versie, ingangsdatum, naam, startdatum, einddatum, partijen, doelen, vastgesteld_door)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ${alsNieuw ? 'ON CONFLICT DO NOTHING' : ''} RETURNING versie`,
      [convenantId, v.versie, v.ingangsdatum, v.naam, v.startdatum, v.einddatum, JSON.stringify(v.partijen), JSON.stringify(v.doelen), v.vastgesteldDoor],
      m,
    );
    return rijen.length > 0;
  }
}
