import { HttpException, HttpStatus } from '@nestjs/common';
import { type DomainErrorKind, isDomainError } from '@ketenregie/shared-kernel';
import { ZodValidationException } from 'nestjs-zod';

/** Media type of every error response. */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** One invalid input field: its path (`plan.doelen.0`), an RFC 6901 JSON pointer and why. */
export interface ProblemFieldError {
  readonly field: string;
  readonly pointer: string;
  readonly detail: string;
}

/**
 * An RFC 9457 problem details object, extended with the stable error `code`, the per-field
 * `errors` and the request's `traceId` (the one in the logs and the `x-trace-id` header).
 */
export interface ProblemDetails {
  /** `urn:ketenregie:problem:<code>`; identifies the problem type. */
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  /** The request path the problem occurred on. */
  readonly instance?: string;
  /** Stable machine-readable code, e.g. `TRAJECT.PHASE_INVALID`. */
  readonly code: string;
  readonly errors?: readonly ProblemFieldError[];
  readonly traceId?: string;
}

/** HTTP status per domain error kind. */
export const STATUS_BY_KIND: Readonly<Record<DomainErrorKind, number>> = Object.freeze({
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  precondition: 422,
  unavailable: 503,
});

const TITLE_BY_STATUS: Readonly<Record<number, string>> = {
  400: 'Invalid request',
  401: 'Unauthenticated',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  406: 'Not acceptable',
  409: 'Conflict',
  412: 'Precondition failed',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Precondition failed',
  429: 'Too many requests',
  500: 'Internal server error',
  502: 'Bad gateway',
  503: 'Service unavailable',
  504: 'Gateway timeout',
};

/** Problem type URI of an error code. */
export function problemType(code: string): string {
  return `urn:ketenregie:problem:${code}`;
}

function pointerOf(path: readonly PropertyKey[]): string {
  return '#/' + path.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
}

/**
 * A path segment as it may be echoed: field names the schemas use, array indexes. Anything else
 * (a record key or unknown field with an odd name, possibly a BSN or a name) is shown as `?`.
 */
function echoableSegment(segment: PropertyKey): string {
  if (typeof segment === 'number') return String(segment);
  const s = String(segment);
  return /^[A-Za-z_$][A-Za-z0-9_$-]{0,63}$/.test(s) || /^-?[0-9]{1,4}$/.test(s) ? s : '?';
}

/**
 * One entry per invalid field; an unknown field (strict schemas) gets an entry of its own named
 * by its path, with detail `unknown field`.
 */
export function fieldErrorsFromZod(error: unknown): ProblemFieldError[] {
  const issues = (error as { issues?: { code?: string; path?: PropertyKey[]; keys?: string[]; message?: string }[] } | undefined)?.issues ?? [];
  return issues.flatMap((i) => {
    const path = i.path ?? [];
    const entries =
      i.code === 'unrecognized_keys' && Array.isArray(i.keys)
        ? i.keys.map((k) => ({ path: [...path, k], detail: 'unknown field' }))
        : [{ path, detail: i.message ?? 'invalid' }];
    return entries.map((e) => {
      const shown = e.path.map(echoableSegment);
      return { field: shown.join('.'), pointer: pointerOf(shown), detail: e.detail };
    });
  });
}

function httpCode(status: number): string {
  const name = (HttpStatus as unknown as Record<number, string>)[status];
  return `HTTP.${name ?? `STATUS_${status}`}`;
}

/**
 * Digit runs of eight or more (a BSN has nine) are never echoed to the caller: not in a detail,
 * not in the instance path. An answer must not confirm a BSN, even one the caller sent.
 */
export function zonderBsn(text: string): string {
  return text.replace(/\d{8,}/g, '…');
}

function build(status: number, code: string, detail: string, ctx: ProblemContext, errors?: ProblemFieldError[]): ProblemDetails {
  return {
    type: problemType(code),
    title: TITLE_BY_STATUS[status] ?? (status >= 500 ? 'Server error' : 'Request failed'),
    status,
    detail: zonderBsn(detail),
    ...(ctx.instance ? { instance: zonderBsn(ctx.instance) } : {}),
    code,
    ...(errors && errors.length > 0 ? { errors } : {}),
    ...(ctx.traceId ? { traceId: ctx.traceId } : {}),
  };
}

/** Where the problem happened. */
export interface ProblemContext {
  readonly instance?: string;
  readonly traceId?: string;
}

/**
 * Maps anything thrown while handling a request to problem details:
 * - a `DomainError` by its kind ({@link STATUS_BY_KIND}) with its code, detail and fields;
 * - a nestjs-zod validation failure to 400 `REQUEST.VALIDATION` with one entry per field;
 * - a Nest `HttpException` to its status with code `HTTP.<STATUS_NAME>`;
 * - anything else to 500 `INTERNAL` with a generic detail — never internals.
 */
export function problemFromException(exception: unknown, ctx: ProblemContext = {}): ProblemDetails {
  if (isDomainError(exception)) {
    const errors = Object.entries(exception.fields ?? {}).map(([field, detail]) => ({
      field,
      pointer: pointerOf(field.split('.')),
      detail,
    }));
    return build(STATUS_BY_KIND[exception.kind], exception.code, exception.detail, ctx, errors);
  }
  if (exception instanceof ZodValidationException) {
    return build(400, 'REQUEST.VALIDATION', 'The request is invalid.', ctx, fieldErrorsFromZod(exception.getZodError()));
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    if (status >= 500) return build(status, httpCode(status), 'The server could not handle the request.', ctx);
    const response = exception.getResponse();
    const message = typeof response === 'string' ? response : ((response as { message?: unknown }).message ?? exception.message);
    const detail = Array.isArray(message) ? message.join('; ') : String(message);
    // Framework messages may quote the input ("Cannot GET /…", a JSON parse error with the body).
    return build(status, httpCode(status), /["'`/\\]/.test(detail) ? (TITLE_BY_STATUS[status] ?? 'Request failed') : detail, ctx);
  }
  if (isBodyParserError(exception)) {
    return build(exception.status, httpCode(exception.status), 'The request body could not be read.', ctx);
  }
  return build(500, 'INTERNAL', 'An unexpected error occurred. Quote the trace id when reporting it.', ctx);
}

function isBodyParserError(e: unknown): e is { status: number; type: string } {
  const x = e as { status?: unknown; type?: unknown } | null;
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof x.status === 'number' &&
    x.status >= 400 &&
    x.status < 500 &&
    typeof x.type === 'string' &&
    /^(entity\.|request\.|encoding\.|charset\.)/.test(x.type)
  );
}
