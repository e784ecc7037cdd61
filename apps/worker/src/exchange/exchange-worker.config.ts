import { authConfigSchema, modeConfigSchema, temporalConfigSchema } from '@ketenregie/shared-platform';
import { z } from 'zod';

/**
 * The exchange activity adapters' part of the worker's one configuration schema
 * (`workerConfigSchema`, validated once in `main.ts`): where consent-service lives (the consent
 * decision and the processing log are another context's), and the worker's service identity
 * towards it. The handover's own steps run in-process on the worker's database. Embedded mode: service tokens signed with
 * the gateway's key under the data directory. Distributed mode: client credentials of
 * `WORKER_CLIENT_ID` at `AUTH_TOKEN_URL` (both required there, see `workerConfigSchema`).
 */
export const exchangeWorkerConfigSchema = z.object({
  ...modeConfigSchema.shape,
  ...temporalConfigSchema.shape,
  CONSENT_SERVICE_URL: z.url().default('http://127.0.0.1:8082'),
  KETENREGIE_DATA_DIR: z.string().min(1).default('.data'),
  AUTH_ISSUER: authConfigSchema.shape.AUTH_ISSUER,
  AUTH_AUDIENCE: authConfigSchema.shape.AUTH_AUDIENCE,
  /** Token endpoint of the identity provider (distributed mode). */
  AUTH_TOKEN_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** The worker's OAuth client id: the `actor` the services log. */
  WORKER_CLIENT_ID: z
    .string()
    .regex(/^[A-Za-z0-9._:-]{1,200}$/)
    .default('ketenregie-worker'),
  WORKER_CLIENT_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
});

export type ExchangeWorkerConfig = z.output<typeof exchangeWorkerConfigSchema>;
