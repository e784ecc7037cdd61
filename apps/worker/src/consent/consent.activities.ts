import { Injectable } from '@nestjs/common';
import { BewaartermijnActiviteitenService, ConsentActiviteitenService } from '@ketenregie/consent-application';
import type { BewaartermijnActivities, ConsentActivities, LegacyConsentActivities, WissingUitkomst } from '@ketenregie/consent-contracts';
import { runActivity } from '@ketenregie/shared-platform';

type Invoer<K extends keyof ConsentActivities> = Parameters<ConsentActivities[K]>[0];

/**
 * The consent task queue's activities. The lifecycle workflow's: thin adapters over
 * {@link ConsentActiviteitenService}; the old (Dutch) names stay registered as aliases for
 * lifecycles that began before the rename. The retention workflow's: thin adapters over
 * {@link BewaartermijnActiviteitenService}.
 */
@Injectable()
export class ConsentActivitiesAdapter implements ConsentActivities, LegacyConsentActivities, BewaartermijnActivities {
  constructor(
    private readonly service: ConsentActiviteitenService,
    private readonly bewaartermijn: BewaartermijnActiviteitenService,
  ) {}

  recordExpiry(i: Invoer<'recordExpiry'>): ReturnType<ConsentActivities['recordExpiry']> {
    return runActivity(() => this.service.recordExpiry(i));
  }
  remindCoach(i: Invoer<'remindCoach'>): Promise<void> {
    return runActivity(() => this.service.remindCoach(i));
  }
  readScope(i: Invoer<'readScope'>): ReturnType<ConsentActivities['readScope']> {
    return runActivity(() => this.service.readScope(i));
  }

  endReceiverAccess(i: Invoer<'endReceiverAccess'>): ReturnType<ConsentActivities['endReceiverAccess']> {
    return runActivity(() => this.service.endReceiverAccess(i));
  }

  determineRetention(i: { readonly einddatum: string }): ReturnType<BewaartermijnActivities['determineRetention']> {
    return runActivity(() => this.bewaartermijn.determineRetention(i));
  }

  eraseDeelnemer(i: { readonly sleutel: string; readonly deelnemerId: string; readonly gemeente: string }): Promise<WissingUitkomst> {
    return runActivity(() => this.bewaartermijn.eraseDeelnemer(i));
  }

  /** @deprecated old name of {@link recordExpiry}, kept for lifecycles started before the rename. */
  markeerVerlopen(i: Invoer<'recordExpiry'>): ReturnType<ConsentActivities['recordExpiry']> {
    return this.recordExpiry(i);
  }
  /** @deprecated old name of {@link remindCoach}. */
  herinnerCoach(i: Invoer<'remindCoach'>): Promise<void> {
    return this.remindCoach(i);
  }
  /** @deprecated old name of {@link readScope}. */
  toestemmingReikwijdte(i: Invoer<'readScope'>): ReturnType<ConsentActivities['readScope']> {
    return this.readScope(i);
  }
}
