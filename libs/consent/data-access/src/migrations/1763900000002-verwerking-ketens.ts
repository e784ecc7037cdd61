import { schemaOf } from '@ketenregie/shared-platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Number of hash chains of the processing log (rows of `keten_kop`): chain 0 (closed, the lines from before the split) and 15 active ones. */
export const AANTAL_KETENS = 16;

/**
 * Splits the processing log into independent hash chains (by data subject), so appends for
 * different deelnemers no longer queue on one head and one commit at a time. Existing lines stay
 * as they are and form chain 0, which receives no new lines; their hashes still verify.
 */
export class VerwerkingKetens1763900000002 implements MigrationInterface {
  name = 'VerwerkingKetens1763900000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = `"${schemaOf(queryRunner)}"`;
    const q = (sql: string) => queryRunner.query(sql);
    await q(`ALTER TABLE ${s}.verwerking ADD COLUMN keten smallint NOT NULL DEFAULT 0 CHECK (keten >= 0 AND keten < ${AANTAL_KETENS})`);
    await q(`ALTER TABLE ${s}.verwerking ALTER COLUMN keten DROP DEFAULT`);
    await q(`ALTER TABLE ${s}.verwerking DROP CONSTRAINT verwerking_pkey`);
    await q(`ALTER TABLE ${s}.verwerking ADD PRIMARY KEY (keten, volgnummer)`);
    await q(`
      CREATE OR REPLACE FUNCTION ${s}.controleer_keten() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE vorige_hash_db char(64);
      BEGIN
        IF NEW.volgnummer = 1 THEN
          IF NEW.vorige_hash <> repeat('0', 64) THEN
            RAISE EXCEPTION 'first log line of a chain must point to the genesis hash' USING ERRCODE = 'check_violation';
          END IF;
        ELSE
          SELECT hash INTO vorige_hash_db FROM ${s}.verwerking WHERE keten = NEW.keten AND volgnummer = NEW.volgnummer - 1;
          IF vorige_hash_db IS NULL OR vorige_hash_db <> NEW.vorige_hash THEN
            RAISE EXCEPTION 'log line %/% does not extend the chain', NEW.keten, NEW.volgnummer USING ERRCODE = 'check_violation';
          END IF;
        END IF;
        RETURN NEW;
      END $$`);
    await q(`ALTER TABLE ${s}.keten_kop DROP CONSTRAINT keten_kop_id_check`);
    await q(`UPDATE ${s}.keten_kop SET id = 0 WHERE id = 1`);
    await q(`ALTER TABLE ${s}.keten_kop ADD CONSTRAINT keten_kop_id_check CHECK (id >= 0 AND id < ${AANTAL_KETENS})`);
    await q(`INSERT INTO ${s}.keten_kop (id, volgnummer, hash) SELECT k, 0, repeat('0', 64) FROM generate_series(1, ${AANTAL_KETENS - 1}) AS k`);
  }

  async down(): Promise<void> {
    throw new Error('The processing log is append-only: splitting it into chains cannot be undone');
  }
}
