import { OrganisatieRegister1763800000000 } from './migrations/1763800000000-organisatie-register';
import { OrganisatieEntity } from './organisatie.entity';
import { StuurgroepEntity, StuurgroepLidEntity } from './stuurgroep.entity';

export * from './monitoring.schema';
export * from './organisatie.entity';
export * from './stuurgroep.entity';
export * from './organisatie.repository';
export * from './stuurgroep.repository';

/** Entities of the monitoring schema, for `DatabaseModule.forRoot`. */
export const MONITORING_ENTITIES = [OrganisatieEntity, StuurgroepEntity, StuurgroepLidEntity];
/** Migrations of the monitoring schema, in order. */
export const MONITORING_MIGRATIONS = [OrganisatieRegister1763800000000];
