import { schemaOf } from '@ketenregie/shared-platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A delivery whose retries are exhausted is given up (`opgegeven_op`): it is never claimed again,
 * and the dispatcher reports it (a receiver that cannot be reached ends its handover).
 */
export class OutboxOpgegeven1764000000001 implements MigrationInterface {
  name = 'OutboxOpgegeven1764000000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = `"${schemaOf(queryRunner)}"`;
    await queryRunner.query(`ALTER TABLE ${s}.outbox_aflevering ADD COLUMN opgegeven_op timestamptz`);
    await queryRunner.query(`DROP INDEX ${s}.outbox_aflevering_due_idx`);
    await queryRunner.query(
      `CREATE INDEX outbox_aflevering_due_idx ON ${s}.outbox_aflevering (volgende_poging) WHERE afgeleverd_op IS NULL AND opgegeven_op IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = `"${schemaOf(queryRunner)}"`;
    await queryRunner.query(`DROP INDEX ${s}.outbox_aflevering_due_idx`);
    await queryRunner.query(`CREATE INDEX outbox_aflevering_due_idx ON ${s}.outbox_aflevering (volgende_poging) WHERE afgeleverd_op IS NULL`);
    await queryRunner.query(`ALTER TABLE ${s}.outbox_aflevering DROP COLUMN opgegeven_op`);
  }
}
