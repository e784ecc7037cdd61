import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The partnership's organisation registry and its stuurgroepen. */
export class OrganisatieRegister1763800000000 implements MigrationInterface {
  name = 'OrganisatieRegister1763800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE monitoring.organisatie (
        id text PRIMARY KEY CHECK (id ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(id) <= 64),
        naam text NOT NULL CHECK (length(btrim(naam)) BETWEEN 1 AND 200),
        type text NOT NULL CHECK (type IN ('gemeente', 'uitvoerder', 'werkgever', 'ggz', 'schuldhulp', 'wijkteam')),
        geregistreerd_op timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE monitoring.stuurgroep (
        id text PRIMARY KEY CHECK (id ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(id) <= 64),
        naam text NOT NULL CHECK (length(btrim(naam)) >= 1)
      )`);
    await queryRunner.query(`
      CREATE TABLE monitoring.stuurgroep_lid (
        stuurgroep_id text NOT NULL REFERENCES monitoring.stuurgroep (id) ON DELETE CASCADE,
        organisatie_id text NOT NULL REFERENCES monitoring.organisatie (id),
        volgorde integer NOT NULL,
        PRIMARY KEY (stuurgroep_id, organisatie_id)
      )`);
    await queryRunner.query('CREATE INDEX stuurgroep_lid_organisatie_idx ON monitoring.stuurgroep_lid (organisatie_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE monitoring.stuurgroep_lid');
    await queryRunner.query('DROP TABLE monitoring.stuurgroep');
    await queryRunner.query('DROP TABLE monitoring.organisatie');
  }
}
