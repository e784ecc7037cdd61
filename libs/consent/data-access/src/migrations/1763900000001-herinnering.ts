import { schemaOf } from '@ketenregie/shared-platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Expiry reminders for coaches: one per consent (the primary key makes the reminder activity idempotent). */
export class Herinnering1763900000001 implements MigrationInterface {
  name = 'Herinnering1763900000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = `"${schemaOf(queryRunner)}"`;
    await queryRunner.query(`
      CREATE TABLE ${s}.herinnering (
        toestemming_id uuid PRIMARY KEY REFERENCES ${s}.toestemming (id),
        coach text NOT NULL,
        aangemaakt_op timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX herinnering_coach_idx ON ${s}.herinnering (coach)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "${schemaOf(queryRunner)}".herinnering`);
  }
}
