import { sqlMigratie } from '@ketenregie/shared-platform';

/**
 * Programmes as data: a programme (its stable code and who set it up) with its published
 * versions, each a whole definition that is never changed once stored. A traject keeps the
 * version it started on (`traject.programma_code`, `traject.programma_versie`).
 */
export const Programma1764000000004 = sqlMigratie('Programma1764000000004', {
  up: (s) => [
    `
      CREATE TABLE ${s}.programma (
        code text PRIMARY KEY CHECK (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(code) <= 64),
        aangemaakt_door text NOT NULL,
        aangemaakt_door_organisatie text,
        aangemaakt_op timestamptz NOT NULL DEFAULT now()
      )`,
    `
      CREATE TABLE ${s}.programma_versie (
        code text NOT NULL REFERENCES ${s}.programma (code),
        versie integer NOT NULL CHECK (versie > 0),
        naam text NOT NULL,
        geldig_vanaf date NOT NULL,
        definitie jsonb NOT NULL,
        gepubliceerd_door text NOT NULL,
        gepubliceerd_op timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (code, versie)
      )`,
    `CREATE INDEX traject_programma_idx ON ${s}.traject (programma_code, programma_versie)`,
  ],
  down: (s) => [`DROP INDEX ${s}.traject_programma_idx`, `DROP TABLE ${s}.programma_versie`, `DROP TABLE ${s}.programma`],
});
