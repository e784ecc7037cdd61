import { activityRetryPolicy, backoffInterval, decideRetry } from './retry';

describe('retry policy maths', () => {
  const policy = activityRetryPolicy({
    initial_interval: { seconds: 1 },
    backoff_coefficient: 2,
    maximum_interval: { seconds: 5 },
    maximum_attempts: 5,
    non_retryable_error_types: ['Fatal'],
  });

  it('applies Temporal defaults for activities', () => {
    expect(activityRetryPolicy(undefined)).toEqual({
      initialIntervalMs: 1000,
      backoffCoefficient: 2,
      maximumIntervalMs: 100_000,
      maximumAttempts: 0,
      nonRetryableErrorTypes: [],
    });
  });

  it('grows the interval by the coefficient and caps it at the maximum interval', () => {
    expect([1, 2, 3, 4, 5].map((attempt) => backoffInterval(policy, attempt))).toEqual([1000, 2000, 4000, 5000, 5000]);
  });

  it('stops at the maximum attempts, non-retryable types and non-retryable failures', () => {
    expect(decideRetry(policy, 5, { message: 'x' }, 0, 0)).toEqual({ retry: false, retryState: 'RETRY_STATE_MAXIMUM_ATTEMPTS_REACHED' });
    expect(decideRetry(policy, 1, { application_failure_info: { type: 'Fatal' } }, 0, 0)).toEqual({
      retry: false,
      retryState: 'RETRY_STATE_NON_RETRYABLE_FAILURE',
    });
    expect(decideRetry(policy, 1, { application_failure_info: { non_retryable: true } }, 0, 0)).toEqual({
      retry: false,
      retryState: 'RETRY_STATE_NON_RETRYABLE_FAILURE',
    });
    expect(decideRetry(policy, 2, { message: 'x' }, 0, 0)).toEqual({ retry: true, backoffMs: 2000 });
  });

  it('honours an explicit next retry delay and the expiration time', () => {
    expect(decideRetry(policy, 1, { application_failure_info: { next_retry_delay: { seconds: 3 } } }, 0, 0)).toEqual({ retry: true, backoffMs: 3000 });
    expect(decideRetry(policy, 1, { message: 'x' }, 10_000, 10_500)).toEqual({ retry: false, retryState: 'RETRY_STATE_TIMEOUT' });
  });
});
