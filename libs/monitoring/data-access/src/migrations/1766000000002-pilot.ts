import { sqlMigratie } from '@ketenregie/shared-platform';

/**
 * Pilots, their decisions, the published reports (pilot moments and quarterly reports) and the
 * stuurgroep's inbox. A published report can never be changed or removed: a trigger refuses it.
 */
export const Pilot1766000000002 = sqlMigratie('Pilot1766000000002', {
  up: (s) => [
    `
      CREATE TABLE ${s}.pilot (
        id uuid PRIMARY KEY,
        stuurgroep_id text NOT NULL REFERENCES ${s}.stuurgroep (id),
        naam text NOT NULL CHECK (length(btrim(naam)) BETWEEN 1 AND 200),
        programma text NOT NULL,
        t0 date NOT NULL,
        t1 date NOT NULL CHECK (t1 > t0),
        eind date NOT NULL CHECK (eind > t1),
        aangemaakt_door text NOT NULL,
        aangemaakt_op timestamptz NOT NULL DEFAULT now()
      )`,
    `
      CREATE TABLE ${s}.pilot_besluit (
        sleutel text PRIMARY KEY,
        pilot_id uuid NOT NULL REFERENCES ${s}.pilot (id),
        besluit text NOT NULL CHECK (besluit IN ('verlengen', 'beeindigen', 'geen-besluit')),
        door text,
        nieuwe_einddatum date,
        vastgelegd_op timestamptz NOT NULL DEFAULT now()
      )`,
    `
      CREATE TABLE ${s}.rapportage (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        sleutel text NOT NULL UNIQUE,
        pilot_id uuid REFERENCES ${s}.pilot (id),
        convenant_id uuid REFERENCES ${s}.convenant (id),
        moment text NOT NULL,
        peildatum date NOT NULL,
        inhoud jsonb NOT NULL,
        gepubliceerd_op timestamptz NOT NULL DEFAULT now(),
        CHECK ((pilot_id IS NULL) <> (convenant_id IS NULL))
      )`,
    `
      CREATE FUNCTION ${s}.rapportage_onveranderlijk() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'a published rapportage cannot be changed or removed' USING ERRCODE = 'integrity_constraint_violation';
      END $$`,
    `CREATE TRIGGER rapportage_onveranderlijk BEFORE UPDATE OR DELETE ON ${s}.rapportage FOR EACH ROW EXECUTE FUNCTION ${s}.rapportage_onveranderlijk()`,
    `
      CREATE TABLE ${s}.stuurgroep_melding (
        sleutel text PRIMARY KEY,
        stuurgroep_id text NOT NULL,
        aan text NOT NULL CHECK (aan IN ('stuurgroep', 'voorzitter')),
        onderwerp text NOT NULL,
        verwijzing text NOT NULL,
        op timestamptz NOT NULL DEFAULT now()
      )`,
  ],
  down: (s) => [
    `DROP TABLE ${s}.stuurgroep_melding`,
    `DROP TABLE ${s}.rapportage`,
    `DROP FUNCTION ${s}.rapportage_onveranderlijk()`,
    `DROP TABLE ${s}.pilot_besluit`,
    `DROP TABLE ${s}.pilot`,
  ],
});
