import { inSchema, sqlMigratie } from '@ketenregie/shared-platform';
import { CELLEN_UIT_STANDEN } from '../projectie.sql';

/**
 * The projection's stored cells (`ProjectieCel`): counts per indicator, measure, category,
 * partner, month (and programme), kept up to date with every fact in the consumer's transaction
 * and computed again by a rebuild, so that a request for the indicators reads these instead of
 * every traject stand. The cells of the stands already stored are computed here once.
 */
export const Basiscel1767310000000 = sqlMigratie('Basiscel1767310000000', {
  up: (s) => [
    `
      CREATE TABLE ${s}.basiscel (
        indicator text NOT NULL,
        meting text NOT NULL,
        categorie text NOT NULL,
        partner text NOT NULL,
        maand text NOT NULL,
        dag text NOT NULL,
        programma text NOT NULL,
        aantal bigint NOT NULL,
        PRIMARY KEY (indicator, meting, categorie, partner, maand, dag, programma)
      )`,
    // The cells of the stands and consent facts already stored.
    inSchema(CELLEN_UIT_STANDEN, s),
  ],
  down: (s) => [`DROP TABLE ${s}.basiscel`],
});
