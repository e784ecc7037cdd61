import type { UitgaandeGebeurtenis, VerwijzingRecord } from '@ketenregie/exchange-domain';
import { kolom, type Rij, SchemaSql, zonderLeeg } from '@ketenregie/shared-platform';
import type { DataSource } from 'typeorm';
import { partijKolommen } from './exchange.kolommen';
import { publiceer } from './outbox.repository';

function verwijzingVan(r: Rij): VerwijzingRecord {
  return zonderLeeg({
    id: String(r['id']),
    deelnemerId: String(r['deelnemer_id']),
    soort: r['soort'] as VerwijzingRecord['soort'],
    zender: kolom.json<VerwijzingRecord['zender']>(r['zender']),
    ontvanger: kolom.json<VerwijzingRecord['ontvanger']>(r['ontvanger']),
    reden: String(r['reden']),
    detailTerugkoppeling: Boolean(r['detail_terugkoppeling']),
    status: r['status'] as VerwijzingRecord['status'],
    eindreden: (r['eindreden'] as VerwijzingRecord['eindreden'] | null) ?? undefined,
    afwijzingReden: (r['afwijzing_reden'] as VerwijzingRecord['afwijzingReden'] | null) ?? undefined,
    aangemeldOp: kolom.tijd(r['aangemeld_op']),
    bijgewerktOp: kolom.tijd(r['bijgewerkt_op']),
  });
}

/** The application's `VerwijzingRepository` on PostgreSQL. */
export class SqlVerwijzingRepository {
  private readonly sql: SchemaSql;

  constructor(dataSource: DataSource) {
    this.sql = new SchemaSql(dataSource);
  }

  async voegVerwijzingToe(v: VerwijzingRecord, g: UitgaandeGebeurtenis): Promise<void> {
    await this.sql.transactie(async (m) => {
      await this.sql.q(
        `INSERT INTO $S.verwijzing (id, deelnemer_id, soort, zender, zender_organisatie, ontvanger, ontvanger_organisatie, reden, detail_terugkoppeling, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [v.id, v.deelnemerId, v.soort, ...partijKolommen(v), v.reden, v.detailTerugkoppeling, v.status],
        m,
      );
      await publiceer(this.sql, m, g);
    });
  }

  async verwijzing(id: string): Promise<VerwijzingRecord | undefined> {
    const [r] = await this.sql.q(`SELECT * FROM $S.verwijzing WHERE id = $1`, [id]);
    return r ? verwijzingVan(r) : undefined;
  }

  async verwijzingenVan(organisatie: string): Promise<VerwijzingRecord[]> {
    const rijen = await this.sql.q(`SELECT * FROM $S.verwijzing WHERE zender_organisatie = $1 OR ontvanger_organisatie = $1 ORDER BY aangemeld_op DESC, id`, [
      organisatie,
    ]);
    return rijen.map(verwijzingVan);
  }

  async werkVerwijzingBij(v: VerwijzingRecord, g: UitgaandeGebeurtenis): Promise<void> {
    await this.sql.transactie(async (m) => {
      await this.sql.q(
        `UPDATE $S.verwijzing SET status = $2, eindreden = $3, afwijzing_reden = $4, bijgewerkt_op = clock_timestamp() WHERE id = $1`,
        [v.id, v.status, v.eindreden ?? null, v.afwijzingReden ?? null],
        m,
      );
      await publiceer(this.sql, m, g);
    });
  }
}
