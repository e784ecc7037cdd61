import { z } from 'zod';

/**
 * The plaatsing activity adapters' part of the worker's one configuration schema: where
 * exchange-service lives (the warm return is registered there, another context's API). The
 * worker's service identity is the one the exchange part configures.
 */
export const plaatsingWorkerConfigSchema = z.object({
  EXCHANGE_SERVICE_URL: z.url().default('http://127.0.0.1:8083'),
});

export type PlaatsingWorkerConfig = z.output<typeof plaatsingWorkerConfigSchema>;
