import { Inject, Injectable } from '@nestjs/common';
import { CONSENT_EVENT_SOURCE, CONSENT_EVENT_TYPE_PREFIX, type ToestemmingGebeurtenissen } from '@ketenregie/consent-contracts';
import type { ToestemmingFeedRepository } from './consent.ports';
import { OutboxFeed, Toegang } from '@ketenregie/shared-platform';
import { TOESTEMMING_FEED_REPOSITORY } from './consent.tokens';
import type { UitgaandToestemmingFeit } from '@ketenregie/consent-domain';
import type { FeedRij } from '@ketenregie/shared-kernel';

/** A consent fact as a feed row: its CloudEvents type and subject. */
const feedRij = (r: UitgaandToestemmingFeit): FeedRij => ({ ...r, type: `${CONSENT_EVENT_TYPE_PREFIX}${r.soort}`, subject: `toestemming/${r.toestemmingId}` });

/** What the feed publishes of a consent fact: the organisation and the purpose (no deelnemer). */
const feedData = (r: FeedRij) => ({ organisatie: String(r.data['organisatie']), doel: String(r.data['doel']) });

/** Consents given and withdrawn as CloudEvents, for monitor-service's projection (service token only; no deelnemer). */
@Injectable()
export class ToestemmingFeedService extends OutboxFeed<ToestemmingGebeurtenissen> {
  constructor(@Inject(TOESTEMMING_FEED_REPOSITORY) feed: ToestemmingFeedRepository, toegang: Toegang) {
    super(toegang, { source: CONSENT_EVENT_SOURCE, rijen: async (na, max) => (await feed.gebeurtenissenNa(na, max)).map(feedRij), data: feedData });
  }
}
