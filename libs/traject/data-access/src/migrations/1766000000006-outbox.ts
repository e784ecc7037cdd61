import { sqlMigratie } from '@ketenregie/shared-platform';

/**
 * The traject context's outbox: the published facts of its timeline, written in the same
 * transaction as the timeline (one row per `<trajectId>:<nr>`), read by other contexts as a feed
 * ordered by `volgnummer`.
 */
export const TrajectOutbox1766000000006 = sqlMigratie('TrajectOutbox1766000000006', {
  up: (s) => [
    `
      CREATE TABLE ${s}.outbox (
        id uuid PRIMARY KEY,
        sleutel text NOT NULL UNIQUE,
        volgnummer bigserial NOT NULL UNIQUE,
        soort text NOT NULL,
        traject_id uuid NOT NULL,
        datum date NOT NULL,
        data jsonb NOT NULL,
        tijd timestamptz NOT NULL DEFAULT clock_timestamp()
      )`,
  ],
  down: (s) => [`DROP TABLE ${s}.outbox`],
});
