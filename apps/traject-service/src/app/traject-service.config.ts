import { dienstIdentiteitConfigSchema, platformConfigSchema } from '@ketenregie/shared-platform';
import { kluisConfigSchema } from '@ketenregie/shared-crypto';
import { DeelnemerKluis } from '@ketenregie/traject-data-access';
import { z } from 'zod';

/** Fixed keys for embedded (demo, test) mode only; distributed mode must supply its own. */
const EMBEDDED_BSN_SLEUTEL = Buffer.from('ketenregie-embedded-bsn-key-32b!', 'utf8').toString('base64');
const EMBEDDED_INDEX_SLEUTEL = Buffer.from('ketenregie-embedded-bsn-index-key-not-secret', 'utf8').toString('base64');

const sleutel = (bytes: number) =>
  z
    .base64()
    .refine((v) => Buffer.from(v, 'base64').length >= bytes, `must decode to at least ${bytes} bytes`)
    .optional();

/**
 * traject-service's environment: the platform variables, the BSN encryption key (AES-256,
 * base64 of exactly 32 bytes) with its id, the blind-index key (base64, ≥ 32 bytes), and where
 * consent-service lives (its processing log records reads by organisations other than the lead)
 * and where plaatsing-service lives (its placements' tasks join the task list).
 */
export const trajectServiceConfigSchema = platformConfigSchema
  .extend({
    ...dienstIdentiteitConfigSchema.shape,
    ...kluisConfigSchema.shape,
    CONSENT_SERVICE_URL: z.url().default('http://127.0.0.1:8082'),
    PLAATSING_SERVICE_URL: z.url().default('http://127.0.0.1:8085'),
    TRAJECT_BSN_SLEUTEL: sleutel(32).refine((v) => v === undefined || Buffer.from(v, 'base64').length === 32, 'must decode to exactly 32 bytes'),
    TRAJECT_BSN_SLEUTEL_ID: z
      .string()
      .regex(/^[a-z0-9]{1,16}$/)
      .default('k1'),
    TRAJECT_BSN_INDEX_SLEUTEL: sleutel(32),
  })
  .superRefine((c, ctx) => {
    if (c.KETENREGIE_MODE !== 'distributed') return;
    for (const k of ['TRAJECT_BSN_SLEUTEL', 'TRAJECT_BSN_INDEX_SLEUTEL'] as const) {
      if (!c[k]) ctx.addIssue({ code: 'custom', path: [k], message: 'is required in distributed mode' });
    }
  })
  .transform((c) => ({
    ...c,
    TRAJECT_BSN_SLEUTEL: c.TRAJECT_BSN_SLEUTEL ?? EMBEDDED_BSN_SLEUTEL,
    TRAJECT_BSN_INDEX_SLEUTEL: c.TRAJECT_BSN_INDEX_SLEUTEL ?? EMBEDDED_INDEX_SLEUTEL,
  }));

export type TrajectServiceConfig = z.output<typeof trajectServiceConfigSchema>;

/** The cipher of every personal field of a deelnemer (BSN, name, date of birth, contact, household), keyed by the configuration. */
export function deelnemerKluis(c: TrajectServiceConfig): DeelnemerKluis {
  return new DeelnemerKluis(
    c.TRAJECT_BSN_SLEUTEL_ID,
    { [c.TRAJECT_BSN_SLEUTEL_ID]: Buffer.from(c.TRAJECT_BSN_SLEUTEL, 'base64') },
    Buffer.from(c.TRAJECT_BSN_INDEX_SLEUTEL, 'base64'),
  );
}
