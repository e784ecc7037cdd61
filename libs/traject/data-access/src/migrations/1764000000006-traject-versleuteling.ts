import { schemaOf } from '@ketenregie/shared-platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Room for the overview and the timeline encrypted with the deelnemer's own key: the overview's
 * progress (scores, the ZRM's health domains included) and every timeline event's data. Needs no
 * key, so the worker (which writes both) runs it too; the conversion of existing rows is
 * {@link deelnemerSleutels}.
 */
export class TrajectVersleuteling1764000000006 implements MigrationInterface {
  name = 'TrajectVersleuteling1764000000006';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = `"${schemaOf(queryRunner)}"`;
    await queryRunner.query(`ALTER TABLE ${s}.traject_overzicht ADD COLUMN overzicht_versleuteld bytea`);
    await queryRunner.query(`ALTER TABLE ${s}.tijdlijn_gebeurtenis ADD COLUMN gegevens_versleuteld bytea`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = `"${schemaOf(queryRunner)}"`;
    await queryRunner.query(`ALTER TABLE ${s}.traject_overzicht DROP COLUMN overzicht_versleuteld`);
    await queryRunner.query(`ALTER TABLE ${s}.tijdlijn_gebeurtenis DROP COLUMN gegevens_versleuteld`);
  }
}
