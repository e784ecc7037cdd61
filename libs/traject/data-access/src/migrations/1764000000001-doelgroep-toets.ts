import { schemaOf } from '@ketenregie/shared-platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The eligibility check made at the start of a traject, with the coded override when the candidate did not fit. */
export class DoelgroepToets1764000000001 implements MigrationInterface {
  name = 'DoelgroepToets1764000000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = `"${schemaOf(queryRunner)}"`;
    await queryRunner.query(`ALTER TABLE ${s}.traject ADD COLUMN doelgroep_toets jsonb NOT NULL DEFAULT '{}'::jsonb`);
    await queryRunner.query(`ALTER TABLE ${s}.traject ADD COLUMN doelgroep_afwijking text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = `"${schemaOf(queryRunner)}"`;
    await queryRunner.query(`ALTER TABLE ${s}.traject DROP COLUMN doelgroep_afwijking`);
    await queryRunner.query(`ALTER TABLE ${s}.traject DROP COLUMN doelgroep_toets`);
  }
}
