import { kluisConfigSchema } from '@ketenregie/shared-crypto';
import { dienstIdentiteitConfigSchema, platformConfigSchema } from '@ketenregie/shared-platform';
import { z } from 'zod';

/** monitor-service's environment: the platform variables, its service identity and the feeds its indicator projection reads. */
export const monitorServiceConfigSchema = platformConfigSchema.extend({
  ...dienstIdentiteitConfigSchema.shape,
  ...kluisConfigSchema.shape,
  /** Where the traject context publishes its facts (`/api/v1/traject-gebeurtenissen`). */
  TRAJECT_SERVICE_URL: z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:8081'),
  /** Where the consent context publishes consents given and withdrawn (`/api/v1/toestemming-gebeurtenissen`). */
  CONSENT_SERVICE_URL: z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:8082'),
  /** Where the exchange context publishes handovers and referrals (`/api/v1/exchange-gebeurtenissen`). */
  EXCHANGE_SERVICE_URL: z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:8083'),
  /** Where the plaatsing context publishes placements (`/api/v1/plaatsing-gebeurtenissen`). */
  PLAATSING_SERVICE_URL: z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:8085'),
  /** `false` stops reading the feeds in the background (tests drive it). */
  MONITOR_FEED_ACTIEF: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  MONITOR_FEED_INTERVAL_MS: z.coerce.number().int().min(50).max(60_000).default(1_000),
  MONITOR_FEED_PAGINA: z.coerce.number().int().min(1).max(1_000).default(500),
});

export type MonitorServiceConfig = z.output<typeof monitorServiceConfigSchema>;
