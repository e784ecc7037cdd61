import { z } from 'zod';
import { feedPaginaSchema } from '@ketenregie/monitoring-contracts';

/**
 * CloudEvents 1.0 following the NL GOV profile for CloudEvents (Logius): `type` in reverse-DNS
 * notation, `source` a URN of the producing service, `subject` an opaque id, `time` in UTC, a
 * `dataref` to the resource instead of its content ("notificatie met verwijzing"), and `sequence`
 * per source. Payloads carry codes, opaque ids and dates only, never personal data; consumers
 * de-duplicate on `id` (delivery is at-least-once).
 */
export const EXCHANGE_EVENT_SOURCE = 'urn:nld:ketenregie:exchange-service';

/** Every event type exchange-service publishes. */
export const EXCHANGE_EVENT_TYPES = [
  'nl.ketenregie.overdracht.aangevraagd',
  'nl.ketenregie.overdracht.toestemming-nodig',
  'nl.ketenregie.overdracht.toestemming-herinnering',
  'nl.ketenregie.overdracht.toestemming-geescaleerd',
  'nl.ketenregie.overdracht.dossier-geleverd',
  'nl.ketenregie.overdracht.acceptatie-herinnering',
  'nl.ketenregie.overdracht.acceptatie-geescaleerd',
  'nl.ketenregie.overdracht.geaccepteerd',
  'nl.ketenregie.overdracht.afgewezen',
  'nl.ketenregie.overdracht.heraangeboden',
  'nl.ketenregie.overdracht.driegesprek-gepland',
  'nl.ketenregie.overdracht.driegesprek-gehouden',
  'nl.ketenregie.overdracht.driegesprek-no-show',
  'nl.ketenregie.overdracht.nazorg-checkin',
  'nl.ketenregie.overdracht.regie-overgedragen',
  'nl.ketenregie.overdracht.dossier-ingetrokken',
  'nl.ketenregie.overdracht.beeindigd',
  'nl.ketenregie.verwijzing.aangemeld',
  'nl.ketenregie.verwijzing.status-gewijzigd',
] as const;

/** One of {@link EXCHANGE_EVENT_TYPES}. */
export type ExchangeEventType = (typeof EXCHANGE_EVENT_TYPES)[number];

/** A CloudEvent as delivered to a subscribed webhook (structured mode, `application/cloudevents+json`). */
export const cloudEventSchema = z.object({
  specversion: z.literal('1.0'),
  id: z.uuid(),
  source: z.string().regex(/^urn:nld:[a-z0-9:-]+$/),
  type: z.enum(EXCHANGE_EVENT_TYPES),
  subject: z.string().regex(/^(overdracht|verwijzing)\/[0-9a-f-]{36}$/),
  time: z.iso.datetime(),
  datacontenttype: z.literal('application/json'),
  dataref: z.string().startsWith('/api/v1/'),
  sequence: z.string().regex(/^[0-9]+$/),
  sequencetype: z.literal('Integer'),
  data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
});

export type ExchangeCloudEvent = z.infer<typeof cloudEventSchema>;

/** Media type of a structured-mode CloudEvent. */
export const CLOUDEVENTS_CONTENT_TYPE = 'application/cloudevents+json';

/**
 * The outbox as a feed for monitor-service's projection (service token only):
 * `GET /api/v1/exchange-gebeurtenissen?na=<sequence>&max=<n>`, oldest first. Data holds codes and
 * organisation ids only: the status, the sending and receiving organisation, a referral's kind and
 * its coded end or rejection reason, a handover's coded rejection reason. Never free text.
 */
export const EXCHANGE_GEBEURTENISSEN_PATH = '/api/v1/exchange-gebeurtenissen';

/** What a feed event's data may hold. */
export const exchangeFeedDataSchema = z.strictObject({
  zender: z.string(),
  ontvanger: z.string(),
  status: z.string().optional(),
  soort: z.string().optional(),
  eindreden: z.string().optional(),
  afwijzingReden: z.string().optional(),
});
export type ExchangeFeedData = z.infer<typeof exchangeFeedDataSchema>;

/** A page of the feed. */
export const exchangeGebeurtenissenSchema = feedPaginaSchema(EXCHANGE_EVENT_SOURCE, EXCHANGE_EVENT_TYPES, ['overdracht', 'verwijzing'], exchangeFeedDataSchema);
export type ExchangeGebeurtenissen = z.infer<typeof exchangeGebeurtenissenSchema>;
