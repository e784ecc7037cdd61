import { Inject, Injectable } from '@nestjs/common';
import { EXCHANGE_EVENT_SOURCE, type ExchangeFeedData, type ExchangeGebeurtenissen } from '@ketenregie/exchange-contracts';
import type { FeedRij } from '@ketenregie/shared-kernel';
import { leesFeedPagina, Toegang, type Identity } from '@ketenregie/shared-platform';
import { EXCHANGE_OPSLAG, type ExchangeOpslag } from './exchange.ports';

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
export class ExchangeFeedService {
  constructor(
    @Inject(EXCHANGE_OPSLAG) private readonly opslag: ExchangeOpslag,
    private readonly toegang: Toegang,
  ) {}

  async pagina(na: number, max: number, door: Identity): Promise<ExchangeGebeurtenissen> {
    const rijen = (n: number, m: number) => this.opslag.gebeurtenissenNa(n, m);
    return (await leesFeedPagina(this.toegang, door, na, max, { source: EXCHANGE_EVENT_SOURCE, rijen, data: feedData })) as ExchangeGebeurtenissen;
  }
}
