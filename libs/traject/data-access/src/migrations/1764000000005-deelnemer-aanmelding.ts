import { sqlMigratie } from '@ketenregie/shared-platform';

/**
 * Every organisation that registered a deelnemer (aanmelding): registering a BSN that is already
 * known answers like a new registration and adds the caller's organisation here, so the answer
 * never tells whether the BSN was known. Existing deelnemers get their registering organisation.
 */
export const DeelnemerAanmelding1764000000005 = sqlMigratie('DeelnemerAanmelding1764000000005', {
  up: (s) => [
    `
      CREATE TABLE ${s}.deelnemer_aanmelding (
        deelnemer_id uuid NOT NULL REFERENCES ${s}.deelnemer (id),
        organisatie text NOT NULL,
        aangemeld_door text NOT NULL,
        aangemeld_op timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (deelnemer_id, organisatie)
      )`,
    `INSERT INTO ${s}.deelnemer_aanmelding (deelnemer_id, organisatie, aangemeld_door, aangemeld_op)
       SELECT id, aangemaakt_door_organisatie, aangemaakt_door, aangemaakt_op FROM ${s}.deelnemer WHERE aangemaakt_door_organisatie IS NOT NULL`,
  ],
  down: (s) => [`DROP TABLE ${s}.deelnemer_aanmelding`],
});
