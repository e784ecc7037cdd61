import { GEPUBLICEERDE_SOORTEN } from '@ketenregie/traject-domain';
import { feedPaginaSchema } from '@ketenregie/monitoring-contracts';
import { z } from 'zod';

/** `source` of every CloudEvent the traject context publishes. */
export const TRAJECT_EVENT_SOURCE = 'urn:nld:ketenregie:traject-service';
/** `type` prefix: `nl.ketenregie.traject.<soort>`. */
export const TRAJECT_EVENT_TYPE_PREFIX = 'nl.ketenregie.traject.';
/**
 * The traject context's outbox as a feed, for other contexts' projections (service token only):
 * `GET /api/v1/traject-gebeurtenissen?na=<sequence>&max=<n>`, oldest first.
 */
export const TRAJECT_GEBEURTENISSEN_PATH = '/api/v1/traject-gebeurtenissen';

/** A page of the feed: traject events (CloudEvents 1.0, NL GOV profile) with `subject` `traject/<opaque id>` and `datum` the business date (YYYY-MM-DD). */
export const trajectGebeurtenissenSchema = feedPaginaSchema(
  TRAJECT_EVENT_SOURCE,
  GEPUBLICEERDE_SOORTEN.map((s) => `${TRAJECT_EVENT_TYPE_PREFIX}${s}`) as [string, ...string[]],
  ['traject'],
  z.record(z.string(), z.unknown()),
);
/** One published traject event. */
export type TrajectCloudEvent = TrajectGebeurtenissen['gebeurtenissen'][number];
export type TrajectGebeurtenissen = z.infer<typeof trajectGebeurtenissenSchema>;
