import { type DomainErrorKind, errorCodes, errorFactory } from '@ketenregie/shared-kernel';

/** Stable codes of the traject domain's errors and the kind each maps to. */
export const TRAJECT_ERRORS = {
  'TRAJECT.PHASE_INVALID': 'precondition',
  'TRAJECT.STATUS_INVALID': 'precondition',
  'TRAJECT.NOT_PAUSED': 'precondition',
  'TRAJECT.ALREADY_PAUSED': 'precondition',
  'TRAJECT.DATE_INVALID': 'validation',
  'TRAJECT.DATE_IN_FUTURE': 'validation',
  'TRAJECT.DATE_BEFORE_PAUSE': 'validation',
  'TRAJECT.RELAPSE_TARGET_INVALID': 'validation',
  'TRAJECT.REOPEN_TARGET_INVALID': 'validation',
  'TRAJECT.NEXT_STEP_REQUIRED': 'validation',
  'TRAJECT.PLAN_INVALID': 'validation',
  'TRAJECT.PLAN_REQUIRED': 'precondition',
  'TRAJECT.GAS_LIMIT_EXCEEDED': 'validation',
  'TRAJECT.SCORE_INVALID': 'validation',
  'TRAJECT.ZRM_DOMAIN_REQUIRED': 'validation',
  'TRAJECT.ZRM_DOMAIN_NOT_RELEVANT': 'validation',
  'TRAJECT.LADDER_INVALID': 'validation',
  'TRAJECT.MEASUREMENT_REQUIRED': 'validation',
  'TRAJECT.EXTENSION_NOT_ALLOWED': 'precondition',
  'TRAJECT.PROGRAMME_INVALID': 'validation',
  'TRAJECT.PROGRAMME_MISMATCH': 'conflict',
  'TRAJECT.REGIE_UNCHANGED': 'conflict',
  'TRAJECT.COACH_UNCHANGED': 'conflict',
  'TRAJECT.COACH_REQUIRED': 'precondition',
  'TRAJECT.ID_INVALID': 'validation',
  'TRAJECT.COMMAND_INVALID': 'validation',
  'TRAJECT.BSN_INVALID': 'validation',
  'TRAJECT.DEELNEMER_NOT_FOUND': 'not-found',
  'TRAJECT.NOT_FOUND': 'not-found',
  'TRAJECT.PROGRAMME_NOT_FOUND': 'not-found',
  'TRAJECT.PROGRAMME_EXISTS': 'conflict',
  'TRAJECT.PROGRAMME_FULL': 'conflict',
  'TRAJECT.GROUP_STARTED': 'precondition',
  'TRAJECT.FORBIDDEN': 'forbidden',
  'TRAJECT.NOT_ELIGIBLE': 'precondition',
  'TRAJECT.PROCESSING_LOG_UNAVAILABLE': 'unavailable',
  'TRAJECT.WISSING_LOPEND_TRAJECT': 'precondition',
  'TRAJECT.NO_CASE_MEETING': 'precondition',
  'TRAJECT.ATTENDANCE_INVALID': 'validation',
} as const satisfies Record<string, DomainErrorKind>;

/** One of the codes in {@link TRAJECT_ERRORS}. */
export type TrajectErrorCode = keyof typeof TRAJECT_ERRORS;

/** Every traject error code, for exhaustive mappings (HTTP, Temporal failure types). */
export const TRAJECT_ERROR_CODES = errorCodes(TRAJECT_ERRORS);

/** A traject-domain error with its registered kind ({@link errorFactory}). */
export const trajectError = errorFactory(TRAJECT_ERRORS);
