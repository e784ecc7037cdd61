import { Inject, Injectable } from '@nestjs/common';
import { TRAJECT_EVENT_SOURCE, TRAJECT_EVENT_TYPE_PREFIX, type TrajectGebeurtenissen } from '@ketenregie/traject-contracts';
import { Toegang, type Identity } from '@ketenregie/shared-platform';
import { TRAJECT_FEED, type TrajectFeed } from './traject.ports';

/** At most this many events per page. */
export const MAX_FEED_PAGINA = 1000;

/**
 * The traject context's published facts as CloudEvents, for another context's projection
 * (monitor-service, with its service token). Consumers de-duplicate on `id` and remember the
 * last `sequence` they processed.
 */
@Injectable()
export class TrajectFeedService {
  constructor(
    @Inject(TRAJECT_FEED) private readonly feed: TrajectFeed,
    private readonly toegang: Toegang,
  ) {}

  async pagina(na: number, max: number, door: Identity): Promise<TrajectGebeurtenissen> {
    await this.toegang.eis(door, 'gebeurtenissen.lezen');
    const rows = await this.feed.gebeurtenissenNa(Math.max(0, na), Math.min(Math.max(1, max), MAX_FEED_PAGINA));
    return {
      gebeurtenissen: rows.map((r) => ({
        specversion: '1.0' as const,
        id: r.id,
        source: TRAJECT_EVENT_SOURCE,
        type: `${TRAJECT_EVENT_TYPE_PREFIX}${r.soort}`,
        subject: `traject/${r.trajectId}`,
        time: r.tijd.toISOString(),
        datacontenttype: 'application/json' as const,
        sequence: r.volgnummer,
        sequencetype: 'Integer' as const,
        datum: r.datum,
        data: r.data,
      })),
      laatste: rows.at(-1)?.volgnummer ?? na,
    };
  }
}
