import { isDomainError } from '@ketenregie/shared-kernel';
import { ApplicationFailure } from '@temporalio/activity';

/**
 * Runs an activity's work. Permanent (domain) failures become non-retryable `ApplicationFailure`s
 * typed with their code; anything else (database, network) is thrown as is, so Temporal retries it.
 */
export async function alsActiviteit<T>(werk: () => Promise<T>): Promise<T> {
  try {
    return await werk();
  } catch (error) {
    if (isDomainError(error)) throw ApplicationFailure.create({ type: error.code, message: error.detail, nonRetryable: true });
    throw error;
  }
}
