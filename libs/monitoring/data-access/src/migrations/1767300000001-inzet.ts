import { sqlMigratie } from '@ketenregie/shared-platform';

/**
 * The hours a partner delivered under a convenant, per month and coded expertise, as the partner
 * registered them (`uren-en-expertise`). One row per convenant, organisation, month and expertise:
 * registering again replaces the figure. Organisations and codes only, no persons.
 */
export const Inzet1767300000001 = sqlMigratie('Inzet1767300000001', {
  up: (s) => [
    `
      CREATE TABLE ${s}.inzet (
        convenant_id uuid NOT NULL REFERENCES ${s}.convenant (id),
        organisatie_id text NOT NULL,
        maand char(7) NOT NULL CHECK (maand ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        expertise text NOT NULL CHECK (expertise ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
        uren numeric(8, 2) NOT NULL CHECK (uren > 0),
        geregistreerd_op timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (convenant_id, organisatie_id, maand, expertise)
      )`,
  ],
  down: (s) => [`DROP TABLE ${s}.inzet`],
});
