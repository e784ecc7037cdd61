import type { DataSource } from 'typeorm';
import { SqlBesluitRepository } from './besluit.repository';
import { type HmacKetenSleutels, hmacPseudonimiseerder, ketenSleutelsUitConfig } from './consent.crypto';
import { SqlConsentTransacties } from './consent.transacties';
import { SqlLevenscyclusOutboxRepository } from './levenscyclus-outbox.repository';
import { AANTAL_KETENS } from './migrations/1763900000002-verwerking-ketens';
import { SqlRegisterRepository } from './register.repository';
import { SqlToestemmingFeedRepository } from './toestemming-feed.repository';
import { SqlVerwerkingRepository } from './verwerking.repository';

/** The pseudonymisation key and the chain keys of the processing log, as the configuration gives them. */
export interface PseudoniemSleutel {
  readonly CONSENT_PSEUDONIEM_SLEUTEL_ID: string;
  /** Base64, at least 32 bytes. */
  readonly CONSENT_PSEUDONIEM_SLEUTEL: string;
  /** Base64, at least 32 bytes: the chain's HMAC key. */
  readonly CONSENT_LOG_KETEN_SLEUTEL: string;
  readonly CONSENT_LOG_KETEN_SLEUTEL_ID: string;
  /** `id:base64,…`: older chain keys still held for verification. */
  readonly CONSENT_LOG_OUDE_KETEN_SLEUTELS?: string;
}

/** Options of {@link consentRepositories}. */
export interface ConsentOpslagOpties {
  /** Concurrent transactions; keep it below the pool size so log reads still get a connection (default 4). */
  readonly gelijktijdig?: number;
  /** Chains of the processing log; must equal the rows of `keten_kop` (default {@link AANTAL_KETENS}). */
  readonly aantalKetens?: number;
  /** Page size when streaming the processing log (default 1000). */
  readonly paginagrootte?: number;
}

/** The repositories of the consent schema, one per aggregate, and the unit of work that binds consents, decisions and the log. */
export function consentRepositories(dataSource: DataSource, sleutels: HmacKetenSleutels, opties: ConsentOpslagOpties = {}) {
  const aantalKetens = opties.aantalKetens ?? AANTAL_KETENS;
  return {
    transacties: new SqlConsentTransacties(dataSource, sleutels, { gelijktijdig: opties.gelijktijdig ?? 4, aantalKetens }),
    besluiten: new SqlBesluitRepository(dataSource, sleutels, aantalKetens),
    verwerkingen: new SqlVerwerkingRepository(dataSource, aantalKetens, opties.paginagrootte ?? 1000),
    levenscyclusOutbox: new SqlLevenscyclusOutboxRepository(dataSource),
    feed: new SqlToestemmingFeedRepository(dataSource),
    register: new SqlRegisterRepository(dataSource),
  };
}

/**
 * The consent use cases' storage ports on one data source in the consent schema: the
 * repositories ({@link consentRepositories}), the keyed pseudonymiser and the chain keys (the
 * application's `ConsentStorage`, bound to its tokens by `consentStorageProviders`).
 */
export function consentStorage(dataSource: DataSource, sleutel: PseudoniemSleutel, opties: ConsentOpslagOpties = {}) {
  const ketenSleutels = ketenSleutelsUitConfig(sleutel);
  return {
    ...consentRepositories(dataSource, ketenSleutels, opties),
    pseudonimiseer: hmacPseudonimiseerder(sleutel.CONSENT_PSEUDONIEM_SLEUTEL_ID, Buffer.from(sleutel.CONSENT_PSEUDONIEM_SLEUTEL, 'base64')),
    ketenSleutels,
  };
}
