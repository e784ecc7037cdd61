import { sqlMigratie } from '@ketenregie/shared-platform';

/** Employers, vacancies, placements with their timeline and tasks, and the outbox of placement events. */
export const PlaatsingSchema1765000000000 = sqlMigratie('PlaatsingSchema1765000000000', {
  up: (s) => [
    `
      CREATE TABLE ${s}.werkgever (
        organisatie_id text PRIMARY KEY,
        contactpersoon jsonb NOT NULL,
        plaatsvervanger jsonb,
        bijgewerkt_op timestamptz NOT NULL DEFAULT now()
      )`,
    `
      CREATE TABLE ${s}.vacature (
        id uuid PRIMARY KEY,
        werkgever_id text NOT NULL,
        titel text NOT NULL CHECK (length(btrim(titel)) BETWEEN 1 AND 120),
        uren_per_week integer NOT NULL CHECK (uren_per_week BETWEEN 1 AND 40),
        taken jsonb NOT NULL,
        competenties jsonb NOT NULL,
        ondersteuning jsonb NOT NULL,
        status text NOT NULL CHECK (status IN ('open', 'gesloten')),
        aangemaakt_op timestamptz NOT NULL DEFAULT now()
      )`,
    `CREATE INDEX vacature_werkgever_idx ON ${s}.vacature (werkgever_id)`,
    `
      CREATE TABLE ${s}.plaatsing (
        id uuid PRIMARY KEY,
        vacature_id uuid NOT NULL REFERENCES ${s}.vacature (id),
        werkgever_id text NOT NULL,
        deelnemer_id uuid NOT NULL,
        coach_organisatie text NOT NULL,
        regievoerder_organisatie text NOT NULL,
        jobcoach_organisatie text NOT NULL,
        jobcoach_professional text NOT NULL,
        fase text NOT NULL,
        versie integer NOT NULL,
        overzicht jsonb NOT NULL,
        kandidaat jsonb NOT NULL,
        besluit_id uuid,
        aangemaakt_op timestamptz NOT NULL DEFAULT now()
      )`,
    // One running placement per deelnemer and vacancy.
    `CREATE UNIQUE INDEX plaatsing_lopend_uniq ON ${s}.plaatsing (vacature_id, deelnemer_id) WHERE fase NOT IN ('duurzaam', 'teruggeleid')`,
    `CREATE INDEX plaatsing_werkgever_idx ON ${s}.plaatsing (werkgever_id)`,
    `CREATE INDEX plaatsing_coach_idx ON ${s}.plaatsing (coach_organisatie)`,
    `CREATE INDEX plaatsing_jobcoach_idx ON ${s}.plaatsing (jobcoach_organisatie, jobcoach_professional)`,
    `
      CREATE TABLE ${s}.gebeurtenis (
        plaatsing_id uuid NOT NULL REFERENCES ${s}.plaatsing (id),
        nr integer NOT NULL,
        datum date NOT NULL,
        soort text NOT NULL,
        gegevens jsonb NOT NULL,
        PRIMARY KEY (plaatsing_id, nr)
      )`,
    `
      CREATE TABLE ${s}.taak (
        sleutel text PRIMARY KEY,
        plaatsing_id uuid NOT NULL REFERENCES ${s}.plaatsing (id),
        voor text NOT NULL,
        onderwerp text NOT NULL,
        vervalt date NOT NULL
      )`,
    `
      CREATE TABLE ${s}.outbox (
        volgnummer bigserial PRIMARY KEY,
        id uuid NOT NULL UNIQUE,
        sleutel text NOT NULL UNIQUE,
        type text NOT NULL,
        subject text NOT NULL,
        data jsonb NOT NULL,
        tijd timestamptz NOT NULL DEFAULT now(),
        bezorgd_op timestamptz
      )`,
    `CREATE INDEX outbox_open_idx ON ${s}.outbox (volgnummer) WHERE bezorgd_op IS NULL`,
  ],
  down: (s) => ['outbox', 'taak', 'gebeurtenis', 'plaatsing', 'vacature', 'werkgever'].map((t) => `DROP TABLE ${s}.${t}`),
});
