import type { InzetRegistratie } from '@ketenregie/monitoring-domain';
import { SchemaSql } from '@ketenregie/shared-platform';
import type { DataSource } from 'typeorm';

interface InzetRij {
  convenant_id: string;
  organisatie_id: string;
  maand: string;
  expertise: string;
  uren: string;
  geregistreerd_op: Date;
}

const KOLOMMEN = 'convenant_id, organisatie_id, maand, expertise, uren, geregistreerd_op';

const registratie = (r: InzetRij): InzetRegistratie => ({
  convenantId: r.convenant_id,
  organisatieId: r.organisatie_id,
  maand: r.maand,
  expertise: r.expertise,
  uren: Number(r.uren),
  geregistreerdOp: new Date(r.geregistreerd_op).toISOString(),
});

/** The application's `InzetRepository` port: one row per convenant, organisation, month and expertise (`monitoring.inzet`). */
export class SqlInzetRepository {
  private readonly sql: SchemaSql;

  constructor(dataSource: DataSource) {
    this.sql = new SchemaSql(dataSource);
  }

  /** Records the hours, replacing an earlier figure of the same month and expertise. */
  async registreer(r: Omit<InzetRegistratie, 'geregistreerdOp'>): Promise<InzetRegistratie> {
    const [rij] = await this.sql.q<InzetRij>(
      `INSERT INTO $S.inzet (convenant_id, organisatie_id, maand, expertise, uren) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (convenant_id, organisatie_id, maand, expertise) DO UPDATE SET uren = EXCLUDED.uren, geregistreerd_op = now()
       RETURNING ${KOLOMMEN}`,
      [r.convenantId, r.organisatieId, r.maand, r.expertise, r.uren],
    );
    return registratie(rij);
  }

  /** The registrations of a convenant (of one organisation when given), by month, organisation and expertise. */
  async lijst(convenantId: string, organisatieId?: string): Promise<InzetRegistratie[]> {
    const rijen = await this.sql.q<InzetRij>(
      `SELECT ${KOLOMMEN} FROM $S.inzet
       WHERE convenant_id = $1 AND ($2::text IS NULL OR organisatie_id = $2) ORDER BY maand, organisatie_id, expertise`,
      [convenantId, organisatieId ?? null],
    );
    return rijen.map(registratie);
  }
}
