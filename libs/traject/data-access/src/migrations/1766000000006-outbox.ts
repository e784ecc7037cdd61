import { schemaOf } from '@ketenregie/shared-platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The traject context's outbox: the published facts of its timeline, written in the same
 * transaction as the timeline (one row per `<trajectId>:<nr>`), read by other contexts as a feed
 * ordered by `volgnummer`.
 */
export class TrajectOutbox1766000000006 implements MigrationInterface {
  name = 'TrajectOutbox1766000000006';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = `"${schemaOf(queryRunner)}"`;
    await queryRunner.query(`
      CREATE TABLE ${s}.outbox (
        id uuid PRIMARY KEY,
        sleutel text NOT NULL UNIQUE,
        volgnummer bigserial NOT NULL UNIQUE,
        soort text NOT NULL,
        traject_id uuid NOT NULL,
        datum date NOT NULL,
        data jsonb NOT NULL,
        tijd timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "${schemaOf(queryRunner)}".outbox`);
  }
}
