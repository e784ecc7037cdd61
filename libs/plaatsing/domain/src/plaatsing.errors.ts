import { type DomainErrorKind, errorCodes, errorFactory } from '@ketenregie/shared-kernel';

/** Stable codes of the plaatsing domain's errors and the kind each maps to. */
export const PLAATSING_ERRORS = {
  'PLAATSING.FASE_ONGELDIG': 'precondition',
  'PLAATSING.AFGELOPEN': 'precondition',
  'PLAATSING.VERLENGING_NIET_TOEGESTAAN': 'precondition',
  'PLAATSING.GEEN_SUBSIDIE': 'precondition',
  'PLAATSING.DATUM_ONGELDIG': 'validation',
  'PLAATSING.OPDRACHT_ONGELDIG': 'validation',
  'PLAATSING.VACATURE_ONGELDIG': 'validation',
  'PLAATSING.WERKGEVER_ONGELDIG': 'validation',
  'PLAATSING.VACATURE_GESLOTEN': 'precondition',
  'PLAATSING.VACATURE_NIET_GEVONDEN': 'not-found',
  'PLAATSING.NIET_GEVONDEN': 'not-found',
  'PLAATSING.WERKGEVER_NIET_GEVONDEN': 'not-found',
  'PLAATSING.GEEN_WERKGEVER': 'precondition',
  'PLAATSING.LOOPT_AL': 'conflict',
  'PLAATSING.TRAJECT_ONBEKEND': 'not-found',
  'PLAATSING.BESLUIT_ONBEREIKBAAR': 'unavailable',
  'PLAATSING.WORKFLOW_ONBEREIKBAAR': 'unavailable',
} as const satisfies Record<string, DomainErrorKind>;

/** One of the codes in {@link PLAATSING_ERRORS}. */
export type PlaatsingErrorCode = keyof typeof PLAATSING_ERRORS;

/** Every plaatsing error code (Temporal failure types, HTTP mapping). */
export const PLAATSING_ERROR_CODES = errorCodes(PLAATSING_ERRORS);

/** A plaatsing error with its registered kind ({@link errorFactory}). */
export const plaatsingError = errorFactory(PLAATSING_ERRORS);
