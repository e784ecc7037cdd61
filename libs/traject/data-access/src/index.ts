import { TrajectSchema1764000000000 } from './migrations/1764000000000-traject-schema';
import { DoelgroepToets1764000000001 } from './migrations/1764000000001-doelgroep-toets';

export * from './deelnemer.crypto';
export * from './traject.repositories';

/** Migrations of the `traject` schema, in order. */
export const TRAJECT_MIGRATIONS = [TrajectSchema1764000000000, DoelgroepToets1764000000001];

/** The schema uses plain SQL repositories; no TypeORM entity metadata is needed. */
export const TRAJECT_ENTITIES = [];

/** The service's own schema. */
export const TRAJECT_SCHEMA = 'traject';
