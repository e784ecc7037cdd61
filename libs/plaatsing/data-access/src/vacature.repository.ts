import type { Ondersteuning, Vacature, VacatureStatus } from '@ketenregie/plaatsing-domain';
import { kolom, type Rij, SchemaSql } from '@ketenregie/shared-platform';
import type { DataSource } from 'typeorm';

const KOLOMMEN = 'id, werkgever_id, titel, uren_per_week, taken, competenties, ondersteuning, status';

const naarVacature = (r: Rij): Vacature => ({
  id: String(r['id']),
  werkgeverId: String(r['werkgever_id']),
  titel: String(r['titel']),
  urenPerWeek: Number(r['uren_per_week']),
  taken: kolom.json<string[]>(r['taken']),
  competenties: kolom.json<string[]>(r['competenties']),
  ondersteuning: kolom.json<Ondersteuning[]>(r['ondersteuning']),
  status: r['status'] as VacatureStatus,
});

/** The application's `VacatureRepository` over `plaatsing.vacature` (no personal data). */
export class SqlVacatureRepository {
  private readonly sql: SchemaSql;

  constructor(ds: DataSource) {
    this.sql = new SchemaSql(ds);
  }

  async voegToe(v: Vacature): Promise<void> {
    await this.sql.q(`INSERT INTO $S.vacature (${KOLOMMEN}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, [
      v.id,
      v.werkgeverId,
      v.titel,
      v.urenPerWeek,
      JSON.stringify(v.taken),
      JSON.stringify(v.competenties),
      JSON.stringify(v.ondersteuning),
      v.status,
    ]);
  }

  async vind(id: string): Promise<Vacature | undefined> {
    const [r] = await this.sql.q(`SELECT ${KOLOMMEN} FROM $S.vacature WHERE id = $1`, [id]);
    return r ? naarVacature(r) : undefined;
  }

  async vanWerkgever(werkgeverId: string): Promise<Vacature[]> {
    return (await this.sql.q(`SELECT ${KOLOMMEN} FROM $S.vacature WHERE werkgever_id = $1 ORDER BY aangemaakt_op`, [werkgeverId])).map(naarVacature);
  }

  async open(): Promise<Vacature[]> {
    return (await this.sql.q(`SELECT ${KOLOMMEN} FROM $S.vacature WHERE status = 'open' ORDER BY aangemaakt_op`)).map(naarVacature);
  }
}
