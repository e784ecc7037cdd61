import { Injectable } from '@nestjs/common';
import type { ConsentActivities, ToestemmingBeeindigd } from '@ketenregie/consent-contracts';
import type { DataCategorie } from '@ketenregie/consent-domain';
import { isDomainError } from '@ketenregie/shared-kernel';
import { ApplicationFailure } from '@temporalio/common';
import { randomBytes } from 'node:crypto';
import { ToestemmingService } from './toestemming.service';

/** Permanent failures become non-retryable Temporal failures typed by their stable code; anything else is retried. */
async function metFoutvertaling<T>(werk: () => Promise<T>): Promise<T> {
  try {
    return await werk();
  } catch (error) {
    if (isDomainError(error)) throw ApplicationFailure.create({ type: error.code, message: error.detail, nonRetryable: true });
    throw error;
  }
}

/**
 * The consent context's activities (thin adapters over {@link ToestemmingService}), hosted by
 * the worker on the consent task queue. Log lines they write start a trace of their own.
 */
@Injectable()
export class ConsentActivitiesAdapter implements ConsentActivities {
  constructor(private readonly toestemmingen: ToestemmingService) {}

  markeerVerlopen(input: { readonly toestemmingId: string }): Promise<ToestemmingBeeindigd> {
    return metFoutvertaling(() => this.toestemmingen.markeerVerlopen(input.toestemmingId, { traceId: randomBytes(16).toString('hex') }));
  }

  herinnerCoach(input: { readonly toestemmingId: string; readonly coach: string; readonly geldigTot: string }): Promise<void> {
    return metFoutvertaling(() => this.toestemmingen.herinner(input.toestemmingId, input.coach));
  }

  toestemmingReikwijdte(input: { readonly toestemmingId: string }): Promise<{ readonly doel: string; readonly categorieen: readonly DataCategorie[] }> {
    return metFoutvertaling(() => this.toestemmingen.reikwijdte(input.toestemmingId));
  }
}
