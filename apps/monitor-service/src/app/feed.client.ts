import type { FeedBron } from '@ketenregie/monitoring-application';
import type { Feit } from '@ketenregie/monitoring-domain';
import { CONSENT_EVENT_TYPE_PREFIX, TOESTEMMING_GEBEURTENISSEN_PATH, toestemmingGebeurtenissenSchema } from '@ketenregie/consent-contracts';
import { TRAJECT_EVENT_TYPE_PREFIX, TRAJECT_GEBEURTENISSEN_PATH, trajectGebeurtenissenSchema } from '@ketenregie/traject-contracts';
import { DomainError } from '@ketenregie/shared-kernel';
import type { Identity, ServiceIdentity } from '@ketenregie/shared-platform';
import type { z } from 'zod';

/** monitor-service acts for itself when it reads feeds (no professional, no deelnemer). */
export const MONITOR_SERVICE_NAMENS: Identity = {
  sub: 'ketenregie-monitor-service',
  organisatie: 'ketenregie-monitor-service',
  organisatieType: 'gemeente',
  rol: 'stuurgroeplid',
};

const TIMEOUT_MS = 10_000;

interface CloudEventPagina {
  readonly gebeurtenissen: readonly { id: string; type: string; subject: string; datum: string; data: Record<string, unknown> }[];
  readonly laatste: number;
}

/** How to read one context's feed. */
interface FeedSoort {
  readonly naam: string;
  readonly pad: string;
  readonly typePrefix: string;
  readonly schema: z.ZodType<CloudEventPagina>;
}

/** The traject context's feed. */
export const TRAJECT_FEED: FeedSoort = {
  naam: 'traject',
  pad: TRAJECT_GEBEURTENISSEN_PATH,
  typePrefix: TRAJECT_EVENT_TYPE_PREFIX,
  schema: trajectGebeurtenissenSchema,
};
/** The consent context's feed. */
export const TOESTEMMING_FEED: FeedSoort = {
  naam: 'toestemming',
  pad: TOESTEMMING_GEBEURTENISSEN_PATH,
  typePrefix: CONSENT_EVENT_TYPE_PREFIX,
  schema: toestemmingGebeurtenissenSchema,
};

/** A context's feed over HTTP with monitor-service's service token; a fact's kind is `<feed>.<type suffix>` (`traject.aangemeld`). */
export class HttpFeed implements FeedBron {
  readonly naam: string;

  constructor(
    private readonly soort: FeedSoort,
    private readonly baseUrl: string,
    private readonly identiteit: ServiceIdentity,
  ) {
    this.naam = soort.naam;
  }

  async pagina(na: number, max: number): Promise<{ feiten: Feit[]; laatste: number }> {
    const token = await this.identiteit.token(MONITOR_SERVICE_NAMENS);
    const response = await fetch(`${this.baseUrl}${this.soort.pad}?na=${na}&max=${max}`, {
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!response.ok)
      throw new DomainError({ code: 'MONITORING.FEED_ONBEREIKBAAR', kind: 'unavailable', detail: `The ${this.naam} feed answered ${response.status}.` });
    const pagina = this.soort.schema.parse(await response.json());
    return {
      laatste: pagina.laatste,
      feiten: pagina.gebeurtenissen.map((e) => ({
        id: e.id,
        soort: `${this.naam}.${e.type.slice(this.soort.typePrefix.length)}`,
        onderwerp: e.subject.slice(e.subject.indexOf('/') + 1),
        datum: e.datum,
        data: e.data,
      })),
    };
  }
}
