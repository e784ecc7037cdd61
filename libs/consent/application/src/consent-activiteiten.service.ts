import { Injectable } from '@nestjs/common';
import type { ConsentActivities, ToestemmingBeeindigd } from '@ketenregie/consent-contracts';
import type { DataCategorie } from '@ketenregie/consent-domain';
import { activeTraceId, newTraceId } from '@ketenregie/shared-platform';
import { ToestemmingService } from './toestemming.service';

/**
 * The side effects the consent lifecycle workflow asks for, as use cases (the worker's activity
 * adapter calls these in-process). Log lines they write carry the activity's trace id.
 */
@Injectable()
export class ConsentActiviteitenService implements ConsentActivities {
  constructor(private readonly toestemmingen: ToestemmingService) {}

  recordExpiry(input: { readonly toestemmingId: string }): Promise<ToestemmingBeeindigd> {
    return this.toestemmingen.markeerVerlopen(input.toestemmingId, { traceId: activeTraceId() ?? newTraceId() });
  }

  remindCoach(input: { readonly toestemmingId: string; readonly coach: string; readonly geldigTot: string }): Promise<void> {
    return this.toestemmingen.herinner(input.toestemmingId, input.coach);
  }

  readScope(input: { readonly toestemmingId: string }): Promise<{ readonly doel: string; readonly categorieen: readonly DataCategorie[] }> {
    return this.toestemmingen.reikwijdte(input.toestemmingId);
  }

  async endReceiverAccess(input: { readonly toestemmingId: string }): Promise<{ readonly beeindigd: readonly string[] }> {
    return { beeindigd: await this.toestemmingen.beeindigOntvangers(input.toestemmingId) };
  }
}
