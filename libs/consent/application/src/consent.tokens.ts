/** Injection token of the {@link ConsentOpslag} port. */
export const CONSENT_OPSLAG = Symbol('CONSENT_OPSLAG');
/** Injection token of the {@link RegisterOpslag} port. */
export const REGISTER_OPSLAG = Symbol('REGISTER_OPSLAG');
/** Injection token of the {@link Pseudonimiseer} port (keyed pseudonyms in the processing log). */
export const PSEUDONIMISEERDER = Symbol('PSEUDONIMISEERDER');
/** Injection token of the {@link Sha256} port. */
export const SHA256 = Symbol('SHA256');
/** Injection token of the {@link ToestemmingLevenscyclusPoort}. */
export const LEVENSCYCLUS_POORT = Symbol('LEVENSCYCLUS_POORT');
