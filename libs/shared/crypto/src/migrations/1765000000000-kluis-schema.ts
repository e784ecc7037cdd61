import { schemaOf } from '@ketenregie/shared-platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The key store: one wrapped data key per deelnemer (and older ones after a rotation), the
 * record of every erasure (a destroyed deelnemer never gets a new key), and which deelnemer a
 * workflow id belongs to (the payload codec encrypts a workflow's payloads with that key).
 */
export class KluisSchema1765000000000 implements MigrationInterface {
  name = 'KluisSchema1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = `"${schemaOf(queryRunner)}"`;
    await queryRunner.query(`
      CREATE TABLE ${s}.sleutel (
        id uuid PRIMARY KEY,
        deelnemer_id text,
        kek_id text NOT NULL,
        verpakt bytea NOT NULL,
        actief boolean NOT NULL DEFAULT true,
        aangemaakt_op timestamptz NOT NULL DEFAULT now(),
        herverpakt_op timestamptz
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX sleutel_actief_deelnemer ON ${s}.sleutel (deelnemer_id) WHERE actief AND deelnemer_id IS NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX sleutel_actief_systeem ON ${s}.sleutel ((deelnemer_id IS NULL)) WHERE actief AND deelnemer_id IS NULL`);
    await queryRunner.query(`CREATE INDEX sleutel_deelnemer ON ${s}.sleutel (deelnemer_id)`);
    await queryRunner.query(`
      CREATE TABLE ${s}.vernietiging (
        deelnemer_id text PRIMARY KEY,
        grond text NOT NULL,
        vernietigd_op timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE TABLE ${s}.workflow_deelnemer (workflow_id text PRIMARY KEY, deelnemer_id text NOT NULL)`);
    await queryRunner.query(`CREATE INDEX workflow_deelnemer_deelnemer ON ${s}.workflow_deelnemer (deelnemer_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = `"${schemaOf(queryRunner)}"`;
    await queryRunner.query(`DROP TABLE ${s}.workflow_deelnemer, ${s}.vernietiging, ${s}.sleutel`);
  }
}
