import { kluisConfigSchema } from '@ketenregie/shared-crypto';
import { dienstIdentiteitConfigSchema, platformConfigSchema } from '@ketenregie/shared-platform';
import { z } from 'zod';

/** exchange-service's environment: the platform variables, where consent-service and traject-service live, and outbox delivery. */
export const exchangeServiceConfigSchema = platformConfigSchema
  .extend({
    ...kluisConfigSchema.shape,
    ...dienstIdentiteitConfigSchema.shape,
    CONSENT_SERVICE_URL: z.url().default('http://127.0.0.1:8082'),
    /** Where the traject context answers how an organisation is involved in a traject (access facts). */
    TRAJECT_SERVICE_URL: z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:8081'),
    /** How long an answer that the caller's organisation is involved is reused, per caller token (0: ask every time); as consent-service's. */
    EXCHANGE_BETROKKENHEID_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(5_000),
    EXCHANGE_OUTBOX_INTERVAL_MS: z.coerce.number().int().min(50).max(60_000).default(1_000),
    EXCHANGE_OUTBOX_LEASE_MS: z.coerce.number().int().min(1_000).max(600_000).default(30_000),
    EXCHANGE_OUTBOX_BACKOFF_MS: z.coerce.number().int().min(10).max(600_000).default(2_000),
    EXCHANGE_OUTBOX_BACKOFF_MAX_MS: z.coerce.number().int().min(10).max(86_400_000).default(600_000),
    /** Failed attempts before a delivery is given up (default: about 15 hours at the default backoff). */
    EXCHANGE_OUTBOX_MAX_POGINGEN: z.coerce.number().int().min(1).max(10_000).default(100),
    /**
     * `true` lets webhooks target private, loopback and link-local addresses: for tests with a
     * receiver on this machine only. Refused in distributed mode.
     */
    EXCHANGE_WEBHOOK_ALLOW_PRIVATE_TARGETS: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true'),
  })
  .refine((c) => !(c.KETENREGIE_MODE === 'distributed' && c.EXCHANGE_WEBHOOK_ALLOW_PRIVATE_TARGETS), {
    path: ['EXCHANGE_WEBHOOK_ALLOW_PRIVATE_TARGETS'],
    message: 'is for tests on one machine only and cannot be true when KETENREGIE_MODE=distributed',
  });

export type ExchangeServiceConfig = z.output<typeof exchangeServiceConfigSchema>;
