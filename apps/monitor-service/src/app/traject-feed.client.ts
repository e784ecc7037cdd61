import type { FeedBron } from '@ketenregie/monitoring-application';
import type { Feit } from '@ketenregie/monitoring-domain';
import { TRAJECT_EVENT_TYPE_PREFIX, TRAJECT_GEBEURTENISSEN_PATH, trajectGebeurtenissenSchema } from '@ketenregie/traject-contracts';
import { DomainError } from '@ketenregie/shared-kernel';
import type { Identity, ServiceIdentity } from '@ketenregie/shared-platform';

/** monitor-service acts for itself when it reads feeds (no professional, no deelnemer). */
export const MONITOR_SERVICE_NAMENS: Identity = {
  sub: 'ketenregie-monitor-service',
  organisatie: 'ketenregie-monitor-service',
  organisatieType: 'gemeente',
  rol: 'stuurgroeplid',
};

const TIMEOUT_MS = 10_000;

/** The traject context's feed over HTTP with monitor-service's service token. */
export class HttpTrajectFeed implements FeedBron {
  readonly naam = 'traject';

  constructor(
    private readonly baseUrl: string,
    private readonly identiteit: ServiceIdentity,
  ) {}

  async pagina(na: number, max: number): Promise<{ feiten: Feit[]; laatste: number }> {
    const token = await this.identiteit.token(MONITOR_SERVICE_NAMENS);
    const response = await fetch(`${this.baseUrl}${TRAJECT_GEBEURTENISSEN_PATH}?na=${na}&max=${max}`, {
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!response.ok)
      throw new DomainError({ code: 'MONITORING.FEED_ONBEREIKBAAR', kind: 'unavailable', detail: `The traject feed answered ${response.status}.` });
    const pagina = trajectGebeurtenissenSchema.parse(await response.json());
    return {
      laatste: pagina.laatste,
      feiten: pagina.gebeurtenissen.map((e) => ({
        id: e.id,
        soort: `traject.${e.type.slice(TRAJECT_EVENT_TYPE_PREFIX.length)}`,
        onderwerp: e.subject.slice('traject/'.length),
        datum: e.datum,
        data: e.data,
      })),
    };
  }
}
