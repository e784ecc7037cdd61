/** Stable codes of the consent domain's errors. */
export type ConsentFoutCode =
  | 'CONSENT.SCOPE_EMPTY'
  | 'CONSENT.BACKDATED'
  | 'CONSENT.PERIOD_INVALID'
  | 'CONSENT.GRANTOR_NOT_COMPETENT'
  | 'CONSENT.NOT_ACTIVE'
  | 'CONSENT.NOT_EXPIRED'
  | 'CONSENT.SUPERSEDE_MISMATCH'
  | 'CONSENT.HISTORY_EMPTY';

const CONFLICT: readonly ConsentFoutCode[] = ['CONSENT.NOT_ACTIVE', 'CONSENT.NOT_EXPIRED'];

/** A rule of the consent domain was violated; `code` is stable, `kind` tells the caller how to map it. */
export class ConsentFout extends Error {
  constructor(
    readonly code: ConsentFoutCode,
    message: string,
    readonly kind: 'validation' | 'conflict' | 'invariant',
  ) {
    super(message);
    this.name = 'ConsentFout';
  }
}

export function consentFout(code: ConsentFoutCode, message: string): ConsentFout {
  const kind = code === 'CONSENT.HISTORY_EMPTY' ? 'invariant' : CONFLICT.includes(code) ? 'conflict' : 'validation';
  return new ConsentFout(code, message, kind);
}
