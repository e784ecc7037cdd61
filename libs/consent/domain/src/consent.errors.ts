import { type DomainErrorKind, errorFactory } from '@ketenregie/shared-kernel';

/** Stable codes of the consent domain's errors and the kind each maps to. */
export const CONSENT_FOUTEN = {
  'CONSENT.SCOPE_EMPTY': 'validation',
  'CONSENT.BACKDATED': 'validation',
  'CONSENT.PERIOD_INVALID': 'validation',
  'CONSENT.GRANTOR_NOT_COMPETENT': 'validation',
  'CONSENT.SUPERSEDE_MISMATCH': 'validation',
  'CONSENT.NOT_ACTIVE': 'precondition',
  'CONSENT.NOT_EXPIRED': 'precondition',
  'CONSENT.HISTORY_EMPTY': 'precondition',
} as const satisfies Record<string, DomainErrorKind>;

/** One of the codes in {@link CONSENT_FOUTEN}. */
export type ConsentFoutCode = keyof typeof CONSENT_FOUTEN;

/** A consent-domain error with its registered kind ({@link errorFactory}). */
export const consentFout = errorFactory(CONSENT_FOUTEN);
