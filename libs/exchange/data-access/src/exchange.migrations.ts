import type { Gegevenskluis } from '@ketenregie/shared-crypto';
import type { MigrationInterface } from 'typeorm';
import { ExchangeSchema1764000000000 } from './migrations/1764000000000-exchange-schema';
import { OutboxOpgegeven1764000000001 } from './migrations/1764000000001-outbox-opgegeven';
import { AbonnementGeheim1764000000002 } from './migrations/1764000000002-abonnement-geheim';
import { DossierKolommen1764000000003, dossierVersleuteling } from './migrations/1764000000003-dossier-versleuteling';
import { RegievoerderOrganisatie1764000000005 } from './migrations/1764000000005-regievoerder-organisatie';

/** Migrations of the `exchange` schema that need no key, in order. */
export const EXCHANGE_MIGRATIONS = [
  ExchangeSchema1764000000000,
  OutboxOpgegeven1764000000001,
  AbonnementGeheim1764000000002,
  DossierKolommen1764000000003,
  RegievoerderOrganisatie1764000000005,
];

/** Every migration of the `exchange` schema: what exchange-service runs with the per-deelnemer key store. */
export function exchangeMigraties(sleutels: Gegevenskluis): (new () => MigrationInterface)[] {
  return [...EXCHANGE_MIGRATIONS, dossierVersleuteling(sleutels)];
}
