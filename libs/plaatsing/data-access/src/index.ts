import type { MigrationInterface } from 'typeorm';
import { PlaatsingSchema1765000000000 } from './migrations/1765000000000-plaatsing-schema';
import { plaatsingVersleuteling } from './migrations/1767300000001-plaatsing-versleuteling';
import { PlaatsingEntity, PlaatsingGebeurtenisEntity, PlaatsingOutboxEntity, PlaatsingTaakEntity, VacatureEntity, WerkgeverEntity } from './plaatsing.entities';
import type { PlaatsingKluis } from './plaatsing.repositories';

export * from './plaatsing.entities';
export * from './plaatsing.repositories';

/** Entities of the plaatsing schema, for `DatabaseModule.forRoot` / `openDatabase`. */
export const PLAATSING_ENTITIES = [WerkgeverEntity, VacatureEntity, PlaatsingEntity, PlaatsingGebeurtenisEntity, PlaatsingTaakEntity, PlaatsingOutboxEntity];
/** Migrations of the plaatsing schema that need no key store, in order. */
export const PLAATSING_MIGRATIONS = [PlaatsingSchema1765000000000];
export * from './plaatsing.metrics';

/** Every migration of the plaatsing schema, in order; the encryption at rest needs the key store. */
export function plaatsingMigraties(kluis: PlaatsingKluis): (new () => MigrationInterface)[] {
  return [...PLAATSING_MIGRATIONS, plaatsingVersleuteling(kluis)];
}
