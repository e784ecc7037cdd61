import { GEPUBLICEERDE_SOORTEN } from '@ketenregie/traject-domain';
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

/** One published traject event (CloudEvents 1.0, NL GOV profile); `subject` is `traject/<opaque id>`. */
export const trajectCloudEventSchema = z.object({
  specversion: z.literal('1.0'),
  id: z.string().uuid(),
  source: z.literal(TRAJECT_EVENT_SOURCE),
  type: z.enum(GEPUBLICEERDE_SOORTEN.map((s) => `${TRAJECT_EVENT_TYPE_PREFIX}${s}`) as [string, ...string[]]),
  subject: z.string().regex(/^traject\/[0-9a-f-]{36}$/),
  time: z.string(),
  datacontenttype: z.literal('application/json'),
  sequence: z.number().int(),
  sequencetype: z.literal('Integer'),
  /** The business date of the event (YYYY-MM-DD). */
  datum: z.string(),
  data: z.record(z.string(), z.unknown()),
});
export type TrajectCloudEvent = z.infer<typeof trajectCloudEventSchema>;

/** A page of the feed. */
export const trajectGebeurtenissenSchema = z.object({ gebeurtenissen: z.array(trajectCloudEventSchema), laatste: z.number().int() });
export type TrajectGebeurtenissen = z.infer<typeof trajectGebeurtenissenSchema>;
