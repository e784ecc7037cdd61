import { Injectable } from '@nestjs/common';
import { PlaatsingActiviteitenService } from '@ketenregie/plaatsing-application';
import type { PlaatsingActivities, PlaatsingUitkomstVerwerken } from '@ketenregie/plaatsing-contracts';
import { isDomainError } from '@ketenregie/shared-kernel';
import { ApplicationFailure } from '@temporalio/activity';

/** The plaatsing workflow's activities: a thin adapter over {@link PlaatsingActiviteitenService}, in-process. */
@Injectable()
export class PlaatsingActivitiesAdapter implements PlaatsingActivities {
  constructor(private readonly service: PlaatsingActiviteitenService) {}

  async applyOutcome(i: PlaatsingUitkomstVerwerken): Promise<void> {
    try {
      await this.service.applyOutcome(i);
    } catch (error) {
      // Permanent (domain) failures are non-retryable and typed with their code; the database's are retried.
      if (isDomainError(error)) throw ApplicationFailure.create({ type: error.code, message: error.detail, nonRetryable: true });
      throw error;
    }
  }
}
