import { schemaOf } from '@ketenregie/shared-platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which organisation holds which role in which traject, effective-dated: `aanmelder` (started
 * it), `regievoerder` (the lead), `coach-organisatie`, `ontvanger` (took it over). A row ends
 * (`tot`) when the role moves; the access policy reads the rows in force. Filled from the
 * overview projection for trajecten that already run.
 */
export class Betrokkenheid1764000000003 implements MigrationInterface {
  name = 'Betrokkenheid1764000000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = `"${schemaOf(queryRunner)}"`;
    await queryRunner.query(`
      CREATE TABLE ${s}.betrokkenheid (
        id bigserial PRIMARY KEY,
        traject_id uuid NOT NULL REFERENCES ${s}.traject (id),
        deelnemer_id uuid NOT NULL,
        organisatie_id text NOT NULL,
        rol text NOT NULL CHECK (rol IN ('aanmelder', 'regievoerder', 'coach-organisatie', 'ontvanger')),
        vanaf timestamptz NOT NULL DEFAULT now(),
        tot timestamptz,
        CHECK (tot IS NULL OR tot >= vanaf)
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX betrokkenheid_lopend_uq ON ${s}.betrokkenheid (traject_id, organisatie_id, rol) WHERE tot IS NULL`);
    await queryRunner.query(`CREATE INDEX betrokkenheid_deelnemer_idx ON ${s}.betrokkenheid (deelnemer_id, organisatie_id) WHERE tot IS NULL`);
    await queryRunner.query(`
      INSERT INTO ${s}.betrokkenheid (traject_id, deelnemer_id, organisatie_id, rol)
      SELECT o.traject_id, t.deelnemer_id, o.regie_organisatie_id, 'regievoerder' FROM ${s}.traject_overzicht o JOIN ${s}.traject t ON t.id = o.traject_id
      UNION
      SELECT o.traject_id, t.deelnemer_id, o.coach_organisatie_id, 'coach-organisatie' FROM ${s}.traject_overzicht o JOIN ${s}.traject t ON t.id = o.traject_id
      WHERE o.coach_organisatie_id IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "${schemaOf(queryRunner)}".betrokkenheid`);
  }
}
