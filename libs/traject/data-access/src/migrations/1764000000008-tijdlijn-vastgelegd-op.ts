import { sqlMigratie } from '@ketenregie/shared-platform';

/**
 * When each timeline event was recorded: the business date of an event has no time of day, the
 * timeline for people shows the moment it was written down. Existing rows get the migration's
 * moment, which is better than none but not their own.
 */
export const TijdlijnVastgelegdOp1764000000008 = sqlMigratie('TijdlijnVastgelegdOp1764000000008', {
  up: (s) => [
    `ALTER TABLE ${s}.tijdlijn_gebeurtenis ADD COLUMN vastgelegd_op timestamptz NOT NULL DEFAULT now()`,
    `CREATE INDEX tijdlijn_gebeurtenis_soort ON ${s}.tijdlijn_gebeurtenis (soort, traject_id)`,
  ],
  down: (s) => [`DROP INDEX ${s}.tijdlijn_gebeurtenis_soort`, `ALTER TABLE ${s}.tijdlijn_gebeurtenis DROP COLUMN vastgelegd_op`],
});
