import { schemaOf } from '@ketenregie/shared-platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When each timeline event was recorded: the business date of an event has no time of day, the
 * timeline for people shows the moment it was written down. Existing rows get the migration's
 * moment, which is better than none but not their own.
 */
export class TijdlijnVastgelegdOp1764000000008 implements MigrationInterface {
  name = 'TijdlijnVastgelegdOp1764000000008';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = `"${schemaOf(queryRunner)}"`;
    await queryRunner.query(`ALTER TABLE ${s}.tijdlijn_gebeurtenis ADD COLUMN vastgelegd_op timestamptz NOT NULL DEFAULT now()`);
    await queryRunner.query(`CREATE INDEX tijdlijn_gebeurtenis_soort ON ${s}.tijdlijn_gebeurtenis (soort, traject_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = `"${schemaOf(queryRunner)}"`;
    await queryRunner.query(`DROP INDEX ${s}.tijdlijn_gebeurtenis_soort`);
    await queryRunner.query(`ALTER TABLE ${s}.tijdlijn_gebeurtenis DROP COLUMN vastgelegd_op`);
  }
}
