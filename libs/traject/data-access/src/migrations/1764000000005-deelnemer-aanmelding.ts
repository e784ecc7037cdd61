import { schemaOf } from '@ketenregie/shared-platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every organisation that registered a deelnemer (aanmelding): registering a BSN that is already
 * known answers like a new registration and adds the caller's organisation here, so the answer
 * never tells whether the BSN was known. Existing deelnemers get their registering organisation.
 */
export class DeelnemerAanmelding1764000000005 implements MigrationInterface {
  name = 'DeelnemerAanmelding1764000000005';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = `"${schemaOf(queryRunner)}"`;
    await queryRunner.query(`
      CREATE TABLE ${s}.deelnemer_aanmelding (
        deelnemer_id uuid NOT NULL REFERENCES ${s}.deelnemer (id),
        organisatie text NOT NULL,
        aangemeld_door text NOT NULL,
        aangemeld_op timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (deelnemer_id, organisatie)
      )`);
    await queryRunner.query(
      `INSERT INTO ${s}.deelnemer_aanmelding (deelnemer_id, organisatie, aangemeld_door, aangemeld_op)
       SELECT id, aangemaakt_door_organisatie, aangemaakt_door, aangemaakt_op FROM ${s}.deelnemer WHERE aangemaakt_door_organisatie IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "${schemaOf(queryRunner)}".deelnemer_aanmelding`);
  }
}
