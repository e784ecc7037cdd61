import { schemaOf } from '@ketenregie/shared-platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import type { DeelnemerContact } from '@ketenregie/traject-domain';
import type { DeelnemerKluis } from '../deelnemer.crypto';

const BATCH = 500;

/**
 * Every personal field of a deelnemer encrypted at rest, not only the BSN: name, date of birth,
 * contact details and household link become one record encrypted with the deelnemer key and bound
 * to the row's id; the household link stays findable through a keyed blind index. Existing rows are
 * converted in batches, the plaintext columns dropped and the table rewritten, so its live data file
 * no longer holds the old values (WAL segments and backups made before still do). Also records the
 * registering organisation, which may read the deelnemer (rows converted here have none).
 *
 * A class per key, because the conversion needs the key: only traject-service, which holds it,
 * runs this migration (see {@link trajectMigraties}).
 */
export function deelnemerVersleuteling(kluis: DeelnemerKluis): new () => MigrationInterface {
  return class DeelnemerVersleuteling1764000000002 implements MigrationInterface {
    name = 'DeelnemerVersleuteling1764000000002';

    async up(queryRunner: QueryRunner): Promise<void> {
      const t = `"${schemaOf(queryRunner)}".deelnemer`;
      const q = (sql: string, params?: unknown[]) => queryRunner.query(sql, params);
      await q(
        `ALTER TABLE ${t} ADD COLUMN gegevens_versleuteld bytea, ADD COLUMN gegevens_sleutel_id text, ADD COLUMN huishouden_index text, ADD COLUMN aangemaakt_door_organisatie text`,
      );
      for (;;) {
        const rows: { id: string; voornamen: string; achternaam: string; geboortedatum: string; contact: DeelnemerContact; huishouden_id: string | null }[] =
          await q(
            `SELECT id, voornamen, achternaam, geboortedatum::text AS geboortedatum, contact, huishouden_id FROM ${t} WHERE gegevens_versleuteld IS NULL ORDER BY id LIMIT ${BATCH}`,
          );
        for (const r of rows) {
          const v = kluis.versleutelGegevens(r.id, {
            voornamen: r.voornamen,
            achternaam: r.achternaam,
            geboortedatum: r.geboortedatum,
            contact: r.contact,
            huishoudenId: r.huishouden_id ?? undefined,
          });
          await q(`UPDATE ${t} SET gegevens_versleuteld = $2, gegevens_sleutel_id = $3, huishouden_index = $4 WHERE id = $1`, [
            r.id,
            v.data,
            v.sleutelId,
            r.huishouden_id === null ? null : kluis.huishoudenIndex(r.huishouden_id),
          ]);
        }
        if (rows.length < BATCH) break;
      }
      await q(`ALTER TABLE ${t} ALTER COLUMN gegevens_versleuteld SET NOT NULL, ALTER COLUMN gegevens_sleutel_id SET NOT NULL`);
      await q(`DROP INDEX "${schemaOf(queryRunner)}".deelnemer_huishouden_idx`);
      await q(`ALTER TABLE ${t} DROP COLUMN voornamen, DROP COLUMN achternaam, DROP COLUMN geboortedatum, DROP COLUMN contact, DROP COLUMN huishouden_id`);
      await q(`CREATE INDEX deelnemer_huishouden_idx ON ${t} (huishouden_index) WHERE huishouden_index IS NOT NULL`);
      // Dropped columns and the rows' pre-update versions stay in the data file until it is
      // rewritten; CLUSTER (unlike VACUUM FULL) may run inside the migration's transaction.
      await q(`CLUSTER ${t} USING deelnemer_pkey`);
    }

    async down(queryRunner: QueryRunner): Promise<void> {
      const t = `"${schemaOf(queryRunner)}".deelnemer`;
      const q = (sql: string, params?: unknown[]) => queryRunner.query(sql, params);
      await q(
        `ALTER TABLE ${t} ADD COLUMN voornamen text, ADD COLUMN achternaam text, ADD COLUMN geboortedatum date, ADD COLUMN contact jsonb NOT NULL DEFAULT '{}'::jsonb, ADD COLUMN huishouden_id text`,
      );
      const rows: { id: string; gegevens_versleuteld: Buffer; gegevens_sleutel_id: string }[] = await q(
        `SELECT id, gegevens_versleuteld, gegevens_sleutel_id FROM ${t}`,
      );
      for (const r of rows) {
        const g = kluis.ontsleutelGegevens(r.id, { sleutelId: r.gegevens_sleutel_id, data: r.gegevens_versleuteld });
        await q(`UPDATE ${t} SET voornamen = $2, achternaam = $3, geboortedatum = $4, contact = $5, huishouden_id = $6 WHERE id = $1`, [
          r.id,
          g.voornamen,
          g.achternaam,
          g.geboortedatum,
          JSON.stringify(g.contact),
          g.huishoudenId ?? null,
        ]);
      }
      await q(`ALTER TABLE ${t} ALTER COLUMN voornamen SET NOT NULL, ALTER COLUMN achternaam SET NOT NULL, ALTER COLUMN geboortedatum SET NOT NULL`);
      await q(`DROP INDEX "${schemaOf(queryRunner)}".deelnemer_huishouden_idx`);
      await q(
        `ALTER TABLE ${t} DROP COLUMN gegevens_versleuteld, DROP COLUMN gegevens_sleutel_id, DROP COLUMN huishouden_index, DROP COLUMN aangemaakt_door_organisatie`,
      );
      await q(`CREATE INDEX deelnemer_huishouden_idx ON ${t} (huishouden_id) WHERE huishouden_id IS NOT NULL`);
    }
  };
}
