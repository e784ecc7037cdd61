import { sqlMigratie } from '@ketenregie/shared-platform';

/** The consent context's outbox: consents given and withdrawn, written in the same transaction, read as a feed by `volgnummer`. */
export const ConsentOutbox1766000000003 = sqlMigratie('ConsentOutbox1766000000003', {
  up: (s) => [
    `
      CREATE TABLE ${s}.outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        sleutel text NOT NULL UNIQUE,
        volgnummer bigserial NOT NULL UNIQUE,
        soort text NOT NULL CHECK (soort IN ('gegeven', 'ingetrokken')),
        toestemming_id uuid NOT NULL,
        datum date NOT NULL,
        data jsonb NOT NULL,
        tijd timestamptz NOT NULL DEFAULT clock_timestamp()
      )`,
  ],
  down: (s) => [`DROP TABLE ${s}.outbox`],
});
