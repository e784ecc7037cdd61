import { sqlMigratie } from '@ketenregie/shared-platform';

/** Convenanten of the stuurgroepen: one row per convenant, one immutable row per version. */
export const Convenant1766000000000 = sqlMigratie('Convenant1766000000000', {
  up: (s) => [
    `
      CREATE TABLE ${s}.convenant (
        id uuid PRIMARY KEY,
        stuurgroep_id text NOT NULL REFERENCES ${s}.stuurgroep (id),
        aangemaakt_op timestamptz NOT NULL DEFAULT now()
      )`,
    `
      CREATE TABLE ${s}.convenant_versie (
        convenant_id uuid NOT NULL REFERENCES ${s}.convenant (id),
        versie integer NOT NULL CHECK (versie >= 1),
        ingangsdatum date NOT NULL,
        naam text NOT NULL CHECK (length(btrim(naam)) BETWEEN 1 AND 200),
        startdatum date NOT NULL,
        einddatum date NOT NULL CHECK (einddatum > startdatum),
        partijen jsonb NOT NULL,
        doelen jsonb NOT NULL,
        vastgesteld_door text NOT NULL REFERENCES ${s}.organisatie (id),
        vastgesteld_op timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (convenant_id, versie)
      )`,
    `CREATE INDEX convenant_stuurgroep_idx ON ${s}.convenant (stuurgroep_id)`,
  ],
  down: (s) => [`DROP TABLE ${s}.convenant_versie`, `DROP TABLE ${s}.convenant`],
});
