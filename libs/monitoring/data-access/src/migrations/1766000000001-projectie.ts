import { sqlMigratie } from '@ketenregie/shared-platform';

/**
 * The indicator projection: every fact received (once per CloudEvent id, in order of receipt),
 * the stand per traject derived from them (can be dropped and rebuilt), and how far each feed was read.
 */
export const Projectie1766000000001 = sqlMigratie('Projectie1766000000001', {
  up: (s) => [
    `
      CREATE TABLE ${s}.feit (
        nr bigserial PRIMARY KEY,
        id uuid NOT NULL UNIQUE,
        soort text NOT NULL,
        onderwerp text NOT NULL,
        datum date NOT NULL,
        data jsonb NOT NULL,
        ontvangen_op timestamptz NOT NULL DEFAULT now()
      )`,
    `
      CREATE TABLE ${s}.traject_stand (
        traject_id text PRIMARY KEY,
        stand jsonb NOT NULL
      )`,
    `
      CREATE TABLE ${s}.feed_positie (
        bron text PRIMARY KEY,
        laatste bigint NOT NULL
      )`,
  ],
  down: (s) => [`DROP TABLE ${s}.feed_positie`, `DROP TABLE ${s}.traject_stand`, `DROP TABLE ${s}.feit`],
});
