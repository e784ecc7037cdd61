import { sqlMigratie } from '@ketenregie/shared-platform';

/**
 * A handover stores the organisation of the traject's regievoerder (`regievoerder_organisatie`),
 * which gets the tasks and notifications meant for the regievoerder (escalations, the end of the
 * handover). Handovers stored before knew only the professional: they fall back to the sender's
 * organisation, which is where their regievoerder's tasks went until now.
 */
export const RegievoerderOrganisatie1764000000005 = sqlMigratie('RegievoerderOrganisatie1764000000005', {
  up: (s) => [
    `ALTER TABLE ${s}.overdracht ADD COLUMN regievoerder_organisatie text`,
    `UPDATE ${s}.overdracht SET regievoerder_organisatie = zender_organisatie`,
    `ALTER TABLE ${s}.overdracht ALTER COLUMN regievoerder_organisatie SET NOT NULL`,
  ],
  down: (s) => [`ALTER TABLE ${s}.overdracht DROP COLUMN regievoerder_organisatie`],
});
