import { sqlMigratie } from '@ketenregie/shared-platform';

/**
 * The facts of one context (`soort LIKE 'toestemming.%'`) are read by an index on their kind, not by
 * a scan of every fact: at the scale of a region most facts are the traject context's.
 */
export const FeitSoort1767200000000 = sqlMigratie('FeitSoort1767200000000', {
  up: (s) => [`CREATE INDEX feit_soort_idx ON ${s}.feit (soort text_pattern_ops, nr)`],
  down: (s) => [`DROP INDEX ${s}.feit_soort_idx`],
});
