import { Inject, Injectable } from '@nestjs/common';
import { PLAATSING_EVENT_SOURCE, type PlaatsingFeedData, type PlaatsingGebeurtenissen } from '@ketenregie/plaatsing-contracts';
import type { FeedRij } from '@ketenregie/shared-kernel';
import { leesFeedPagina, Toegang, type Identity } from '@ketenregie/shared-platform';
import { PLAATSING_FEED, type PlaatsingFeed } from './plaatsing.ports';

/** What the feed publishes of an outbox event: the employer's organisation id and codes (the placement's id is the subject). */
export function plaatsingFeedData(r: FeedRij): PlaatsingFeedData {
  const d = r.data;
  return {
    werkgever: typeof d['werkgever'] === 'string' ? d['werkgever'] : 'onbekend',
    ...(typeof d['maanden'] === 'number' ? { maanden: d['maanden'] } : {}),
    ...(typeof d['reden'] === 'string' ? { reden: d['reden'] } : {}),
    ...(typeof d['urenPerWeek'] === 'number' ? { urenPerWeek: d['urenPerWeek'] } : {}),
  };
}

/** Placement events as CloudEvents, for monitor-service's projection (service token only; no personal data). */
@Injectable()
export class PlaatsingFeedService {
  constructor(
    @Inject(PLAATSING_FEED) private readonly feed: PlaatsingFeed,
    private readonly toegang: Toegang,
  ) {}

  async pagina(na: number, max: number, door: Identity): Promise<PlaatsingGebeurtenissen> {
    const rijen = (n: number, m: number) => this.feed.gebeurtenissenNa(n, m);
    return (await leesFeedPagina(this.toegang, door, na, max, { source: PLAATSING_EVENT_SOURCE, rijen, data: plaatsingFeedData })) as PlaatsingGebeurtenissen;
  }
}
