import type { WebhookVerzender } from '@ketenregie/exchange-application';
import { CLOUDEVENTS_CONTENT_TYPE } from '@ketenregie/exchange-contracts';

/** POSTs a structured-mode CloudEvent; anything but 2xx (or a timeout) counts as failed. */
export const fetchWebhookVerzender: WebhookVerzender = async (url, event) => {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': CLOUDEVENTS_CONTENT_TYPE },
    body: JSON.stringify(event),
    signal: AbortSignal.timeout(10_000),
  });
  if (!res.ok) throw new Error(`webhook answered HTTP ${res.status}`);
};
