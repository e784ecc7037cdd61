import { kluisConfigSchema } from '@ketenregie/shared-crypto';
import { dienstIdentiteitConfigSchema, platformConfigSchema } from '@ketenregie/shared-platform';
import { z } from 'zod';

/**
 * plaatsing-service's environment: the platform variables, where consent-service (disclosure
 * decisions, processing log) and traject-service (involvement, lead and coach) live, and the
 * partnership's werkgeversservicepunt (the employers' single contact).
 */
export const plaatsingServiceConfigSchema = platformConfigSchema.extend({
  ...dienstIdentiteitConfigSchema.shape,
  ...kluisConfigSchema.shape,
  CONSENT_SERVICE_URL: z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:8082'),
  TRAJECT_SERVICE_URL: z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:8081'),
  WERKGEVERSSERVICEPUNT_NAAM: z.string().min(1).max(120).default('Werkgeversservicepunt Dommeldal'),
  WERKGEVERSSERVICEPUNT_TELEFOON: z
    .string()
    .regex(/^[0-9+() -]{6,20}$/)
    .default('040-1234567'),
  WERKGEVERSSERVICEPUNT_EMAIL: z.email().default('werkgevers@dommeldal.example'),
});

export type PlaatsingServiceConfig = z.output<typeof plaatsingServiceConfigSchema>;
