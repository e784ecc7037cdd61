import { duration, fromDuration, type Msg } from '../../proto/proto';
import type { RetryPolicy } from '../../model/run-state';

/** Temporal's defaults for activities: 1 s initial, coefficient 2, max 100 x initial, unlimited attempts. */
export function activityRetryPolicy(proto: Msg | undefined): RetryPolicy {
  const initialIntervalMs = fromDuration(proto?.initial_interval) || 1000;
  return {
    initialIntervalMs,
    backoffCoefficient: proto?.backoff_coefficient || 2,
    maximumIntervalMs: fromDuration(proto?.maximum_interval) || 100 * initialIntervalMs,
    maximumAttempts: proto?.maximum_attempts ?? 0,
    nonRetryableErrorTypes: [...(proto?.non_retryable_error_types ?? [])],
  };
}

/** A workflow retry policy is only in force when the starter supplied one. */
export function workflowRetryPolicy(proto: Msg | undefined): RetryPolicy | undefined {
  return proto ? activityRetryPolicy(proto) : undefined;
}

/** The retry policy as a proto message. */
export function retryPolicyProto(policy: RetryPolicy): Msg {
  return {
    initial_interval: duration(policy.initialIntervalMs),
    backoff_coefficient: policy.backoffCoefficient,
    maximum_interval: duration(policy.maximumIntervalMs),
    maximum_attempts: policy.maximumAttempts,
    non_retryable_error_types: policy.nonRetryableErrorTypes,
  };
}

/** Outcome of asking whether a failed attempt may be retried. */
export type RetryDecision = { retry: true; backoffMs: number } | { retry: false; retryState: string };

/**
 * Decides on a retry after attempt `attempt` failed with `failure`, following Temporal's rules:
 * non-retryable failures and error types stop, the attempt limit stops, and a retry that could
 * not start before `expirationTime` (0 = none) stops with a timeout.
 */
export function decideRetry(policy: RetryPolicy | undefined, attempt: number, failure: Msg | undefined, now: number, expirationTime: number): RetryDecision {
  if (!policy) return { retry: false, retryState: 'RETRY_STATE_RETRY_POLICY_NOT_SET' };
  const appInfo = failure?.application_failure_info;
  if (appInfo?.non_retryable) return { retry: false, retryState: 'RETRY_STATE_NON_RETRYABLE_FAILURE' };
  if (appInfo?.type && policy.nonRetryableErrorTypes.includes(appInfo.type)) {
    return { retry: false, retryState: 'RETRY_STATE_NON_RETRYABLE_FAILURE' };
  }
  if (policy.maximumAttempts === 1) return { retry: false, retryState: 'RETRY_STATE_RETRY_POLICY_NOT_SET' };
  if (policy.maximumAttempts > 0 && attempt >= policy.maximumAttempts) {
    return { retry: false, retryState: 'RETRY_STATE_MAXIMUM_ATTEMPTS_REACHED' };
  }
  const explicitDelay = appInfo?.next_retry_delay ? fromDuration(appInfo.next_retry_delay) : undefined;
  const backoffMs = explicitDelay ?? backoffInterval(policy, attempt);
  if (expirationTime > 0 && now + backoffMs >= expirationTime) return { retry: false, retryState: 'RETRY_STATE_TIMEOUT' };
  return { retry: true, backoffMs };
}

/** Delay before attempt `attempt + 1`: initial x coefficient^(attempt-1), capped by the maximum interval. */
export function backoffInterval(policy: RetryPolicy, attempt: number): number {
  const raw = policy.initialIntervalMs * Math.pow(policy.backoffCoefficient, Math.max(0, attempt - 1));
  const capped = policy.maximumIntervalMs > 0 ? Math.min(raw, policy.maximumIntervalMs) : raw;
  return Math.round(capped);
}
