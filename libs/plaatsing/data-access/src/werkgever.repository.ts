import type { Werkgever } from '@ketenregie/plaatsing-domain';
import { SchemaSql } from '@ketenregie/shared-platform';
import type { DataSource } from 'typeorm';
import { type Contacten, PLAATSING_DOELEN, type PlaatsingKluis, versleutelContacten } from './plaatsing.crypto';

/** The application's `WerkgeverRepository` over `plaatsing.werkgever`; the contact persons are encrypted at rest (the system key). */
export class SqlWerkgeverRepository {
  private readonly sql: SchemaSql;

  constructor(
    ds: DataSource,
    private readonly kluis: PlaatsingKluis,
  ) {
    this.sql = new SchemaSql(ds);
  }

  async vind(organisatieId: string): Promise<Werkgever | undefined> {
    const [r] = await this.sql.q(`SELECT contact_versleuteld FROM $S.werkgever WHERE organisatie_id = $1`, [organisatieId]);
    if (!r) return undefined;
    const c = await this.kluis.ontsleutelJson<Contacten>(PLAATSING_DOELEN.werkgever(organisatieId), r['contact_versleuteld'] as Buffer);
    return { organisatieId, contactpersoon: c.contactpersoon, ...(c.plaatsvervanger ? { plaatsvervanger: c.plaatsvervanger } : {}) };
  }

  async bewaar(w: Werkgever): Promise<void> {
    const contactVersleuteld = await versleutelContacten(this.kluis, PLAATSING_DOELEN.werkgever(w.organisatieId), w);
    await this.sql.q(
      `INSERT INTO $S.werkgever (organisatie_id, contact_versleuteld, bijgewerkt_op) VALUES ($1, $2, now())
       ON CONFLICT (organisatie_id) DO UPDATE SET contact_versleuteld = EXCLUDED.contact_versleuteld, bijgewerkt_op = EXCLUDED.bijgewerkt_op`,
      [w.organisatieId, contactVersleuteld],
    );
  }
}
