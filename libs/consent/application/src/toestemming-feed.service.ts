import { Inject, Injectable } from '@nestjs/common';
import { CONSENT_EVENT_SOURCE, CONSENT_EVENT_TYPE_PREFIX, type ToestemmingGebeurtenissen } from '@ketenregie/consent-contracts';
import type { ConsentOpslag } from './consent.ports';
import { leesFeedPagina, Toegang, type Identity } from '@ketenregie/shared-platform';
import { CONSENT_OPSLAG } from './consent.tokens';

/** Consents given and withdrawn as CloudEvents, for monitor-service's projection (service token only; no deelnemer). */
@Injectable()
export class ToestemmingFeedService {
  constructor(
    @Inject(CONSENT_OPSLAG) private readonly opslag: ConsentOpslag,
    private readonly toegang: Toegang,
  ) {}

  async pagina(na: number, max: number, door: Identity): Promise<ToestemmingGebeurtenissen> {
    return (await leesFeedPagina(this.toegang, door, na, max, {
      source: CONSENT_EVENT_SOURCE,
      rijen: async (n, m) =>
        ((await this.opslag.gebeurtenissenNa?.(n, m)) ?? []).map((r) => ({
          ...r,
          type: `${CONSENT_EVENT_TYPE_PREFIX}${r.soort}`,
          subject: `toestemming/${r.toestemmingId}`,
        })),
      data: (r) => ({ organisatie: String(r.data['organisatie']), doel: String(r.data['doel']) }),
    })) as ToestemmingGebeurtenissen;
  }
}
