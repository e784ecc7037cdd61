import type { DataSource } from 'typeorm';
import { hmacPseudonimiseerder, ketenSleutelsUitConfig } from './consent.crypto';
import { type ConsentOpslagOpties, TypeOrmConsentOpslag } from './consent.repository';
import { TypeOrmRegisterOpslag } from './register.repository';

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

/**
 * The consent use cases' storage ports on one data source in the consent schema: the consents
 * and their log, the register, the keyed pseudonymiser and the chain keys (the application's
 * `ConsentStorage`, bound to its tokens by `consentStorageProviders`).
 */
export function typeOrmConsentStorage(dataSource: DataSource, sleutel: PseudoniemSleutel, opties: ConsentOpslagOpties = {}) {
  const ketenSleutels = ketenSleutelsUitConfig(sleutel);
  return {
    opslag: new TypeOrmConsentOpslag(dataSource, ketenSleutels, opties),
    register: new TypeOrmRegisterOpslag(dataSource),
    pseudonimiseer: hmacPseudonimiseerder(sleutel.CONSENT_PSEUDONIEM_SLEUTEL_ID, Buffer.from(sleutel.CONSENT_PSEUDONIEM_SLEUTEL, 'base64')),
    ketenSleutels,
  };
}
