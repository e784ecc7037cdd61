import { DomainError } from '@ketenregie/shared-kernel';
import { activeTraceparent } from '../observability/tracing';

/** One request from this service to another context's HTTP API. */
export interface ServiceCall {
  /** `GET` without a body, `POST` with one, unless given. */
  readonly method?: 'GET' | 'POST' | 'DELETE';
  /** Bearer token: the caller's own, or a service token of this process acting for the caller. */
  readonly bearer?: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Sent as a JSON body. */
  readonly json?: unknown;
  readonly timeoutMs: number;
  /** The error (kind `unavailable`: 503 problem+json) when the other service cannot be reached or does not answer in time. */
  readonly unreachable: (cause: unknown) => DomainError;
}

/**
 * Calls another context's HTTP API: bearer token, JSON body, a timeout, the active trace as W3C
 * `traceparent` (a request's or an activity's span), and an unreachable or silent service turned
 * into the caller's 503 problem ({@link ServiceCall.unreachable}). The answer is returned as it
 * is; what its status means is the caller's to decide.
 */
export async function callService(url: string, call: ServiceCall): Promise<Response> {
  const traceparent = activeTraceparent();
  const headers: Record<string, string> = {
    ...(traceparent ? { traceparent } : {}),
    ...(call.bearer ? { authorization: `Bearer ${call.bearer}` } : {}),
    ...(call.json === undefined ? {} : { 'content-type': 'application/json' }),
    ...call.headers,
  };
  try {
    return await fetch(url, {
      method: call.method ?? (call.json === undefined ? 'GET' : 'POST'),
      headers,
      ...(call.json === undefined ? {} : { body: JSON.stringify(call.json) }),
      signal: AbortSignal.timeout(call.timeoutMs),
    });
  } catch (cause) {
    throw call.unreachable(cause);
  }
}

/** A {@link ServiceCall.unreachable} that throws a 503 `DomainError` with this code and detail. */
export function unavailable(code: string, detail: string): (cause?: unknown) => DomainError {
  return (cause) => new DomainError({ code, kind: 'unavailable', detail, cause });
}
