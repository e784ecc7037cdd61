import type { DataSource } from 'typeorm';
import { hmacPseudonimiseerder, nodeSha256 } from './consent.crypto';
import { type ConsentOpslagOpties, TypeOrmConsentOpslag } from './consent.repository';
import { TypeOrmRegisterOpslag } from './register.repository';

/** The pseudonymisation key of the processing log, as the configuration gives it. */
export interface PseudoniemSleutel {
  readonly CONSENT_PSEUDONIEM_SLEUTEL_ID: string;
  /** Base64, at least 32 bytes. */
  readonly CONSENT_PSEUDONIEM_SLEUTEL: string;
}

/**
 * The consent use cases' storage ports on one data source in the consent schema: the consents
 * and their log, the register, the keyed pseudonymiser and SHA-256 (the application's
 * `ConsentStorage`, bound to its tokens by `consentStorageProviders`).
 */
export function typeOrmConsentStorage(dataSource: DataSource, sleutel: PseudoniemSleutel, opties: ConsentOpslagOpties = {}) {
  return {
    opslag: new TypeOrmConsentOpslag(dataSource, nodeSha256, opties),
    register: new TypeOrmRegisterOpslag(dataSource),
    pseudonimiseer: hmacPseudonimiseerder(sleutel.CONSENT_PSEUDONIEM_SLEUTEL_ID, Buffer.from(sleutel.CONSENT_PSEUDONIEM_SLEUTEL, 'base64')),
    sha256: nodeSha256,
  };
}
