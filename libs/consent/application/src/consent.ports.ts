import type { IntrekkingSignaal } from '@ketenregie/consent-contracts';
import type { Toestemming } from '@ketenregie/consent-domain';

/**
 * The consent lifecycle workflows (expiry timer, reminder, notifying dependants), as the use
 * cases see them. Called after the transaction committed; the database stays the source of
 * truth for decisions, so a failure here never undoes a recorded consent or withdrawal.
 */
export interface ToestemmingLevenscyclusPoort {
  gestart(toestemming: Toestemming): Promise<void>;
  beeindigd(signaal: IntrekkingSignaal): Promise<void>;
}

/** W3C trace context of the incoming request. */
export interface Aanroep {
  readonly traceId: string;
  /** The caller's span (parent-id of `traceparent`), when the request carried one. */
  readonly parentSpanId?: string;
  /** The caller's bearer token, to read the caller organisation's involvement from the traject context. */
  readonly bearer?: string;
}
