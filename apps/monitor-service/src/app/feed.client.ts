import type { FeedBron } from '@ketenregie/monitoring-application';
import type { Feit } from '@ketenregie/monitoring-domain';
import { TOESTEMMING_GEBEURTENISSEN_PATH, toestemmingGebeurtenissenSchema } from '@ketenregie/consent-contracts';
import { TRAJECT_GEBEURTENISSEN_PATH, trajectGebeurtenissenSchema } from '@ketenregie/traject-contracts';
import { EXCHANGE_GEBEURTENISSEN_PATH, exchangeGebeurtenissenSchema } from '@ketenregie/exchange-contracts';
import { PLAATSING_GEBEURTENISSEN_PATH, plaatsingGebeurtenissenSchema } from '@ketenregie/plaatsing-contracts';
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
  readonly schema: z.ZodType<CloudEventPagina>;
}

/** Every published type is `nl.ketenregie.<kind>.<event>`; a fact's kind is `<kind>.<event>` (`traject.aangemeld`, `overdracht.geaccepteerd`). */
const TYPE_PREFIX = 'nl.ketenregie.';

/** The traject context's feed. */
export const TRAJECT_FEED: FeedSoort = { naam: 'traject', pad: TRAJECT_GEBEURTENISSEN_PATH, schema: trajectGebeurtenissenSchema };
/** The consent context's feed. */
export const TOESTEMMING_FEED: FeedSoort = { naam: 'toestemming', pad: TOESTEMMING_GEBEURTENISSEN_PATH, schema: toestemmingGebeurtenissenSchema };
/** The exchange context's feed (handovers and referrals). */
export const EXCHANGE_FEED: FeedSoort = { naam: 'exchange', pad: EXCHANGE_GEBEURTENISSEN_PATH, schema: exchangeGebeurtenissenSchema };
/** The plaatsing context's feed (placements). */
export const PLAATSING_FEED: FeedSoort = { naam: 'plaatsing', pad: PLAATSING_GEBEURTENISSEN_PATH, schema: plaatsingGebeurtenissenSchema };

/** A context's feed over HTTP with monitor-service's service token. */
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
        soort: e.type.startsWith(TYPE_PREFIX) ? e.type.slice(TYPE_PREFIX.length) : e.type,
        onderwerp: e.subject.slice(e.subject.indexOf('/') + 1),
        datum: e.datum,
        data: e.data,
      })),
    };
  }
}
