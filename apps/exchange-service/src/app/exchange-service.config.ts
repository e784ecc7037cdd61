import { dienstIdentiteitConfigSchema, platformConfigSchema } from '@ketenregie/shared-platform';
import { z } from 'zod';

/** exchange-service's environment: the platform variables, where consent-service and traject-service live, and outbox delivery. */
export const exchangeServiceConfigSchema = platformConfigSchema.extend({
  ...dienstIdentiteitConfigSchema.shape,
  CONSENT_SERVICE_URL: z.url().default('http://127.0.0.1:8082'),
  /** Where the traject context answers how an organisation is involved in a traject (access facts). */
  TRAJECT_SERVICE_URL: z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:8081'),
  EXCHANGE_OUTBOX_INTERVAL_MS: z.coerce.number().int().min(50).max(60_000).default(1_000),
  EXCHANGE_OUTBOX_LEASE_MS: z.coerce.number().int().min(1_000).max(600_000).default(30_000),
  EXCHANGE_OUTBOX_BACKOFF_MS: z.coerce.number().int().min(10).max(600_000).default(2_000),
  EXCHANGE_OUTBOX_BACKOFF_MAX_MS: z.coerce.number().int().min(10).max(86_400_000).default(600_000),
  /** Failed attempts before a delivery is given up (default: about 15 hours at the default backoff). */
  EXCHANGE_OUTBOX_MAX_POGINGEN: z.coerce.number().int().min(1).max(10_000).default(100),
});

export type ExchangeServiceConfig = z.output<typeof exchangeServiceConfigSchema>;
