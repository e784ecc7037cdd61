import { DomainError, type DomainErrorKind } from '@ketenregie/shared-kernel';

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

/** A consent-domain {@link DomainError} with its registered kind. `detail` never holds personal data. */
export function consentFout(code: ConsentFoutCode, detail: string): DomainError {
  return new DomainError({ code, kind: CONSENT_FOUTEN[code], detail });
}
