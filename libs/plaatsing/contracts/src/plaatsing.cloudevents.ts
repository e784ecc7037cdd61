import { feedPaginaSchema } from '@ketenregie/monitoring-contracts';
import { z } from 'zod';

/**
 * CloudEvents (NL GOV profile, as exchange-service publishes them) about placements, for the
 * monitoring projection: placements started, proefplaatsing → contract, lasting at 6/12 months,
 * returns to the traject. Payloads carry codes, opaque ids and dates only.
 */
export const PLAATSING_EVENT_SOURCE = 'urn:nld:ketenregie:plaatsing-service';

/** Timeline entries that are published, and their event type. */
export const PLAATSING_EVENT_TYPES = {
  'plaatsing-gestart': 'nl.ketenregie.plaatsing.gestart',
  'proefplaatsing-gestart': 'nl.ketenregie.plaatsing.proefplaatsing-gestart',
  'contract-getekend': 'nl.ketenregie.plaatsing.contract-getekend',
  duurzaamheidscheck: 'nl.ketenregie.plaatsing.duurzaamheidscheck',
  'plaatsing-duurzaam': 'nl.ketenregie.plaatsing.duurzaam',
  teruggeleid: 'nl.ketenregie.plaatsing.teruggeleid',
} as const satisfies Record<string, `nl.ketenregie.plaatsing.${string}`>;

/** One published event type. */
export type PlaatsingEventType = (typeof PLAATSING_EVENT_TYPES)[keyof typeof PLAATSING_EVENT_TYPES];

/** The outbox as a feed for monitor-service's projection (service token only): `GET …?na=<sequence>&max=<n>`, oldest first. */
export const PLAATSING_GEBEURTENISSEN_PATH = '/api/v1/plaatsing-gebeurtenissen';

/** What a feed event's data may hold: the employer's organisation id and codes, never personal data. */
export const plaatsingFeedDataSchema = z.strictObject({
  werkgever: z.string(),
  maanden: z.number().int().optional(),
  reden: z.string().optional(),
  urenPerWeek: z.number().optional(),
});
export type PlaatsingFeedData = z.infer<typeof plaatsingFeedDataSchema>;

/** A page of the feed (`subject` is `plaatsing/<id>`). */
export const plaatsingGebeurtenissenSchema = feedPaginaSchema(
  PLAATSING_EVENT_SOURCE,
  Object.values(PLAATSING_EVENT_TYPES) as [PlaatsingEventType, ...PlaatsingEventType[]],
  ['plaatsing'],
  plaatsingFeedDataSchema,
);
export type PlaatsingGebeurtenissen = z.infer<typeof plaatsingGebeurtenissenSchema>;
