import { sqlMigratie } from '@ketenregie/shared-platform';

/**
 * The lifecycle outbox: the end of a consent (withdrawn, superseded), written in the same
 * transaction as the withdrawal, one row per consent, delivered to the consent's lifecycle
 * workflow with retries. Holds ids, an instant and a reason only: no personal data.
 */
export const LevenscyclusOutbox1767400000002 = sqlMigratie('LevenscyclusOutbox1767400000002', {
  up: (s) => [
    `
      CREATE TABLE ${s}.levenscyclus_outbox (
        toestemming_id uuid PRIMARY KEY,
        signaal jsonb NOT NULL,
        aangemaakt_op timestamptz NOT NULL DEFAULT clock_timestamp(),
        pogingen integer NOT NULL DEFAULT 0,
        volgende_poging timestamptz NOT NULL DEFAULT clock_timestamp(),
        bezorgd_op timestamptz,
        laatste_fout text
      )`,
    `CREATE INDEX levenscyclus_outbox_te_bezorgen ON ${s}.levenscyclus_outbox (volgende_poging) WHERE bezorgd_op IS NULL`,
  ],
  down: (s) => [`DROP TABLE ${s}.levenscyclus_outbox`],
});
