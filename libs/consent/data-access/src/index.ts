import { ConsentOutbox1766000000003 } from './migrations/1766000000003-outbox';
import { KetenSleutel1767400000001 } from './migrations/1767400000001-keten-sleutel';
import { LevenscyclusOutbox1767400000002 } from './migrations/1767400000002-levenscyclus-outbox';
import { ConsentSchema1763900000000 } from './migrations/1763900000000-consent-schema';
import { Herinnering1763900000001 } from './migrations/1763900000001-herinnering';
import { Logschrijver1763900000003 } from './migrations/1763900000003-logschrijver';
import { VerwerkingKetens1763900000002 } from './migrations/1763900000002-verwerking-ketens';

export * from './consent.crypto';
export * from './consent.transacties';
export * from './besluit.repository';
export * from './verwerking.repository';
export * from './levenscyclus-outbox.repository';
export * from './toestemming-feed.repository';
export * from './register.repository';
export * from './consent.storage';
export * from './consent.config';
export { AANTAL_KETENS } from './migrations/1763900000002-verwerking-ketens';

/** The PostgreSQL schema owned by consent-service; no other service reads or writes it. */
export const CONSENT_SCHEMA = 'consent';
/** Migrations of the consent schema, in order. */
export const CONSENT_MIGRATIONS = [
  ConsentSchema1763900000000,
  Herinnering1763900000001,
  VerwerkingKetens1763900000002,
  Logschrijver1763900000003,
  ConsentOutbox1766000000003,
  KetenSleutel1767400000001,
  LevenscyclusOutbox1767400000002,
];
export { LOGSCHRIJVER_ROL } from './migrations/1763900000003-logschrijver';
export * from './verwerkingslog-anker';
export * from './consent.metrics';
