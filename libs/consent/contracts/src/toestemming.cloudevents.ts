import { z } from 'zod';

/** `source` of the consent context's CloudEvents. */
export const CONSENT_EVENT_SOURCE = 'urn:nld:ketenregie:consent-service';
/** `type` prefix: `nl.ketenregie.toestemming.gegeven` / `.ingetrokken`. */
export const CONSENT_EVENT_TYPE_PREFIX = 'nl.ketenregie.toestemming.';
/** The consent context's outbox as a feed (service token only): `GET …?na=<sequence>&max=<n>`. */
export const TOESTEMMING_GEBEURTENISSEN_PATH = '/api/v1/toestemming-gebeurtenissen';

/** One published consent event; `subject` is `toestemming/<id>`, data holds the recording organisation and the purpose code only. */
export const toestemmingCloudEventSchema = z.object({
  specversion: z.literal('1.0'),
  id: z.string().uuid(),
  source: z.literal(CONSENT_EVENT_SOURCE),
  type: z.enum([`${CONSENT_EVENT_TYPE_PREFIX}gegeven`, `${CONSENT_EVENT_TYPE_PREFIX}ingetrokken`]),
  subject: z.string().regex(/^toestemming\/[0-9a-f-]{36}$/),
  time: z.string(),
  datacontenttype: z.literal('application/json'),
  sequence: z.number().int(),
  sequencetype: z.literal('Integer'),
  datum: z.string(),
  data: z.object({ organisatie: z.string(), doel: z.string() }),
});

/** A page of the feed. */
export const toestemmingGebeurtenissenSchema = z.object({ gebeurtenissen: z.array(toestemmingCloudEventSchema), laatste: z.number().int() });
export type ToestemmingGebeurtenissen = z.infer<typeof toestemmingGebeurtenissenSchema>;
