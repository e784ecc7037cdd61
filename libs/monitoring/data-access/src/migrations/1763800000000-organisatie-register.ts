import { sqlMigratie } from '@ketenregie/shared-platform';

/** The partnership's organisation registry and its stuurgroepen. */
export const OrganisatieRegister1763800000000 = sqlMigratie('OrganisatieRegister1763800000000', {
  up: (s) => [
    `
      CREATE TABLE ${s}.organisatie (
        id text PRIMARY KEY CHECK (id ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(id) <= 64),
        naam text NOT NULL CHECK (length(btrim(naam)) BETWEEN 1 AND 200),
        type text NOT NULL CHECK (type IN ('gemeente', 'uitvoerder', 'werkgever', 'ggz', 'schuldhulp', 'wijkteam')),
        geregistreerd_op timestamptz NOT NULL DEFAULT now()
      )`,
    `
      CREATE TABLE ${s}.stuurgroep (
        id text PRIMARY KEY CHECK (id ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(id) <= 64),
        naam text NOT NULL CHECK (length(btrim(naam)) >= 1)
      )`,
    `
      CREATE TABLE ${s}.stuurgroep_lid (
        stuurgroep_id text NOT NULL REFERENCES ${s}.stuurgroep (id) ON DELETE CASCADE,
        organisatie_id text NOT NULL REFERENCES ${s}.organisatie (id),
        volgorde integer NOT NULL,
        PRIMARY KEY (stuurgroep_id, organisatie_id)
      )`,
    `CREATE INDEX stuurgroep_lid_organisatie_idx ON ${s}.stuurgroep_lid (organisatie_id)`,
  ],
  down: (s) => [`DROP TABLE ${s}.stuurgroep_lid`, `DROP TABLE ${s}.stuurgroep`, `DROP TABLE ${s}.organisatie`],
});
