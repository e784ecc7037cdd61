import { sqlMigratie } from '@ketenregie/shared-platform';

/**
 * The key store: one wrapped data key per deelnemer (and older ones after a rotation), the
 * record of every erasure (a destroyed deelnemer never gets a new key), and which deelnemer a
 * workflow id belongs to (the payload codec encrypts a workflow's payloads with that key).
 */
export const KluisSchema1765000000000 = sqlMigratie('KluisSchema1765000000000', {
  up: (s) => [
    `
      CREATE TABLE ${s}.sleutel (
        id uuid PRIMARY KEY,
        deelnemer_id text,
        kek_id text NOT NULL,
        verpakt bytea NOT NULL,
        actief boolean NOT NULL DEFAULT true,
        aangemaakt_op timestamptz NOT NULL DEFAULT now(),
        herverpakt_op timestamptz
      )`,
    `CREATE UNIQUE INDEX sleutel_actief_deelnemer ON ${s}.sleutel (deelnemer_id) WHERE actief AND deelnemer_id IS NOT NULL`,
    `CREATE UNIQUE INDEX sleutel_actief_systeem ON ${s}.sleutel ((deelnemer_id IS NULL)) WHERE actief AND deelnemer_id IS NULL`,
    `CREATE INDEX sleutel_deelnemer ON ${s}.sleutel (deelnemer_id)`,
    `
      CREATE TABLE ${s}.vernietiging (
        deelnemer_id text PRIMARY KEY,
        grond text NOT NULL,
        vernietigd_op timestamptz NOT NULL DEFAULT now()
      )`,
    `CREATE TABLE ${s}.workflow_deelnemer (workflow_id text PRIMARY KEY, deelnemer_id text NOT NULL)`,
    `CREATE INDEX workflow_deelnemer_deelnemer ON ${s}.workflow_deelnemer (deelnemer_id)`,
  ],
  down: (s) => [`DROP TABLE ${s}.workflow_deelnemer, ${s}.vernietiging, ${s}.sleutel`],
});
