import { OrganisatieRegister1763800000000 } from './migrations/1763800000000-organisatie-register';
import { Convenant1766000000000 } from './migrations/1766000000000-convenant';
import { Projectie1766000000001 } from './migrations/1766000000001-projectie';
import { Pilot1766000000002 } from './migrations/1766000000002-pilot';
import { FeitSoort1767200000000 } from './migrations/1767200000000-feit-soort';
import { Inzet1767300000001 } from './migrations/1767300000001-inzet';
import { Basiscel1767310000000 } from './migrations/1767310000000-basiscel';

export * from './monitoring.schema';
export * from './organisatie.repository';
export * from './stuurgroep.repository';
export * from './convenant.repository';
export * from './projectie.repository';
export * from './pilot.repository';
export * from './inzet.repository';

/** Migrations of the monitoring schema, in order. */
export const MONITORING_MIGRATIONS = [
  OrganisatieRegister1763800000000,
  Convenant1766000000000,
  Projectie1766000000001,
  Pilot1766000000002,
  FeitSoort1767200000000,
  Inzet1767300000001,
  Basiscel1767310000000,
];
export * from './monitoring.metrics';
