import { z } from 'zod';

/**
 * The consent activity adapters' part of the worker's one configuration schema: where
 * traject-service lives (another context's API): a withdrawn or expired consent ends its
 * receivers' `ontvanger` involvement there, and the retention workflow's erasure is made there.
 * The worker's service identity is the one the exchange part configures.
 */
export const consentWorkerConfigSchema = z.object({
  TRAJECT_SERVICE_URL: z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:8081'),
});

export type ConsentWorkerConfig = z.output<typeof consentWorkerConfigSchema>;
