import { Inject, Injectable } from '@nestjs/common';
import { EXCHANGE_EVENT_SOURCE, type ExchangeFeedData, type ExchangeGebeurtenissen } from '@ketenregie/exchange-contracts';
import type { FeedRij } from '@ketenregie/shared-kernel';
import { OutboxFeed, Toegang } from '@ketenregie/shared-platform';
import { OUTBOX_REPOSITORY, type OutboxRepository } from './exchange.ports';

const tekst = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * What the feed publishes of an outbox event: codes and organisation ids only. A handover
 * request's `reden` is free text and stays out; a rejection's reason is a code (`afwijzingReden`).
 */
export function feedData(r: FeedRij): ExchangeFeedData {
  const d = r.data;
  const afwijzingReden = tekst(d['afwijzingReden']) ?? (r.type === 'nl.ketenregie.overdracht.afgewezen' ? tekst(d['reden']) : undefined);
  const uit: ExchangeFeedData = { zender: tekst(d['zender']) ?? 'onbekend', ontvanger: tekst(d['ontvanger']) ?? 'onbekend' };
  return {
    ...uit,
    ...(tekst(d['status']) ? { status: tekst(d['status']) } : {}),
    ...(tekst(d['soort']) ? { soort: tekst(d['soort']) } : {}),
    ...(tekst(d['eindreden']) ? { eindreden: tekst(d['eindreden']) } : {}),
    ...(afwijzingReden ? { afwijzingReden } : {}),
  };
}

/** Handovers and referrals as CloudEvents, for monitor-service's projection (service token only; no personal data). */
@Injectable()
export class ExchangeFeedService extends OutboxFeed<ExchangeGebeurtenissen> {
  constructor(@Inject(OUTBOX_REPOSITORY) outbox: OutboxRepository, toegang: Toegang) {
    super(toegang, { source: EXCHANGE_EVENT_SOURCE, rijen: (na, max) => outbox.gebeurtenissenNa(na, max), data: feedData });
  }
}
