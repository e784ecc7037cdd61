import { isDomainError } from '@ketenregie/shared-kernel';
import { ApplicationFailure } from '@temporalio/common';

/**
 * What an activity throws for `error`: a `DomainError` (a permanent failure: refused, not found,
 * conflict) becomes a non-retryable `ApplicationFailure` typed with its stable code, so the
 * workflow sees the code and Temporal does not retry; anything else (database, network) is
 * returned as it is, so Temporal retries it. The activity-side twin of `ProblemDetailsFilter`.
 */
export function toActivityFailure(error: unknown): unknown {
  return isDomainError(error) ? ApplicationFailure.create({ type: error.code, message: error.detail, nonRetryable: true }) : error;
}

/** Runs an activity's work and throws what {@link toActivityFailure} makes of its failure. */
export async function runActivity<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toActivityFailure(error);
  }
}

/**
 * The public methods of `service` as an activities object (bound, each through
 * {@link runActivity}), for a test worker that runs a context's activity use cases directly.
 */
export function asActivities<T extends object>(service: T): T {
  const activities: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const name of Object.getOwnPropertyNames(Object.getPrototypeOf(service))) {
    const member = (service as Record<string, unknown>)[name];
    if (name !== 'constructor' && typeof member === 'function') {
      activities[name] = (...args) => runActivity(async () => (member as (...a: unknown[]) => unknown).apply(service, args));
    }
  }
  return activities as T;
}
