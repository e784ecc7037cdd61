import { Inject, Injectable } from '@nestjs/common';
import { CONSENT_EVENT_SOURCE, CONSENT_EVENT_TYPE_PREFIX, type ToestemmingGebeurtenissen } from '@ketenregie/consent-contracts';
import type { ConsentOpslag } from './consent.ports';
import { Toegang, type Identity } from '@ketenregie/shared-platform';
import { CONSENT_OPSLAG } from './consent.tokens';

/** Consents given and withdrawn as CloudEvents, for monitor-service's projection (service token only; no deelnemer). */
@Injectable()
export class ToestemmingFeedService {
  constructor(
    @Inject(CONSENT_OPSLAG) private readonly opslag: ConsentOpslag,
    private readonly toegang: Toegang,
  ) {}

  async pagina(na: number, max: number, door: Identity): Promise<ToestemmingGebeurtenissen> {
    await this.toegang.eis(door, 'gebeurtenissen.lezen');
    const rows = (await this.opslag.gebeurtenissenNa?.(Math.max(0, na), Math.min(Math.max(1, max), 1000))) ?? [];
    return {
      gebeurtenissen: rows.map((r) => ({
        specversion: '1.0' as const,
        id: r.id,
        source: CONSENT_EVENT_SOURCE,
        type: `${CONSENT_EVENT_TYPE_PREFIX}${r.soort}` as `${typeof CONSENT_EVENT_TYPE_PREFIX}gegeven`,
        subject: `toestemming/${r.toestemmingId}`,
        time: r.tijd.toISOString(),
        datacontenttype: 'application/json' as const,
        sequence: r.volgnummer,
        sequencetype: 'Integer' as const,
        datum: r.datum,
        data: { organisatie: String(r.data['organisatie']), doel: String(r.data['doel']) },
      })),
      laatste: rows.at(-1)?.volgnummer ?? na,
    };
  }
}
