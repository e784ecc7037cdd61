import type { Gegevenskluis } from '@ketenregie/shared-crypto';
import { schemaOf, sqlMigratie } from '@ketenregie/shared-platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Purposes the handover's ciphertexts are bound to. */
export const EXCHANGE_DOELEN = {
  bron: (overdrachtId: string) => `exchange:bron:${overdrachtId}`,
  dossier: (overdrachtId: string) => `exchange:dossier:${overdrachtId}`,
} as const;

/**
 * Room for the sender's source data and the delivered dossier encrypted with the deelnemer's own
 * key (`gegevens_versleuteld`, `categorieen_versleuteld`), and whether the disclosure of a
 * delivered dossier is in the processing log (`verstrekking_gemeld_op`). Needs no key.
 */
export const DossierKolommen1764000000003 = sqlMigratie('DossierKolommen1764000000003', {
  up: (s) => [
    `ALTER TABLE ${s}.overdracht_bron ADD COLUMN gegevens_versleuteld bytea`,
    `ALTER TABLE ${s}.dossier ADD COLUMN categorieen_versleuteld bytea, ADD COLUMN verstrekking_gemeld_op timestamptz`,
    // Dossiers delivered before: their disclosure was logged when they were stored (or never will be).
    `UPDATE ${s}.dossier SET verstrekking_gemeld_op = geleverd_op`,
  ],
  down: (s) => [
    `ALTER TABLE ${s}.overdracht_bron DROP COLUMN gegevens_versleuteld`,
    `ALTER TABLE ${s}.dossier DROP COLUMN categorieen_versleuteld, DROP COLUMN verstrekking_gemeld_op`,
  ],
});

/**
 * The source data and dossiers stored in the clear before are encrypted with the deelnemer's own
 * key (the JSON columns keep `{}`), the source data of withdrawn dossiers is dropped, and the
 * tables are rewritten so their live files no longer hold the old values. A class per key store:
 * only exchange-service runs it.
 */
export function dossierVersleuteling(kluis: Gegevenskluis): new () => MigrationInterface {
  return class DossierVersleuteling1764000000004 implements MigrationInterface {
    name = 'DossierVersleuteling1764000000004';

    async up(queryRunner: QueryRunner): Promise<void> {
      const s = `"${schemaOf(queryRunner)}"`;
      const q = (sql: string, params?: unknown[]) => queryRunner.query(sql, params);
      await q(`DELETE FROM ${s}.overdracht_bron b USING ${s}.dossier d WHERE d.overdracht_id = b.overdracht_id AND d.ingetrokken_op IS NOT NULL`);
      const bronnen: { overdracht_id: string; deelnemer_id: string; gegevens: unknown }[] = await q(
        `SELECT b.overdracht_id, o.deelnemer_id, b.gegevens FROM ${s}.overdracht_bron b JOIN ${s}.overdracht o ON o.id = b.overdracht_id WHERE b.gegevens_versleuteld IS NULL`,
      );
      for (const b of bronnen) {
        const v = await kluis.versleutelJson(b.deelnemer_id, EXCHANGE_DOELEN.bron(b.overdracht_id), b.gegevens);
        await q(`UPDATE ${s}.overdracht_bron SET gegevens = '{}'::jsonb, gegevens_versleuteld = $2 WHERE overdracht_id = $1`, [b.overdracht_id, v]);
      }
      const dossiers: { overdracht_id: string; deelnemer_id: string; categorieen: unknown }[] = await q(
        `SELECT d.overdracht_id, o.deelnemer_id, d.categorieen FROM ${s}.dossier d JOIN ${s}.overdracht o ON o.id = d.overdracht_id WHERE d.ingetrokken_op IS NULL AND d.categorieen_versleuteld IS NULL`,
      );
      for (const d of dossiers) {
        const v = await kluis.versleutelJson(d.deelnemer_id, EXCHANGE_DOELEN.dossier(d.overdracht_id), d.categorieen);
        await q(`UPDATE ${s}.dossier SET categorieen = '{}'::jsonb, categorieen_versleuteld = $2 WHERE overdracht_id = $1`, [d.overdracht_id, v]);
      }
      await q(`CLUSTER ${s}.overdracht_bron USING overdracht_bron_pkey`);
      await q(`CLUSTER ${s}.dossier USING dossier_pkey`);
    }

    async down(): Promise<void> {
      throw new Error('Encrypted handover data is not decrypted back into the clear');
    }
  };
}
