import { sqlMigratie } from '@ketenregie/shared-platform';

/**
 * The consent schema: processing register versions, consents with their status history,
 * decisions, and the hash-chained processing log.
 *
 * Append-only is enforced by the database, not by convention: register versions, status history,
 * decisions and log lines reject UPDATE, DELETE and TRUNCATE with an exception, for every role
 * that has not disabled triggers. Editing a log line anyway (as a superuser with triggers off)
 * is what the hash chain detects.
 */
export const ConsentSchema1763900000000 = sqlMigratie('ConsentSchema1763900000000', {
  up: (s) => [
    `
      CREATE FUNCTION ${s}.weiger_wijziging() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% on %.% is not allowed: the table is append-only', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME
          USING ERRCODE = 'insufficient_privilege';
      END $$`,

    `
      CREATE TABLE ${s}.register_versie (
        versie integer PRIMARY KEY CHECK (versie > 0),
        geldig_vanaf timestamptz NOT NULL UNIQUE,
        activiteiten jsonb NOT NULL,
        release_profielen jsonb NOT NULL,
        vastgesteld_op timestamptz NOT NULL DEFAULT clock_timestamp()
      )`,

    `
      CREATE TABLE ${s}.toestemming (
        id uuid PRIMARY KEY,
        deelnemer_id uuid NOT NULL,
        verlener jsonb NOT NULL,
        doel text NOT NULL,
        categorieen text[] NOT NULL CHECK (cardinality(categorieen) > 0),
        bronnen jsonb NOT NULL,
        ontvangers jsonb NOT NULL,
        geldig_vanaf timestamptz NOT NULL,
        geldig_tot timestamptz NOT NULL,
        bewijs jsonb NOT NULL,
        vervangt uuid REFERENCES ${s}.toestemming (id),
        status text NOT NULL CHECK (status IN ('gegeven', 'ingetrokken', 'verlopen', 'vervangen')),
        versie integer NOT NULL DEFAULT 1,
        CHECK (geldig_tot > geldig_vanaf)
      )`,
    `CREATE INDEX toestemming_deelnemer_idx ON ${s}.toestemming (deelnemer_id)`,
    `CREATE INDEX toestemming_actief_verloop_idx ON ${s}.toestemming (geldig_tot) WHERE status = 'gegeven'`,

    `
      CREATE TABLE ${s}.toestemming_status (
        toestemming_id uuid NOT NULL REFERENCES ${s}.toestemming (id),
        volgnummer integer NOT NULL CHECK (volgnummer > 0),
        status text NOT NULL CHECK (status IN ('gegeven', 'ingetrokken', 'verlopen', 'vervangen')),
        op timestamptz NOT NULL,
        door text,
        reden text,
        vervangen_door uuid,
        PRIMARY KEY (toestemming_id, volgnummer)
      )`,
    // A status event never precedes the previous one (withdrawal cannot be backdated) and the
    // history only grows after 'gegeven' while the consent is still active.
    `
      CREATE FUNCTION ${s}.controleer_status_volgorde() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE vorige record;
      BEGIN
        SELECT status, op, volgnummer INTO vorige FROM ${s}.toestemming_status
          WHERE toestemming_id = NEW.toestemming_id ORDER BY volgnummer DESC LIMIT 1;
        IF vorige IS NULL THEN
          IF NEW.volgnummer <> 1 OR NEW.status <> 'gegeven' THEN
            RAISE EXCEPTION 'status history must start with gegeven' USING ERRCODE = 'check_violation';
          END IF;
        ELSIF NEW.volgnummer <> vorige.volgnummer + 1 OR vorige.status <> 'gegeven' OR NEW.op < vorige.op THEN
          RAISE EXCEPTION 'status event out of order (backdated or after the end)' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`,
    `
      CREATE TRIGGER toestemming_status_volgorde BEFORE INSERT ON ${s}.toestemming_status
      FOR EACH ROW EXECUTE FUNCTION ${s}.controleer_status_volgorde()`,

    `
      CREATE TABLE ${s}.besluit (
        id uuid PRIMARY KEY,
        op timestamptz NOT NULL,
        deelnemer_id uuid NOT NULL,
        bron_organisatie text NOT NULL,
        bron_type text NOT NULL,
        ontvanger_organisatie text NOT NULL,
        ontvanger_type text NOT NULL,
        doel text NOT NULL,
        register_versie integer REFERENCES ${s}.register_versie (versie),
        activiteit_id text,
        activiteit_versie integer,
        uitkomst text NOT NULL CHECK (uitkomst IN ('toegestaan', 'geweigerd', 'deels')),
        categorieen jsonb NOT NULL,
        toestemmingen uuid[] NOT NULL DEFAULT '{}',
        trace_id text NOT NULL CHECK (trace_id ~ '^[0-9a-f]{32}$')
      )`,
    `CREATE INDEX besluit_deelnemer_op_idx ON ${s}.besluit (deelnemer_id, op)`,

    `
      CREATE TABLE ${s}.verwerking (
        volgnummer bigint PRIMARY KEY CHECK (volgnummer > 0),
        vorige_hash char(64) NOT NULL,
        hash char(64) NOT NULL UNIQUE,
        trace_id text NOT NULL CHECK (trace_id ~ '^[0-9a-f]{32}$'),
        span_id text NOT NULL CHECK (span_id ~ '^[0-9a-f]{16}$'),
        parent_span_id text CHECK (parent_span_id ~ '^[0-9a-f]{16}$'),
        handeling text NOT NULL,
        status text NOT NULL CHECK (status IN ('ok', 'geweigerd', 'deels')),
        tijdstip timestamptz NOT NULL,
        activiteit_id text,
        activiteit_versie integer,
        betrokkene text NOT NULL,
        organisatie text NOT NULL,
        ontvanger text,
        doel text,
        categorieen text[] NOT NULL,
        grondslagen text[] NOT NULL,
        toestemmingen uuid[] NOT NULL,
        geschreven_op timestamptz NOT NULL DEFAULT clock_timestamp()
      )`,
    `CREATE INDEX verwerking_betrokkene_idx ON ${s}.verwerking (betrokkene, volgnummer)`,
    // The chain is linked at insert time too: a writer that bypassed the head lock, skipped a
    // number or pointed at the wrong predecessor is refused before anything is stored.
    `
      CREATE FUNCTION ${s}.controleer_keten() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE vorige_hash_db char(64);
      BEGIN
        IF NEW.volgnummer = 1 THEN
          IF NEW.vorige_hash <> repeat('0', 64) THEN
            RAISE EXCEPTION 'first log line must point to the genesis hash' USING ERRCODE = 'check_violation';
          END IF;
        ELSE
          SELECT hash INTO vorige_hash_db FROM ${s}.verwerking WHERE volgnummer = NEW.volgnummer - 1;
          IF vorige_hash_db IS NULL OR vorige_hash_db <> NEW.vorige_hash THEN
            RAISE EXCEPTION 'log line % does not extend the chain', NEW.volgnummer USING ERRCODE = 'check_violation';
          END IF;
        END IF;
        RETURN NEW;
      END $$`,
    `
      CREATE TRIGGER verwerking_keten BEFORE INSERT ON ${s}.verwerking
      FOR EACH ROW EXECUTE FUNCTION ${s}.controleer_keten()`,

    // The head of the chain: one row, locked FOR UPDATE by every appender (see VerwerkingslogRepository).
    `
      CREATE TABLE ${s}.keten_kop (
        id smallint PRIMARY KEY CHECK (id = 1),
        volgnummer bigint NOT NULL,
        hash char(64) NOT NULL
      )`,
    `INSERT INTO ${s}.keten_kop (id, volgnummer, hash) VALUES (1, 0, repeat('0', 64))`,

    ...['register_versie', 'toestemming_status', 'besluit', 'verwerking'].flatMap((tabel) => [
      `
        CREATE TRIGGER ${tabel}_append_only BEFORE UPDATE OR DELETE ON ${s}.${tabel}
        FOR EACH ROW EXECUTE FUNCTION ${s}.weiger_wijziging()`,
      `
        CREATE TRIGGER ${tabel}_geen_truncate BEFORE TRUNCATE ON ${s}.${tabel}
        FOR EACH STATEMENT EXECUTE FUNCTION ${s}.weiger_wijziging()`,
    ]),
  ],
  down: (s) => [
    ...['keten_kop', 'verwerking', 'besluit', 'toestemming_status', 'toestemming', 'register_versie'].map((tabel) => `DROP TABLE ${s}.${tabel}`),
    `DROP FUNCTION ${s}.controleer_keten()`,
    `DROP FUNCTION ${s}.controleer_status_volgorde()`,
    `DROP FUNCTION ${s}.weiger_wijziging()`,
  ],
});
