import { schemaOf } from '@ketenregie/shared-platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The consent context's outbox: consents given and withdrawn, written in the same transaction, read as a feed by `volgnummer`. */
export class ConsentOutbox1766000000003 implements MigrationInterface {
  name = 'ConsentOutbox1766000000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = `"${schemaOf(queryRunner)}"`;
    await queryRunner.query(`
      CREATE TABLE ${s}.outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        sleutel text NOT NULL UNIQUE,
        volgnummer bigserial NOT NULL UNIQUE,
        soort text NOT NULL CHECK (soort IN ('gegeven', 'ingetrokken')),
        toestemming_id uuid NOT NULL,
        datum date NOT NULL,
        data jsonb NOT NULL,
        tijd timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "${schemaOf(queryRunner)}".outbox`);
  }
}
