import { schemaOf } from '@ketenregie/shared-platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Programmes as data: a programme (its stable code and who set it up) with its published
 * versions, each a whole definition that is never changed once stored. A traject keeps the
 * version it started on (`traject.programma_code`, `traject.programma_versie`).
 */
export class Programma1764000000004 implements MigrationInterface {
  name = 'Programma1764000000004';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = `"${schemaOf(queryRunner)}"`;
    await queryRunner.query(`
      CREATE TABLE ${s}.programma (
        code text PRIMARY KEY CHECK (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(code) <= 64),
        aangemaakt_door text NOT NULL,
        aangemaakt_door_organisatie text,
        aangemaakt_op timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE ${s}.programma_versie (
        code text NOT NULL REFERENCES ${s}.programma (code),
        versie integer NOT NULL CHECK (versie > 0),
        naam text NOT NULL,
        geldig_vanaf date NOT NULL,
        definitie jsonb NOT NULL,
        gepubliceerd_door text NOT NULL,
        gepubliceerd_op timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (code, versie)
      )`);
    await queryRunner.query(`CREATE INDEX traject_programma_idx ON ${s}.traject (programma_code, programma_versie)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = `"${schemaOf(queryRunner)}"`;
    await queryRunner.query(`DROP INDEX ${s}.traject_programma_idx`);
    await queryRunner.query(`DROP TABLE ${s}.programma_versie`);
    await queryRunner.query(`DROP TABLE ${s}.programma`);
  }
}
