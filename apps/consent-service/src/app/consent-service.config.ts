import { createPrivateKey } from 'node:crypto';
import { pseudoniemSleutelConfigShape, requirePseudonymKeyWhenDistributed, withEmbeddedPseudonymKey } from '@ketenregie/consent-data-access';
import { kluisConfigSchema } from '@ketenregie/shared-crypto';
import { dienstIdentiteitConfigSchema, platformConfigSchema } from '@ketenregie/shared-platform';
import { z } from 'zod';

/**
 * consent-service's environment: the platform variables plus the pseudonymisation key of the
 * processing log (base64, at least 32 bytes) and the reminder lead time.
 */
export const consentServiceConfigSchema = platformConfigSchema
  .extend({
    ...kluisConfigSchema.shape,
    ...dienstIdentiteitConfigSchema.shape,
    ...pseudoniemSleutelConfigShape,
    CONSENT_HERINNERING_DAGEN: z.coerce.number().int().min(1).max(365).default(30),
    /** Where the traject context answers how an organisation is involved with a deelnemer (access facts). */
    TRAJECT_SERVICE_URL: z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:8081'),
    /**
     * How long (ms) an organisation's involvement with a deelnemer, once answered, is used for
     * further decisions by the same caller (0: ask traject-service every time). An ended
     * involvement counts at most this much later; a new one counts at once.
     */
    CONSENT_BETROKKENHEID_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(5_000),
    /** The FG's directory the signed heads of the processing log are written to. */
    CONSENT_LOG_ANKER_MAP: z.string().min(1).default('.data/verwerkingslog-ankers'),
    /** PKCS#8 PEM of the Ed25519 key anchors are signed with (required in distributed mode; embedded: made and kept in the directory). */
    CONSENT_LOG_ANKER_SLEUTEL: z
      .string()
      .refine((v) => {
        try {
          return createPrivateKey(v).asymmetricKeyType === 'ed25519';
        } catch {
          return false;
        }
      }, 'must be an Ed25519 private key in PKCS#8 PEM')
      .optional(),
    /** ms between deliveries of the lifecycle outbox (withdrawals that did not reach their workflow at once; 0: none). */
    CONSENT_LEVENSCYCLUS_BEZORG_INTERVAL_MS: z.coerce.number().int().min(0).default(2_000),
    /** ms between anchors (0: none). */
    CONSENT_LOG_ANKER_INTERVAL_MS: z.coerce.number().int().min(0).default(60_000),
  })
  .superRefine((c, ctx) => {
    requirePseudonymKeyWhenDistributed(c, ctx);
    if (c.KETENREGIE_MODE === 'distributed' && !c.CONSENT_LOG_ANKER_SLEUTEL) {
      ctx.addIssue({ code: 'custom', path: ['CONSENT_LOG_ANKER_SLEUTEL'], message: 'is required in distributed mode' });
    }
  })
  .transform(withEmbeddedPseudonymKey);

export type ConsentServiceConfig = z.output<typeof consentServiceConfigSchema>;
