import { sqlMigratie } from '@ketenregie/shared-platform';

/** Number of hash chains of the processing log (rows of `keten_kop`): chain 0 (closed, the lines from before the split) and 15 active ones. */
export const AANTAL_KETENS = 16;

/**
 * Splits the processing log into independent hash chains (by data subject), so appends for
 * different deelnemers no longer queue on one head and one commit at a time. Existing lines stay
 * as they are and form chain 0, which receives no new lines; their hashes still verify.
 */
export const VerwerkingKetens1763900000002 = sqlMigratie('VerwerkingKetens1763900000002', {
  up: (s) => [
    `ALTER TABLE ${s}.verwerking ADD COLUMN keten smallint NOT NULL DEFAULT 0 CHECK (keten >= 0 AND keten < ${AANTAL_KETENS})`,
    `ALTER TABLE ${s}.verwerking ALTER COLUMN keten DROP DEFAULT`,
    `ALTER TABLE ${s}.verwerking DROP CONSTRAINT verwerking_pkey`,
    `ALTER TABLE ${s}.verwerking ADD PRIMARY KEY (keten, volgnummer)`,
    `
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
      END $$`,
    `ALTER TABLE ${s}.keten_kop DROP CONSTRAINT keten_kop_id_check`,
    `UPDATE ${s}.keten_kop SET id = 0 WHERE id = 1`,
    `ALTER TABLE ${s}.keten_kop ADD CONSTRAINT keten_kop_id_check CHECK (id >= 0 AND id < ${AANTAL_KETENS})`,
    `INSERT INTO ${s}.keten_kop (id, volgnummer, hash) SELECT k, 0, repeat('0', 64) FROM generate_series(1, ${AANTAL_KETENS - 1}) AS k`,
  ],
  down: () => {
    throw new Error('The processing log is append-only: splitting it into chains cannot be undone');
  },
});
