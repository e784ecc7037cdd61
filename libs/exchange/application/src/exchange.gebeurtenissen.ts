import { EXCHANGE_EVENT_SOURCE, type ExchangeCloudEvent, type ExchangeEventType } from '@ketenregie/exchange-contracts';
import type { Aflevering, UitgaandeGebeurtenis } from '@ketenregie/exchange-domain';
import { randomUUID } from 'node:crypto';

/** An outbox entry about an overdracht or verwijzing, for both organisations involved. */
export function gebeurtenis(
  soort: 'overdracht' | 'verwijzing',
  id: string,
  sleutel: string,
  type: ExchangeEventType,
  data: UitgaandeGebeurtenis['data'],
  ontvangers: readonly string[],
): UitgaandeGebeurtenis {
  return { id: randomUUID(), sleutel, type, subject: `${soort}/${id}`, dataref: `/api/v1/${soort}en/${id}`, data, ontvangers: [...new Set(ontvangers)] };
}

/** The CloudEvent (NL GOV profile) for a delivery of the outbox. */
export function cloudEvent(a: Aflevering): ExchangeCloudEvent {
  return {
    specversion: '1.0',
    id: a.eventId,
    source: EXCHANGE_EVENT_SOURCE,
    type: a.type as ExchangeEventType,
    subject: a.subject,
    time: a.tijd.toISOString(),
    datacontenttype: 'application/json',
    dataref: a.dataref,
    sequence: a.volgnummer,
    sequencetype: 'Integer',
    data: { ...a.data },
  };
}
