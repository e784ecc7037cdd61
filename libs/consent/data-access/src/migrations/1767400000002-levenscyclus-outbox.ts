import { schemaOf } from '@ketenregie/shared-platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The lifecycle outbox: the end of a consent (withdrawn, superseded), written in the same
 * transaction as the withdrawal, one row per consent, delivered to the consent's lifecycle
 * workflow with retries. Holds ids, an instant and a reason only: no personal data.
 */
export class LevenscyclusOutbox1767400000002 implements MigrationInterface {
  name = 'LevenscyclusOutbox1767400000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = `"${schemaOf(queryRunner)}"`;
    await queryRunner.query(`
      CREATE TABLE ${s}.levenscyclus_outbox (
        toestemming_id uuid PRIMARY KEY,
        signaal jsonb NOT NULL,
        aangemaakt_op timestamptz NOT NULL DEFAULT clock_timestamp(),
        pogingen integer NOT NULL DEFAULT 0,
        volgende_poging timestamptz NOT NULL DEFAULT clock_timestamp(),
        bezorgd_op timestamptz,
        laatste_fout text
      )`);
    await queryRunner.query(`CREATE INDEX levenscyclus_outbox_te_bezorgen ON ${s}.levenscyclus_outbox (volgende_poging) WHERE bezorgd_op IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "${schemaOf(queryRunner)}".levenscyclus_outbox`);
  }
}
