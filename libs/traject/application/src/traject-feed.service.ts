import { Inject, Injectable } from '@nestjs/common';
import { TRAJECT_EVENT_SOURCE, TRAJECT_EVENT_TYPE_PREFIX, type TrajectGebeurtenissen } from '@ketenregie/traject-contracts';
import { OutboxFeed, Toegang } from '@ketenregie/shared-platform';
import type { FeedRij } from '@ketenregie/shared-kernel';
import type { UitgaandTrajectFeit } from '@ketenregie/traject-domain';
import { TRAJECT_FEED, type TrajectFeed } from './traject.ports';

/** A traject fact as a feed row: its CloudEvents type and subject. */
const feedRij = (r: UitgaandTrajectFeit): FeedRij => ({ ...r, type: `${TRAJECT_EVENT_TYPE_PREFIX}${r.soort}`, subject: `traject/${r.trajectId}` });

/**
 * The traject context's published facts as CloudEvents, for another context's projection
 * (monitor-service, with its service token). Consumers de-duplicate on `id` and remember the
 * last `sequence` they processed.
 */
@Injectable()
export class TrajectFeedService extends OutboxFeed<TrajectGebeurtenissen> {
  constructor(@Inject(TRAJECT_FEED) feed: TrajectFeed, toegang: Toegang) {
    super(toegang, { source: TRAJECT_EVENT_SOURCE, rijen: async (na, max) => (await feed.gebeurtenissenNa(na, max)).map(feedRij), data: (r) => r.data });
  }
}
