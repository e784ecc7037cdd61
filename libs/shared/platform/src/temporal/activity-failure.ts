import { ACTIVITY_HEARTBEAT_MS, isDomainError } from '@ketenregie/shared-kernel';
import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';

/**
 * What an activity throws for `error`: a `DomainError` (a permanent failure: refused, not found,
 * conflict) becomes a non-retryable `ApplicationFailure` typed with its stable code, so the
 * workflow sees the code and Temporal does not retry; a `DomainError` of kind `unavailable` (another
 * service or the processing log cannot be reached) and anything else (database, network) is thrown
 * as it is, so Temporal retries it with backoff: an outage delays a traject, it does not fail it.
 * The activity-side twin of `ProblemDetailsFilter`.
 */
export function toActivityFailure(error: unknown): unknown {
  return isDomainError(error) && error.kind !== 'unavailable'
    ? ApplicationFailure.create({ type: error.code, message: error.detail, nonRetryable: true })
    : error;
}

function inActivity(): Context | undefined {
  try {
    return Context.current();
  } catch {
    return undefined;
  }
}

/**
 * Runs an activity's work and throws what {@link toActivityFailure} makes of its failure. Inside an
 * activity it heartbeats every `ACTIVITY_HEARTBEAT_MS` (shared-kernel) while the work runs, so a
 * long call is seen alive, a cancellation or a worker shutdown reaches it, and the workflows'
 * `heartbeatTimeout` (`ACTIVITY_TIMEOUTS`) times out the attempt of a worker that died.
 */
export async function runActivity<T>(work: () => Promise<T>): Promise<T> {
  const ctx = inActivity();
  const heartbeat = ctx ? setInterval(() => ctx.heartbeat(), ACTIVITY_HEARTBEAT_MS) : undefined;
  try {
    return await work();
  } catch (error) {
    throw toActivityFailure(error);
  } finally {
    clearInterval(heartbeat);
  }
}

/**
 * The public methods of `service` as an activities object (bound, each through
 * {@link runActivity}), for a test worker that runs a context's activity use cases directly.
 */
export function asActivities<T extends object>(service: T): T {
  const activities: Record<string, (...args: unknown[]) => unknown> = {};
  for (const name of Object.getOwnPropertyNames(Object.getPrototypeOf(service))) {
    const member = (service as Record<string, unknown>)[name];
    if (name !== 'constructor' && typeof member === 'function') {
      activities[name] = (...args) => runActivity(async () => (member as (...a: unknown[]) => unknown).apply(service, args));
    }
  }
  return activities as T;
}

/**
 * What an activity makes of another service's answer: the JSON body of a 2xx answer; for a final
 * refusal (any other 4xx) a non-retryable `ApplicationFailure` typed with the problem's `code`
 * (else `<fallbackCode>_<status>`); and a plain, retryable error for everything that can pass:
 * 5xx, 408, 429, a 401 (an expired or not yet known token, a key rotation, an identity provider
 * that is down) and a 403 with an `AUTH.*` code (the service token was not accepted, e.g. during
 * a client-credential rotation). Temporal retries those with the workflow's backoff.
 */
export async function readServiceAnswer<T>(res: Response, what: string, fallbackCode: string): Promise<T> {
  const text = await res.text();
  if (res.ok) return (text ? JSON.parse(text) : undefined) as T;
  let code: string | undefined;
  try {
    const problem = JSON.parse(text) as { code?: unknown };
    if (typeof problem.code === 'string') code = problem.code;
  } catch {
    // not problem+json: the status decides
  }
  const transient =
    res.status >= 500 || res.status === 408 || res.status === 429 || res.status === 401 || (res.status === 403 && (code ?? '').startsWith('AUTH.'));
  if (transient || res.status < 400) throw new Error(`${what} answered HTTP ${res.status}${code ? ` (${code})` : ''}; retried`);
  throw ApplicationFailure.create({ type: code ?? `${fallbackCode}_${res.status}`, message: `${what} answered HTTP ${res.status}`, nonRetryable: true });
}
