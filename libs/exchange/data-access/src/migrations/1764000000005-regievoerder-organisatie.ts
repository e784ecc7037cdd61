import { schemaOf } from '@ketenregie/shared-platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A handover stores the organisation of the traject's regievoerder (`regievoerder_organisatie`),
 * which gets the tasks and notifications meant for the regievoerder (escalations, the end of the
 * handover). Handovers stored before knew only the professional: they fall back to the sender's
 * organisation, which is where their regievoerder's tasks went until now.
 */
export class RegievoerderOrganisatie1764000000005 implements MigrationInterface {
  name = 'RegievoerderOrganisatie1764000000005';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = `"${schemaOf(queryRunner)}"`;
    await queryRunner.query(`ALTER TABLE ${s}.overdracht ADD COLUMN regievoerder_organisatie text`);
    await queryRunner.query(`UPDATE ${s}.overdracht SET regievoerder_organisatie = zender_organisatie`);
    await queryRunner.query(`ALTER TABLE ${s}.overdracht ALTER COLUMN regievoerder_organisatie SET NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = `"${schemaOf(queryRunner)}"`;
    await queryRunner.query(`ALTER TABLE ${s}.overdracht DROP COLUMN regievoerder_organisatie`);
  }
}
