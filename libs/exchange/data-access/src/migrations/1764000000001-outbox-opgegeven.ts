import { sqlMigratie } from '@ketenregie/shared-platform';

/**
 * A delivery whose retries are exhausted is given up (`opgegeven_op`): it is never claimed again,
 * and the dispatcher reports it (a receiver that cannot be reached ends its handover).
 */
export const OutboxOpgegeven1764000000001 = sqlMigratie('OutboxOpgegeven1764000000001', {
  up: (s) => [
    `ALTER TABLE ${s}.outbox_aflevering ADD COLUMN opgegeven_op timestamptz`,
    `DROP INDEX ${s}.outbox_aflevering_due_idx`,
    `CREATE INDEX outbox_aflevering_due_idx ON ${s}.outbox_aflevering (volgende_poging) WHERE afgeleverd_op IS NULL AND opgegeven_op IS NULL`,
  ],
  down: (s) => [
    `DROP INDEX ${s}.outbox_aflevering_due_idx`,
    `CREATE INDEX outbox_aflevering_due_idx ON ${s}.outbox_aflevering (volgende_poging) WHERE afgeleverd_op IS NULL`,
    `ALTER TABLE ${s}.outbox_aflevering DROP COLUMN opgegeven_op`,
  ],
});
