import type { Gegevenskluis } from '@ketenregie/shared-crypto';
import type { DataSource } from 'typeorm';
import { SqlAbonnementRepository } from './abonnement.repository';
import { SqlDossierRepository } from './dossier.repository';
import { SqlOutboxRepository } from './outbox.repository';
import { SqlOverdrachtRepository } from './overdracht.repository';
import { SqlVerwijzingRepository } from './verwijzing.repository';

/** The repositories of the exchange schema, one per aggregate. */
export interface ExchangeRepositories {
  readonly overdrachten: SqlOverdrachtRepository;
  readonly dossiers: SqlDossierRepository;
  readonly verwijzingen: SqlVerwijzingRepository;
  readonly abonnementen: SqlAbonnementRepository;
  readonly outbox: SqlOutboxRepository;
}

/**
 * Every repository of the exchange schema on one data source.
 * @param sleutels the per-deelnemer key store of the source data and the dossier (see `SqlOverdrachtRepository`)
 */
export function exchangeRepositories(dataSource: DataSource, sleutels?: Gegevenskluis): ExchangeRepositories {
  return {
    overdrachten: new SqlOverdrachtRepository(dataSource, sleutels),
    dossiers: new SqlDossierRepository(dataSource, sleutels),
    verwijzingen: new SqlVerwijzingRepository(dataSource),
    abonnementen: new SqlAbonnementRepository(dataSource),
    outbox: new SqlOutboxRepository(dataSource),
  };
}
