import { sqlMigratie } from '@ketenregie/shared-platform';

/**
 * Which organisation holds which role in which traject, effective-dated: `aanmelder` (started
 * it), `regievoerder` (the lead), `coach-organisatie`, `ontvanger` (took it over). A row ends
 * (`tot`) when the role moves; the access policy reads the rows in force. Filled from the
 * overview projection for trajecten that already run.
 */
export const Betrokkenheid1764000000003 = sqlMigratie('Betrokkenheid1764000000003', {
  up: (s) => [
    `
      CREATE TABLE ${s}.betrokkenheid (
        id bigserial PRIMARY KEY,
        traject_id uuid NOT NULL REFERENCES ${s}.traject (id),
        deelnemer_id uuid NOT NULL,
        organisatie_id text NOT NULL,
        rol text NOT NULL CHECK (rol IN ('aanmelder', 'regievoerder', 'coach-organisatie', 'ontvanger')),
        vanaf timestamptz NOT NULL DEFAULT now(),
        tot timestamptz,
        CHECK (tot IS NULL OR tot >= vanaf)
      )`,
    `CREATE UNIQUE INDEX betrokkenheid_lopend_uq ON ${s}.betrokkenheid (traject_id, organisatie_id, rol) WHERE tot IS NULL`,
    `CREATE INDEX betrokkenheid_deelnemer_idx ON ${s}.betrokkenheid (deelnemer_id, organisatie_id) WHERE tot IS NULL`,
    `
      INSERT INTO ${s}.betrokkenheid (traject_id, deelnemer_id, organisatie_id, rol)
      SELECT o.traject_id, t.deelnemer_id, o.regie_organisatie_id, 'regievoerder' FROM ${s}.traject_overzicht o JOIN ${s}.traject t ON t.id = o.traject_id
      UNION
      SELECT o.traject_id, t.deelnemer_id, o.coach_organisatie_id, 'coach-organisatie' FROM ${s}.traject_overzicht o JOIN ${s}.traject t ON t.id = o.traject_id
      WHERE o.coach_organisatie_id IS NOT NULL`,
  ],
  down: (s) => [`DROP TABLE ${s}.betrokkenheid`],
});
