import type { PlaatsingOverzicht, Werkgeversweergave } from '@ketenregie/plaatsing-domain';
import { schemaOf } from '@ketenregie/shared-platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { type PlaatsingKluis, PLAATSING_DOELEN, openbaarOverzicht, versleutelContacten, type Contacten } from '../plaatsing.crypto';

const BATCH = 500;

/**
 * Personal data of the plaatsing schema encrypted at rest: the employer's contact persons (table
 * `werkgever`, and each placement's copy in its overview) under the key store's system key, and
 * what the employer may see of the deelnemer (`kandidaat`) under the deelnemer's own key. Existing
 * rows are converted, the plain columns dropped and the tables rewritten, so their live data files
 * no longer hold the old values (WAL segments and backups made before still do).
 *
 * A class per key store: plaatsing-service and the worker each run it with their own.
 */
export function plaatsingVersleuteling(kluis: PlaatsingKluis): new () => MigrationInterface {
  return class PlaatsingVersleuteling1767300000001 implements MigrationInterface {
    name = 'PlaatsingVersleuteling1767300000001';

    async up(queryRunner: QueryRunner): Promise<void> {
      const s = `"${schemaOf(queryRunner)}"`;
      const q = (sql: string, params?: unknown[]) => queryRunner.query(sql, params);
      await q(`ALTER TABLE ${s}.werkgever ADD COLUMN contact_versleuteld bytea`);
      for (let na = ''; ;) {
        const rows: { organisatie_id: string; contactpersoon: Contacten['contactpersoon']; plaatsvervanger: Contacten['plaatsvervanger'] | null }[] = await q(
          `SELECT organisatie_id, contactpersoon, plaatsvervanger FROM ${s}.werkgever WHERE organisatie_id > $1 ORDER BY organisatie_id LIMIT ${BATCH}`,
          [na],
        );
        for (const r of rows) {
          const v = await versleutelContacten(kluis, PLAATSING_DOELEN.werkgever(r.organisatie_id), {
            contactpersoon: r.contactpersoon,
            ...(r.plaatsvervanger ? { plaatsvervanger: r.plaatsvervanger } : {}),
          });
          await q(`UPDATE ${s}.werkgever SET contact_versleuteld = $2 WHERE organisatie_id = $1`, [r.organisatie_id, v]);
        }
        if (rows.length < BATCH) break;
        na = (rows[rows.length - 1] as { organisatie_id: string }).organisatie_id;
      }
      await q(`ALTER TABLE ${s}.werkgever DROP COLUMN contactpersoon, DROP COLUMN plaatsvervanger, ALTER COLUMN contact_versleuteld SET NOT NULL`);

      await q(`ALTER TABLE ${s}.plaatsing ADD COLUMN kandidaat_versleuteld bytea, ADD COLUMN contact_versleuteld bytea`);
      for (;;) {
        const rows: { id: string; deelnemer_id: string; overzicht: PlaatsingOverzicht; kandidaat: Werkgeversweergave }[] = await q(
          `SELECT id, deelnemer_id, overzicht, kandidaat FROM ${s}.plaatsing WHERE kandidaat_versleuteld IS NULL ORDER BY id LIMIT ${BATCH}`,
        );
        for (const r of rows) {
          const kandidaat = await kluis.versleutelJson(r.deelnemer_id, PLAATSING_DOELEN.kandidaat(r.id), r.kandidaat);
          const contact = await versleutelContacten(kluis, PLAATSING_DOELEN.contact(r.id), r.overzicht.werkgever);
          await q(`UPDATE ${s}.plaatsing SET overzicht = $2, kandidaat_versleuteld = $3, contact_versleuteld = $4 WHERE id = $1`, [
            r.id,
            JSON.stringify(openbaarOverzicht(r.overzicht)),
            kandidaat,
            contact,
          ]);
        }
        if (rows.length < BATCH) break;
      }
      await q(
        `ALTER TABLE ${s}.plaatsing DROP COLUMN kandidaat, ALTER COLUMN kandidaat_versleuteld SET NOT NULL, ALTER COLUMN contact_versleuteld SET NOT NULL`,
      );
      // The rows' pre-update versions stay in the data files until they are rewritten.
      await q(`CLUSTER ${s}.werkgever USING werkgever_pkey`);
      await q(`CLUSTER ${s}.plaatsing USING plaatsing_pkey`);
    }

    async down(): Promise<void> {
      throw new Error('Encrypted placement data is not converted back to plain jsonb');
    }
  };
}
