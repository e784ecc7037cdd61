import { sqlMigratie } from '@ketenregie/shared-platform';

/** Expiry reminders for coaches: one per consent (the primary key makes the reminder activity idempotent). */
export const Herinnering1763900000001 = sqlMigratie('Herinnering1763900000001', {
  up: (s) => [
    `
      CREATE TABLE ${s}.herinnering (
        toestemming_id uuid PRIMARY KEY REFERENCES ${s}.toestemming (id),
        coach text NOT NULL,
        aangemaakt_op timestamptz NOT NULL
      )`,
    `CREATE INDEX herinnering_coach_idx ON ${s}.herinnering (coach)`,
  ],
  down: (s) => [`DROP TABLE ${s}.herinnering`],
});
