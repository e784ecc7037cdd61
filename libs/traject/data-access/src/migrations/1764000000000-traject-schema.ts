import { sqlMigratie } from '@ketenregie/shared-platform';

/**
 * The traject schema: deelnemers (BSN encrypted, with a keyed blind index for uniqueness),
 * trajecten, the timeline and overview projections the workflow writes through its activities,
 * and the professionals' task list. Every activity write is idempotent by a unique key.
 */
export const TrajectSchema1764000000000 = sqlMigratie('TrajectSchema1764000000000', {
  up: (s) => [
    `
      CREATE TABLE ${s}.deelnemer (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        bsn_versleuteld bytea NOT NULL,
        bsn_sleutel_id text NOT NULL,
        bsn_index text NOT NULL UNIQUE,
        voornamen text NOT NULL,
        achternaam text NOT NULL,
        geboortedatum date NOT NULL,
        contact jsonb NOT NULL DEFAULT '{}'::jsonb,
        huishouden_id text,
        aangemaakt_door text NOT NULL,
        aangemaakt_op timestamptz NOT NULL DEFAULT now()
      )`,
    `CREATE INDEX deelnemer_huishouden_idx ON ${s}.deelnemer (huishouden_id) WHERE huishouden_id IS NOT NULL`,
    `
      CREATE TABLE ${s}.traject (
        id uuid PRIMARY KEY,
        deelnemer_id uuid NOT NULL REFERENCES ${s}.deelnemer (id),
        programma_code text NOT NULL,
        programma_versie integer NOT NULL CHECK (programma_versie > 0),
        workflow_id text NOT NULL UNIQUE,
        aangemaakt_door text NOT NULL,
        aangemaakt_op timestamptz NOT NULL DEFAULT now()
      )`,
    `CREATE INDEX traject_deelnemer_idx ON ${s}.traject (deelnemer_id)`,
    `
      CREATE TABLE ${s}.traject_overzicht (
        traject_id uuid PRIMARY KEY REFERENCES ${s}.traject (id),
        versie integer NOT NULL,
        fase text NOT NULL,
        status text NOT NULL,
        regievoerder_id text NOT NULL,
        regie_organisatie_id text NOT NULL,
        coach_id text,
        coach_organisatie_id text,
        overzicht jsonb NOT NULL,
        bijgewerkt_op timestamptz NOT NULL DEFAULT now()
      )`,
    `CREATE INDEX traject_overzicht_regie_idx ON ${s}.traject_overzicht (regie_organisatie_id)`,
    `CREATE INDEX traject_overzicht_coach_idx ON ${s}.traject_overzicht (coach_organisatie_id)`,
    `
      CREATE TABLE ${s}.tijdlijn_gebeurtenis (
        traject_id uuid NOT NULL REFERENCES ${s}.traject (id),
        nr integer NOT NULL CHECK (nr > 0),
        datum date NOT NULL,
        soort text NOT NULL,
        fase text NOT NULL,
        gegevens jsonb NOT NULL,
        PRIMARY KEY (traject_id, nr)
      )`,
    `
      CREATE TABLE ${s}.taak (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        traject_id uuid NOT NULL REFERENCES ${s}.traject (id),
        termijn_id text NOT NULL,
        soort text NOT NULL,
        voor text NOT NULL CHECK (voor IN ('coach', 'regievoerder')),
        toegewezen_aan text NOT NULL,
        vervalt date NOT NULL,
        status text NOT NULL CHECK (status IN ('open', 'verlopen', 'afgerond')),
        geescaleerd_naar text,
        aangemaakt_op timestamptz NOT NULL DEFAULT now(),
        verlopen_op timestamptz,
        geescaleerd_op timestamptz,
        afgerond_op timestamptz,
        UNIQUE (traject_id, termijn_id)
      )`,
    `CREATE INDEX taak_toegewezen_idx ON ${s}.taak (toegewezen_aan, vervalt) WHERE status <> 'afgerond'`,
    `CREATE INDEX taak_geescaleerd_idx ON ${s}.taak (geescaleerd_naar, vervalt) WHERE status <> 'afgerond' AND geescaleerd_naar IS NOT NULL`,
    `
      CREATE TABLE ${s}.melding (
        sleutel text PRIMARY KEY,
        traject_id uuid NOT NULL REFERENCES ${s}.traject (id),
        aan text NOT NULL,
        onderwerp text NOT NULL,
        aangemaakt_op timestamptz NOT NULL DEFAULT now(),
        gelezen_op timestamptz
      )`,
    `CREATE INDEX melding_aan_idx ON ${s}.melding (aan, aangemaakt_op) WHERE gelezen_op IS NULL`,
  ],
  down: (s) => ['melding', 'taak', 'tijdlijn_gebeurtenis', 'traject_overzicht', 'traject', 'deelnemer'].map((t) => `DROP TABLE ${s}.${t}`),
});
