import { Inject, Injectable } from '@nestjs/common';
import { ConsentActiviteitenService, RegisterService } from '@ketenregie/consent-application';
import type { BewaartermijnActivities, ConsentActivities, LegacyConsentActivities, WissingUitkomst } from '@ketenregie/consent-contracts';
import { callService, readServiceAnswer, runActivity, type ServiceIdentity, unavailable } from '@ketenregie/shared-platform';
import { deelnemerWissingPath } from '@ketenregie/traject-contracts';
import { WORKER_SERVICE_IDENTITY } from '../app/worker-service-identity';
import type { ConsentWorkerConfig } from './consent-worker.config';

export const CONSENT_WORKER_CONFIG = Symbol('CONSENT_WORKER_CONFIG');

/** What traject-service's refusals of an erasure mean to the retention workflow. */
const WISSING_WEIGERINGEN: Readonly<Record<string, WissingUitkomst>> = {
  'TRAJECT.DEELNEMER_NOT_FOUND': 'al-gewist',
  'TRAJECT.WISSING_LOPEND_TRAJECT': 'traject-loopt',
};

/** The erasure at traject-service (a function, not a method: every method of the adapter is registered as an activity). */
async function wisBijTraject(
  config: ConsentWorkerConfig,
  identiteit: ServiceIdentity,
  i: { readonly deelnemerId: string; readonly gemeente: string },
): Promise<WissingUitkomst> {
  const bearer = await identiteit.token({ sub: 'bewaartermijn', organisatie: i.gemeente, organisatieType: 'gemeente', rol: 'fg' });
  const pad = deelnemerWissingPath(i.deelnemerId);
  const res = await callService(`${config.TRAJECT_SERVICE_URL}${pad}`, {
    method: 'POST',
    bearer,
    json: { grond: 'bewaartermijn-verstreken' },
    timeoutMs: 30_000,
    unreachable: unavailable('CONSENT.TRAJECT_ONBEREIKBAAR', 'traject-service did not answer'),
  });
  if (res.status === 404 || res.status === 422) {
    const code = (
      (await res
        .clone()
        .json()
        .catch(() => ({}))) as { code?: unknown }
    ).code;
    const uitkomst = typeof code === 'string' ? WISSING_WEIGERINGEN[code] : undefined;
    if (uitkomst) return uitkomst;
  }
  await readServiceAnswer<unknown>(res, pad, 'CONSENT.WISSING_HTTP');
  return 'gewist';
}

type Invoer<K extends keyof ConsentActivities> = Parameters<ConsentActivities[K]>[0];

/**
 * The consent task queue's activities. The lifecycle workflow's: thin adapters over
 * {@link ConsentActiviteitenService}; the old (Dutch) names stay registered as aliases for
 * lifecycles that began before the rename. The retention workflow's: the register's period
 * in-process ({@link RegisterService}), the erasure at traject-service (another context) over
 * HTTP as the worker's service identity acting for the gemeente's fg.
 */
@Injectable()
export class ConsentActivitiesAdapter implements ConsentActivities, LegacyConsentActivities, BewaartermijnActivities {
  constructor(
    private readonly service: ConsentActiviteitenService,
    private readonly register: RegisterService,
    @Inject(CONSENT_WORKER_CONFIG) private readonly config: ConsentWorkerConfig,
    @Inject(WORKER_SERVICE_IDENTITY) private readonly identiteit: ServiceIdentity,
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

  async determineRetention(i: { readonly einddatum: string }): ReturnType<BewaartermijnActivities['determineRetention']> {
    return runActivity(async () => (await this.register.bewaartermijnNa(i.einddatum)) ?? null);
  }

  /**
   * `POST /api/v1/deelnemers/{id}/wissing` with ground `bewaartermijn-verstreken`. Idempotent: a
   * deelnemer already erased (404) is `al-gewist`; a traject that still runs (422) is
   * `traject-loopt`; other refusals are final, an unreachable service or a 5xx is retried.
   */
  eraseDeelnemer(i: { readonly sleutel: string; readonly deelnemerId: string; readonly gemeente: string }): Promise<WissingUitkomst> {
    return runActivity(() => wisBijTraject(this.config, this.identiteit, i));
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
