import { sqlMigratie } from '@ketenregie/shared-platform';

/** The eligibility check made at the start of a traject, with the coded override when the candidate did not fit. */
export const DoelgroepToets1764000000001 = sqlMigratie('DoelgroepToets1764000000001', {
  up: (s) => [
    `ALTER TABLE ${s}.traject ADD COLUMN doelgroep_toets jsonb NOT NULL DEFAULT '{}'::jsonb`,
    `ALTER TABLE ${s}.traject ADD COLUMN doelgroep_afwijking text`,
  ],
  down: (s) => [`ALTER TABLE ${s}.traject DROP COLUMN doelgroep_afwijking`, `ALTER TABLE ${s}.traject DROP COLUMN doelgroep_toets`],
});
