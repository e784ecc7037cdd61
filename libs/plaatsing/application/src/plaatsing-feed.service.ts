import { Inject, Injectable } from '@nestjs/common';
import { PLAATSING_EVENT_SOURCE, type PlaatsingFeedData, type PlaatsingGebeurtenissen } from '@ketenregie/plaatsing-contracts';
import type { FeedRij } from '@ketenregie/shared-kernel';
import { OutboxFeed, Toegang } from '@ketenregie/shared-platform';
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
export class PlaatsingFeedService extends OutboxFeed<PlaatsingGebeurtenissen> {
  constructor(@Inject(PLAATSING_FEED) feed: PlaatsingFeed, toegang: Toegang) {
    super(toegang, { source: PLAATSING_EVENT_SOURCE, rijen: (na, max) => feed.gebeurtenissenNa(na, max), data: plaatsingFeedData });
  }
}
