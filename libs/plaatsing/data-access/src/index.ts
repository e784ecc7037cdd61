import type { MigrationInterface } from 'typeorm';
import { PlaatsingSchema1765000000000 } from './migrations/1765000000000-plaatsing-schema';
import { plaatsingVersleuteling } from './migrations/1767300000001-plaatsing-versleuteling';
import type { PlaatsingKluis } from './plaatsing.crypto';

export * from './plaatsing.schema';
export * from './plaatsing.crypto';
export * from './werkgever.repository';
export * from './vacature.repository';
export * from './plaatsing.repository';

/** Migrations of the plaatsing schema that need no key store, in order. */
export const PLAATSING_MIGRATIONS = [PlaatsingSchema1765000000000];
export * from './plaatsing.metrics';

/** Every migration of the plaatsing schema, in order; the encryption at rest needs the key store. */
export function plaatsingMigraties(kluis: PlaatsingKluis): (new () => MigrationInterface)[] {
  return [...PLAATSING_MIGRATIONS, plaatsingVersleuteling(kluis)];
}
