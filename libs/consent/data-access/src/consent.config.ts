import { z } from 'zod';
import { EMBEDDED_PSEUDONIEM_SLEUTEL } from './consent.crypto';

/**
 * The variables of the processing log's pseudonymisation key, for every process that writes the
 * log (consent-service, the worker): the key (base64, at least 32 bytes) and its id.
 */
export const pseudoniemSleutelConfigShape = {
  CONSENT_PSEUDONIEM_SLEUTEL: z
    .base64()
    .refine((v) => Buffer.from(v, 'base64').length >= 32, 'must decode to at least 32 bytes')
    .optional(),
  CONSENT_PSEUDONIEM_SLEUTEL_ID: z
    .string()
    .regex(/^[a-z0-9]{1,16}$/)
    .default('k1'),
};

/** Refuses a distributed configuration without its own key (use in `superRefine`). */
export function requirePseudonymKeyWhenDistributed(
  c: { readonly KETENREGIE_MODE?: string; readonly CONSENT_PSEUDONIEM_SLEUTEL?: string },
  ctx: z.RefinementCtx,
): void {
  if (c.KETENREGIE_MODE === 'distributed' && !c.CONSENT_PSEUDONIEM_SLEUTEL) {
    ctx.addIssue({ code: 'custom', path: ['CONSENT_PSEUDONIEM_SLEUTEL'], message: 'is required in distributed mode' });
  }
}

/** Falls back to the embedded demo key, so consent-service and the worker write the same pseudonyms (use in `transform`). */
export function withEmbeddedPseudonymKey<T extends { readonly CONSENT_PSEUDONIEM_SLEUTEL?: string }>(c: T): T & { CONSENT_PSEUDONIEM_SLEUTEL: string } {
  return { ...c, CONSENT_PSEUDONIEM_SLEUTEL: c.CONSENT_PSEUDONIEM_SLEUTEL ?? EMBEDDED_PSEUDONIEM_SLEUTEL };
}
