import { Inject, Injectable } from '@nestjs/common';
import { OVERDRACHT_EINDSTATUSSEN, OVERDRACHTEN_PATH, type OverdrachtAanvraagDto, type OverdrachtDto } from '@ketenregie/exchange-contracts';
import { PlaatsingActiviteitenService } from '@ketenregie/plaatsing-application';
import type {
  PlaatsingActivities,
  PlaatsingUitkomstVerwerken,
  TerugleidingAanvraag,
  TerugleidingNamens,
  TerugleidingStand,
} from '@ketenregie/plaatsing-contracts';
import type { OrganisatieType, Rol } from '@ketenregie/shared-kernel';
import { callService, readServiceAnswer, runActivity, type ServiceIdentity, unavailable } from '@ketenregie/shared-platform';
import { WORKER_SERVICE_IDENTITY } from '../app/worker-service-identity';
import type { PlaatsingWorkerConfig } from './plaatsing-worker.config';

export const PLAATSING_WORKER_CONFIG = Symbol('PLAATSING_WORKER_CONFIG');

const EIND: ReadonlySet<string> = new Set(OVERDRACHT_EINDSTATUSSEN);

/**
 * The plaatsing workflow's activities: a thin adapter over {@link PlaatsingActiviteitenService},
 * in-process; the warm return goes to exchange-service (another context) over HTTP as the
 * worker's service identity acting for the placement's jobcoach.
 */
@Injectable()
export class PlaatsingActivitiesAdapter implements PlaatsingActivities {
  constructor(
    private readonly service: PlaatsingActiviteitenService,
    @Inject(PLAATSING_WORKER_CONFIG) private readonly config: PlaatsingWorkerConfig,
    @Inject(WORKER_SERVICE_IDENTITY) private readonly identiteit: ServiceIdentity,
  ) {}

  /** Permanent (domain) failures are non-retryable and typed with their code; the database's are retried (`runActivity`). */
  applyOutcome(i: PlaatsingUitkomstVerwerken): Promise<void> {
    return runActivity(() => this.service.applyOutcome(i));
  }

  /** `POST /api/v1/overdrachten` with the workflow's stable `overdrachtId`: a retry answers with the first handover. */
  requestReturn(a: TerugleidingAanvraag): Promise<void> {
    return runActivity(async () => {
      const aanvraag: OverdrachtAanvraagDto = {
        overdrachtId: a.overdrachtId,
        deelnemerId: a.deelnemerId,
        trajectId: a.trajectId,
        ontvanger: { organisatie: a.naar },
        reden: a.reden,
        overTeNemen: ['begeleiding'],
        regievoerder: a.regievoerder,
        gegevens: a.gegevens,
      };
      await this.vraag<OverdrachtDto>('POST', OVERDRACHTEN_PATH, a.namens, aanvraag);
    });
  }

  /** `GET /api/v1/overdrachten/{id}` as its sender. */
  returnStatus(i: { readonly overdrachtId: string; readonly namens: TerugleidingNamens }): Promise<TerugleidingStand> {
    return runActivity(async () => {
      const o = await this.vraag<OverdrachtDto>('GET', `${OVERDRACHTEN_PATH}/${encodeURIComponent(i.overdrachtId)}`, i.namens);
      return { status: o.status, beeindigd: EIND.has(o.status) };
    });
  }

  /** A 4xx answer is final (non-retryable, typed with the problem's code); unreachable, 5xx, 408, 429 and transient auth failures are retried (`readServiceAnswer`). */
  private async vraag<T>(method: 'GET' | 'POST', pad: string, namens: TerugleidingNamens, json?: unknown): Promise<T> {
    const bearer = await this.identiteit.token({
      sub: namens.professional,
      organisatie: namens.organisatie,
      organisatieType: namens.type as OrganisatieType,
      rol: namens.rol as Rol,
    });
    const res = await callService(`${this.config.EXCHANGE_SERVICE_URL}${pad}`, {
      method,
      bearer,
      ...(json === undefined ? {} : { json }),
      timeoutMs: 20_000,
      unreachable: unavailable('PLAATSING.EXCHANGE_ONBEREIKBAAR', 'exchange-service did not answer'),
    });
    return readServiceAnswer<T>(res, pad, 'PLAATSING.EXCHANGE_HTTP');
  }
}
