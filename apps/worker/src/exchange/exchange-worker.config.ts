import { modeConfigSchema, temporalConfigSchema } from '@ketenregie/shared-platform';
import { z } from 'zod';

/**
 * The exchange activity adapters' part of the worker's one configuration schema
 * (`workerConfigSchema`, validated once in `main.ts`): where the exchange and consent services live, and
 * the embedded data directory whose signing key lets the worker act for the sending
 * professional (embedded mode only; distributed mode needs a token exchange, not built yet).
 */
export const exchangeWorkerConfigSchema = z.object({
  ...modeConfigSchema.shape,
  ...temporalConfigSchema.shape,
  EXCHANGE_SERVICE_URL: z.url().default('http://127.0.0.1:8083'),
  CONSENT_SERVICE_URL: z.url().default('http://127.0.0.1:8082'),
  KETENREGIE_DATA_DIR: z.string().min(1).default('.data'),
});

export type ExchangeWorkerConfig = z.output<typeof exchangeWorkerConfigSchema>;
