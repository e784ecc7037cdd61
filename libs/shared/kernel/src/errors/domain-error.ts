/**
 * What went wrong, in terms a caller can act on. The platform maps each kind to an HTTP
 * status (validation 400, unauthenticated 401, forbidden 403, not-found 404, conflict 409,
 * precondition 422, unavailable 503) and activity adapters map them to non-retryable Temporal
 * failures. `unavailable`: a component the answer depends on failed (e.g. the processing log
 * could not record a read), so the request was refused; the caller may retry later.
 */
export type DomainErrorKind = 'validation' | 'not-found' | 'conflict' | 'forbidden' | 'unauthenticated' | 'precondition' | 'unavailable';

/** All kinds, for exhaustive mappings and tests. */
export const DOMAIN_ERROR_KINDS: readonly DomainErrorKind[] = Object.freeze([
  'validation',
  'not-found',
  'conflict',
  'forbidden',
  'unauthenticated',
  'precondition',
  'unavailable',
]);

/** Stable error codes: upper-case dotted segments, context first, e.g. `TRAJECT.PHASE_INVALID`. */
export const ERROR_CODE_PATTERN = /^[A-Z][A-Z0-9_]*(\.[A-Z][A-Z0-9_]*)+$/;

/** Constructor arguments of {@link DomainError}. */
export interface DomainErrorInit {
  /** Stable, documented code, e.g. `TRAJECT.PHASE_INVALID`; clients branch on it. */
  readonly code: string;
  readonly kind: DomainErrorKind;
  /**
   * Human-readable explanation of this occurrence. Must not contain personal data (BSN, names,
   * health information): it is logged and returned to the caller.
   */
  readonly detail: string;
  /** Per-field messages, keyed by field path (`'plan.doelen.0.omschrijving'`). */
  readonly fields?: Readonly<Record<string, string>>;
  /** The underlying error, kept for logs only. */
  readonly cause?: unknown;
}

/**
 * Base class of every error domain and application code throws on purpose. It carries no
 * HTTP notions; the platform's exception filter turns it into `application/problem+json`.
 */
export class DomainError extends Error {
  readonly code: string;
  readonly kind: DomainErrorKind;
  readonly detail: string;
  readonly fields?: Readonly<Record<string, string>>;

  constructor(init: DomainErrorInit) {
    if (!ERROR_CODE_PATTERN.test(init.code)) {
      throw new TypeError(`Invalid domain error code ${JSON.stringify(init.code)}: expected e.g. TRAJECT.PHASE_INVALID`);
    }
    super(`${init.code}: ${init.detail}`, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = new.target.name;
    this.code = init.code;
    this.kind = init.kind;
    this.detail = init.detail;
    if (init.fields && Object.keys(init.fields).length > 0) this.fields = Object.freeze({ ...init.fields });
  }
}

/** The base of the errors of one kind: a {@link DomainError} whose constructor takes everything but the kind. */
function errorOfKind(kind: DomainErrorKind) {
  return class extends DomainError {
    constructor(init: Omit<DomainErrorInit, 'kind'>) {
      super({ ...init, kind });
    }
  };
}

/** Input breaks a rule (kind `validation`). */
export class ValidationError extends errorOfKind('validation') {}

/** The addressed resource does not exist or is not visible to the caller (kind `not-found`). */
export class NotFoundError extends errorOfKind('not-found') {}

/** The request collides with the current state, e.g. a duplicate or a stale version (kind `conflict`). */
export class ConflictError extends errorOfKind('conflict') {}

/** The caller is known but not allowed to do this (kind `forbidden`). */
export class ForbiddenError extends errorOfKind('forbidden') {}

/** The caller is not (validly) authenticated (kind `unauthenticated`). */
export class UnauthenticatedError extends errorOfKind('unauthenticated') {}

/** The entity is not in a state that allows this, e.g. the wrong traject phase (kind `precondition`). */
export class PreconditionError extends errorOfKind('precondition') {}

/**
 * True for a {@link DomainError}, also one created by another copy of this module (bundled
 * workflow code, a second Jest module registry), recognised by its `code` and `kind`.
 */
export function isDomainError(error: unknown): error is DomainError {
  if (error instanceof DomainError) return true;
  if (typeof error !== 'object' || error === null || !(error instanceof Error)) return false;
  const e = error as Partial<DomainError>;
  return (
    typeof e.code === 'string' && ERROR_CODE_PATTERN.test(e.code) && typeof e.detail === 'string' && DOMAIN_ERROR_KINDS.includes(e.kind as DomainErrorKind)
  );
}

/** A context's table of stable error codes and the kind each maps to, e.g. `TRAJECT_ERRORS`. */
export type ErrorTable<C extends string = string> = Readonly<Record<C, DomainErrorKind>>;

/** Every code of a context's error table, for exhaustive mappings (HTTP, Temporal failure types). */
export function errorCodes<C extends string>(table: ErrorTable<C>): readonly C[] {
  return Object.freeze(Object.keys(table) as C[]);
}

/**
 * The error factory of a context's table: a {@link DomainError} with the code's registered kind.
 * `detail` never holds personal data (it is logged and returned to callers); `fields` names the
 * offending input paths.
 */
export function errorFactory<C extends string>(table: ErrorTable<C>): (code: C, detail: string, fields?: Record<string, string>) => DomainError {
  return (code, detail, fields) => new DomainError({ code, kind: table[code], detail, fields });
}
