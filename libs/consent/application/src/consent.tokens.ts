import type { InjectionToken, Provider } from '@nestjs/common';
import type { ConsentStorage } from './consent.ports';

/** Injection token of the {@link ConsentOpslag} port. */
export const CONSENT_OPSLAG = Symbol('CONSENT_OPSLAG');
/** Injection token of the {@link RegisterOpslag} port. */
export const REGISTER_OPSLAG = Symbol('REGISTER_OPSLAG');
/** Injection token of the {@link Pseudonimiseer} port (keyed pseudonyms in the processing log). */
export const PSEUDONIMISEERDER = Symbol('PSEUDONIMISEERDER');
/** Injection token of the {@link KetenSleutels} port (the processing log's chain keys). */
export const KETEN_SLEUTELS = Symbol('KETEN_SLEUTELS');
/** Injection token of the {@link ToestemmingLevenscyclusPoort}. */
export const LEVENSCYCLUS_POORT = Symbol('LEVENSCYCLUS_POORT');

const CONSENT_STORAGE = Symbol('CONSENT_STORAGE');

/**
 * The storage ports of the consent use cases, opened once by `useFactory` (from what `inject`
 * names) and bound to {@link CONSENT_OPSLAG}, {@link REGISTER_OPSLAG}, {@link PSEUDONIMISEERDER}
 * and {@link KETEN_SLEUTELS}. Every process that runs consent use cases (consent-service, the worker)
 * wires them this one way.
 */
export function consentStorageProviders(storage: {
  readonly inject: readonly InjectionToken[];
  readonly useFactory: (...deps: never[]) => ConsentStorage;
}): Provider[] {
  return [
    { provide: CONSENT_STORAGE, useFactory: storage.useFactory, inject: [...storage.inject] },
    { provide: CONSENT_OPSLAG, useFactory: (s: ConsentStorage) => s.opslag, inject: [CONSENT_STORAGE] },
    { provide: REGISTER_OPSLAG, useFactory: (s: ConsentStorage) => s.register, inject: [CONSENT_STORAGE] },
    { provide: PSEUDONIMISEERDER, useFactory: (s: ConsentStorage) => s.pseudonimiseer, inject: [CONSENT_STORAGE] },
    { provide: KETEN_SLEUTELS, useFactory: (s: ConsentStorage) => s.ketenSleutels, inject: [CONSENT_STORAGE] },
  ];
}
