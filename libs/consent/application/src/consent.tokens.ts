import type { InjectionToken, Provider } from '@nestjs/common';
import type { ConsentStorage } from './consent.ports';

/** Injection token of the {@link ConsentTransacties} port. */
export const CONSENT_TRANSACTIES = Symbol('CONSENT_TRANSACTIES');
/** Injection token of the {@link BesluitRepository} port. */
export const BESLUIT_REPOSITORY = Symbol('BESLUIT_REPOSITORY');
/** Injection token of the {@link VerwerkingRepository} port. */
export const VERWERKING_REPOSITORY = Symbol('VERWERKING_REPOSITORY');
/** Injection token of the {@link LevenscyclusOutboxRepository} port. */
export const LEVENSCYCLUS_OUTBOX_REPOSITORY = Symbol('LEVENSCYCLUS_OUTBOX_REPOSITORY');
/** Injection token of the {@link ToestemmingFeedRepository} port. */
export const TOESTEMMING_FEED_REPOSITORY = Symbol('TOESTEMMING_FEED_REPOSITORY');
/** Injection token of the {@link RegisterRepository} port. */
export const REGISTER_REPOSITORY = Symbol('REGISTER_REPOSITORY');
/** Injection token of the {@link Pseudonimiseer} port (keyed pseudonyms in the processing log). */
export const PSEUDONIMISEERDER = Symbol('PSEUDONIMISEERDER');
/** Injection token of the {@link KetenSleutels} port (the processing log's chain keys). */
export const KETEN_SLEUTELS = Symbol('KETEN_SLEUTELS');
/** Injection token of the {@link ToestemmingLevenscyclusPoort}. */
export const LEVENSCYCLUS_POORT = Symbol('LEVENSCYCLUS_POORT');

const CONSENT_STORAGE = Symbol('CONSENT_STORAGE');

/** Each token with the part of {@link ConsentStorage} it is bound to. */
const DELEN: readonly (readonly [symbol, (s: ConsentStorage) => unknown])[] = [
  [CONSENT_TRANSACTIES, (s) => s.transacties],
  [BESLUIT_REPOSITORY, (s) => s.besluiten],
  [VERWERKING_REPOSITORY, (s) => s.verwerkingen],
  [LEVENSCYCLUS_OUTBOX_REPOSITORY, (s) => s.levenscyclusOutbox],
  [TOESTEMMING_FEED_REPOSITORY, (s) => s.feed],
  [REGISTER_REPOSITORY, (s) => s.register],
  [PSEUDONIMISEERDER, (s) => s.pseudonimiseer],
  [KETEN_SLEUTELS, (s) => s.ketenSleutels],
];

/**
 * The storage ports of the consent use cases, opened once by `useFactory` (from what `inject`
 * names) and bound to one token per repository ({@link CONSENT_TRANSACTIES} … {@link REGISTER_REPOSITORY}),
 * {@link PSEUDONIMISEERDER} and {@link KETEN_SLEUTELS}. Every process that runs consent use cases (consent-service, the worker)
 * wires them this one way.
 */
export function consentStorageProviders(storage: {
  readonly inject: readonly InjectionToken[];
  readonly useFactory: (...deps: never[]) => ConsentStorage;
}): Provider[] {
  return [
    { provide: CONSENT_STORAGE, useFactory: storage.useFactory, inject: [...storage.inject] },
    ...DELEN.map(([provide, deel]) => ({ provide, useFactory: deel, inject: [CONSENT_STORAGE] })),
  ];
}
