import { PlaatsingSchema1765000000000 } from './migrations/1765000000000-plaatsing-schema';
import { PlaatsingEntity, PlaatsingGebeurtenisEntity, PlaatsingOutboxEntity, PlaatsingTaakEntity, VacatureEntity, WerkgeverEntity } from './plaatsing.entities';

export * from './plaatsing.entities';
export * from './plaatsing.repositories';

/** Entities of the plaatsing schema, for `DatabaseModule.forRoot` / `openDatabase`. */
export const PLAATSING_ENTITIES = [WerkgeverEntity, VacatureEntity, PlaatsingEntity, PlaatsingGebeurtenisEntity, PlaatsingTaakEntity, PlaatsingOutboxEntity];
/** Migrations of the plaatsing schema, in order. */
export const PLAATSING_MIGRATIONS = [PlaatsingSchema1765000000000];
export * from './plaatsing.metrics';
