import type { WebhookDoelControle, WebhookVerzender } from '@ketenregie/exchange-application';
import { CLOUDEVENTS_CONTENT_TYPE } from '@ketenregie/exchange-contracts';
import ipaddr from 'ipaddr.js';
import { lookup } from 'node:dns/promises';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from 'request-filtering-agent';
import { Webhook } from 'standardwebhooks';

/** Which webhook targets exchange-service may reach. */
export interface WebhookBeleid {
  /**
   * Also private, loopback and link-local addresses (`EXCHANGE_WEBHOOK_ALLOW_PRIVATE_TARGETS`):
   * for tests with a receiver on this machine only; never in distributed mode.
   */
  readonly privateDoelenToestaan: boolean;
}

const NIET_PUBLIEK = 'a webhook must target a public address: private, loopback, link-local and other special addresses are refused';

/** Only public unicast addresses: the same rule `request-filtering-agent` applies when connecting. */
function isPubliek(adres: string): boolean {
  return ipaddr.isValid(adres) && ipaddr.parse(adres).range() === 'unicast';
}

/** Refuses a target that is, or whose name resolves to, anything but a public address. */
export function webhookDoelControle(beleid: WebhookBeleid): WebhookDoelControle {
  return async (url) => {
    if (beleid.privateDoelenToestaan) return undefined;
    const host = new URL(url).hostname.replace(/^\[(.*)\]$/, '$1');
    let adressen: string[];
    if (ipaddr.isValid(host)) {
      adressen = [host];
    } else {
      try {
        adressen = (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
      } catch {
        return 'the host name of the webhook URL does not resolve';
      }
    }
    return adressen.length > 0 && adressen.every(isPubliek) ? undefined : NIET_PUBLIEK;
  };
}

/**
 * POSTs a structured-mode CloudEvent, signed per Standard Webhooks (`webhook-id` is the event
 * id, so a retried delivery keeps it; `webhook-timestamp`; `webhook-signature` with the
 * subscription's secret). The connection goes through `request-filtering-agent`, which checks
 * the address it actually connects to: a name that resolved to a public address when subscribing
 * and to a private one now (DNS rebinding) is refused. Anything but 2xx, or 10 s without an
 * answer, counts as failed.
 */
export function httpWebhookVerzender(beleid: WebhookBeleid): WebhookVerzender {
  const filter = { allowPrivateIPAddress: beleid.privateDoelenToestaan, allowMetaIPAddress: false, keepAlive: true };
  const agents = { 'http:': new RequestFilteringHttpAgent(filter), 'https:': new RequestFilteringHttpsAgent(filter) };
  return (url, event, geheim) =>
    new Promise<void>((resolve, reject) => {
      const doel = new URL(url);
      const body = JSON.stringify(event);
      const nu = new Date();
      const headers = {
        'content-type': CLOUDEVENTS_CONTENT_TYPE,
        'content-length': String(Buffer.byteLength(body)),
        'webhook-id': event.id,
        'webhook-timestamp': String(Math.floor(nu.getTime() / 1000)),
        'webhook-signature': new Webhook(geheim).sign(event.id, nu, body),
      };
      const verzoek = (doel.protocol === 'https:' ? httpsRequest : httpRequest)(
        doel,
        { method: 'POST', headers, agent: doel.protocol === 'https:' ? agents['https:'] : agents['http:'], timeout: 10_000 },
        (res) => {
          res.resume();
          const status = res.statusCode ?? 0;
          res.on('end', () => (status >= 200 && status < 300 ? resolve() : reject(new Error(`webhook answered HTTP ${status}`))));
          res.on('error', reject);
        },
      );
      verzoek.on('timeout', () => verzoek.destroy(new Error('webhook did not answer within 10 s')));
      verzoek.on('error', reject);
      verzoek.end(body);
    });
}
