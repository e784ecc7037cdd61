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
