import { sqlMigratie } from '@ketenregie/shared-platform';

/**
 * Room for the overview and the timeline encrypted with the deelnemer's own key: the overview's
 * progress (scores, the ZRM's health domains included) and every timeline event's data. Needs no
 * key, so the worker (which writes both) runs it too; the conversion of existing rows is
 * {@link deelnemerSleutels}.
 */
export const TrajectVersleuteling1764000000006 = sqlMigratie('TrajectVersleuteling1764000000006', {
  up: (s) => [
    `ALTER TABLE ${s}.traject_overzicht ADD COLUMN overzicht_versleuteld bytea`,
    `ALTER TABLE ${s}.tijdlijn_gebeurtenis ADD COLUMN gegevens_versleuteld bytea`,
  ],
  down: (s) => [
    `ALTER TABLE ${s}.traject_overzicht DROP COLUMN overzicht_versleuteld`,
    `ALTER TABLE ${s}.tijdlijn_gebeurtenis DROP COLUMN gegevens_versleuteld`,
  ],
});
