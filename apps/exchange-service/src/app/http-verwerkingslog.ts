import type { Aanroep, VerwerkingMelding, VerwerkingslogPoort, WebhookVerzender } from '@ketenregie/exchange-application';
import { CLOUDEVENTS_CONTENT_TYPE } from '@ketenregie/exchange-contracts';
import { VERWERKINGEN_PATH } from '@ketenregie/consent-contracts';
import { randomBytes } from 'node:crypto';

/**
 * {@link VerwerkingslogPoort} over consent-service's `POST /api/v1/verwerkingen`, with the
 * caller's own token: the log line names the organisation that really read or disclosed. A
 * failure throws, so the caller never gets data without a log line.
 */
export class HttpVerwerkingslog implements VerwerkingslogPoort {
  constructor(private readonly consentServiceUrl: string) {}

  async meld(m: VerwerkingMelding, aanroep: Aanroep): Promise<void> {
    if (!aanroep.bearer) throw new Error('A processing is reported with the caller token; none was present');
    const spanId = randomBytes(8).toString('hex');
    const res = await fetch(`${this.consentServiceUrl}${VERWERKINGEN_PATH}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${aanroep.bearer}`,
        'content-type': 'application/json',
        traceparent: `00-${aanroep.traceId}-${spanId}-01`,
      },
      body: JSON.stringify({
        traceId: aanroep.traceId,
        spanId,
        handeling: m.handeling,
        deelnemerId: m.deelnemerId,
        doel: 'warme-overdracht',
        categorieen: m.categorieen,
        ...(m.ontvanger ? { ontvanger: m.ontvanger } : {}),
        ...(m.besluitId ? { besluitId: m.besluitId } : {}),
      }),
      signal: AbortSignal.timeout(10_000),
    });
    if (!res.ok) throw new Error(`consent-service refused the processing report: HTTP ${res.status}`);
  }
}

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
