import { PreconditionError, ValidationError } from '@ketenregie/shared-kernel';

/** Stable error codes of the exchange context; clients and activity adapters branch on them. */
export const EXCHANGE_ERROR_CODES = {
  /** The overdracht is not in a state that allows this step. */
  overgangOngeldig: 'EXCHANGE.OVERGANG_ONGELDIG',
  /** The verwijzing is not in a state that allows this status. */
  verwijzingStatusOngeldig: 'EXCHANGE.VERWIJZING_STATUS_ONGELDIG',
  /** A setting (deadline, check-in) is out of range. */
  instellingOngeldig: 'EXCHANGE.INSTELLING_ONGELDIG',
  /** An end reason is missing or not in the code list. */
  eindredenOngeldig: 'EXCHANGE.EINDREDEN_ONGELDIG',
} as const;

/** One of {@link EXCHANGE_ERROR_CODES}. */
export type ExchangeErrorCode = (typeof EXCHANGE_ERROR_CODES)[keyof typeof EXCHANGE_ERROR_CODES];

/** A step that the current state does not allow (kind `precondition`, HTTP 422). */
export function overgangOngeldig(van: string, stap: string): PreconditionError {
  return new PreconditionError({ code: EXCHANGE_ERROR_CODES.overgangOngeldig, detail: `Step ${stap} is not allowed in state ${van}.` });
}

/** A setting out of range (kind `validation`). */
export function instellingOngeldig(detail: string): ValidationError {
  return new ValidationError({ code: EXCHANGE_ERROR_CODES.instellingOngeldig, detail });
}
