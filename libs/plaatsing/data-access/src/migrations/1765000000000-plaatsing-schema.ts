import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Employers, vacancies, placements with their timeline and tasks, and the outbox of placement events. */
export class PlaatsingSchema1765000000000 implements MigrationInterface {
  name = 'PlaatsingSchema1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE plaatsing.werkgever (
        organisatie_id text PRIMARY KEY,
        contactpersoon jsonb NOT NULL,
        plaatsvervanger jsonb,
        bijgewerkt_op timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE plaatsing.vacature (
        id uuid PRIMARY KEY,
        werkgever_id text NOT NULL,
        titel text NOT NULL CHECK (length(btrim(titel)) BETWEEN 1 AND 120),
        uren_per_week integer NOT NULL CHECK (uren_per_week BETWEEN 1 AND 40),
        taken jsonb NOT NULL,
        competenties jsonb NOT NULL,
        ondersteuning jsonb NOT NULL,
        status text NOT NULL CHECK (status IN ('open', 'gesloten')),
        aangemaakt_op timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX vacature_werkgever_idx ON plaatsing.vacature (werkgever_id)');
    await q.query(`
      CREATE TABLE plaatsing.plaatsing (
        id uuid PRIMARY KEY,
        vacature_id uuid NOT NULL REFERENCES plaatsing.vacature (id),
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
      )`);
    // One running placement per deelnemer and vacancy.
    await q.query(`CREATE UNIQUE INDEX plaatsing_lopend_uniq ON plaatsing.plaatsing (vacature_id, deelnemer_id) WHERE fase NOT IN ('duurzaam', 'teruggeleid')`);
    await q.query('CREATE INDEX plaatsing_werkgever_idx ON plaatsing.plaatsing (werkgever_id)');
    await q.query('CREATE INDEX plaatsing_coach_idx ON plaatsing.plaatsing (coach_organisatie)');
    await q.query('CREATE INDEX plaatsing_jobcoach_idx ON plaatsing.plaatsing (jobcoach_organisatie, jobcoach_professional)');
    await q.query(`
      CREATE TABLE plaatsing.gebeurtenis (
        plaatsing_id uuid NOT NULL REFERENCES plaatsing.plaatsing (id),
        nr integer NOT NULL,
        datum date NOT NULL,
        soort text NOT NULL,
        gegevens jsonb NOT NULL,
        PRIMARY KEY (plaatsing_id, nr)
      )`);
    await q.query(`
      CREATE TABLE plaatsing.taak (
        sleutel text PRIMARY KEY,
        plaatsing_id uuid NOT NULL REFERENCES plaatsing.plaatsing (id),
        voor text NOT NULL,
        onderwerp text NOT NULL,
        vervalt date NOT NULL
      )`);
    await q.query(`
      CREATE TABLE plaatsing.outbox (
        volgnummer bigserial PRIMARY KEY,
        id uuid NOT NULL UNIQUE,
        sleutel text NOT NULL UNIQUE,
        type text NOT NULL,
        subject text NOT NULL,
        data jsonb NOT NULL,
        tijd timestamptz NOT NULL DEFAULT now(),
        bezorgd_op timestamptz
      )`);
    await q.query('CREATE INDEX outbox_open_idx ON plaatsing.outbox (volgnummer) WHERE bezorgd_op IS NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['outbox', 'taak', 'gebeurtenis', 'plaatsing', 'vacature', 'werkgever']) await q.query(`DROP TABLE plaatsing.${t}`);
  }
}
