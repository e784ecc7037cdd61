import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The indicator projection: every fact received (once per CloudEvent id, in order of receipt),
 * the stand per traject derived from them (can be dropped and rebuilt), and how far each feed was read.
 */
export class Projectie1766000000001 implements MigrationInterface {
  name = 'Projectie1766000000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE monitoring.feit (
        nr bigserial PRIMARY KEY,
        id uuid NOT NULL UNIQUE,
        soort text NOT NULL,
        onderwerp text NOT NULL,
        datum date NOT NULL,
        data jsonb NOT NULL,
        ontvangen_op timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE monitoring.traject_stand (
        traject_id text PRIMARY KEY,
        stand jsonb NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE monitoring.feed_positie (
        bron text PRIMARY KEY,
        laatste bigint NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE monitoring.feed_positie');
    await queryRunner.query('DROP TABLE monitoring.traject_stand');
    await queryRunner.query('DROP TABLE monitoring.feit');
  }
}
