import { feedPaginaSchema } from '@ketenregie/monitoring-contracts';
import { z } from 'zod';

/** `source` of the consent context's CloudEvents. */
export const CONSENT_EVENT_SOURCE = 'urn:nld:ketenregie:consent-service';
/** `type` prefix: `nl.ketenregie.toestemming.gegeven` / `.ingetrokken`. */
export const CONSENT_EVENT_TYPE_PREFIX = 'nl.ketenregie.toestemming.';
/** The consent context's outbox as a feed (service token only): `GET …?na=<sequence>&max=<n>`. */
export const TOESTEMMING_GEBEURTENISSEN_PATH = '/api/v1/toestemming-gebeurtenissen';

/** A page of the feed; each event's `subject` is `toestemming/<id>`, data holds the recording organisation and the purpose code only. */
export const toestemmingGebeurtenissenSchema = feedPaginaSchema(
  CONSENT_EVENT_SOURCE,
  [`${CONSENT_EVENT_TYPE_PREFIX}gegeven`, `${CONSENT_EVENT_TYPE_PREFIX}ingetrokken`],
  ['toestemming'],
  z.object({ organisatie: z.string(), doel: z.string() }),
);
export type ToestemmingGebeurtenissen = z.infer<typeof toestemmingGebeurtenissenSchema>;
