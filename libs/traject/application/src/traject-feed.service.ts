import { Inject, Injectable } from '@nestjs/common';
import { TRAJECT_EVENT_SOURCE, TRAJECT_EVENT_TYPE_PREFIX, type TrajectGebeurtenissen } from '@ketenregie/traject-contracts';
import { leesFeedPagina, Toegang, type Identity } from '@ketenregie/shared-platform';
import { TRAJECT_FEED, type TrajectFeed } from './traject.ports';

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
    return (await leesFeedPagina(this.toegang, door, na, max, {
      source: TRAJECT_EVENT_SOURCE,
      rijen: async (n, m) =>
        (await this.feed.gebeurtenissenNa(n, m)).map((r) => ({ ...r, type: `${TRAJECT_EVENT_TYPE_PREFIX}${r.soort}`, subject: `traject/${r.trajectId}` })),
      data: (r) => r.data,
    })) as TrajectGebeurtenissen;
  }
}
