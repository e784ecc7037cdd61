import { z } from 'zod';
import { EMBEDDED_KETEN_SLEUTEL, EMBEDDED_PSEUDONIEM_SLEUTEL, ketenSleutelsUitConfig } from './consent.crypto';

const sleutel32 = z
  .base64()
  .refine((v) => Buffer.from(v, 'base64').length >= 32, 'must decode to at least 32 bytes')
  .optional();

/**
 * The variables of the processing log's keys, for every process that writes the log
 * (consent-service, the worker): the pseudonymisation key (base64, at least 32 bytes) and its id,
 * and the chain's HMAC key and id plus the older chain keys still held for verification
 * (`id:base64,…`).
 */
export const pseudoniemSleutelConfigShape = {
  CONSENT_LOG_KETEN_SLEUTEL: sleutel32,
  CONSENT_LOG_KETEN_SLEUTEL_ID: z
    .string()
    .regex(/^[a-z0-9]{1,16}$/)
    .default('h1'),
  CONSENT_LOG_OUDE_KETEN_SLEUTELS: z
    .string()
    .regex(/^\s*([a-z0-9]{1,16}:[A-Za-z0-9+/=]+\s*(,\s*|$))*$/, 'must be id:base64,…')
    .optional(),
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
  c: {
    readonly KETENREGIE_MODE?: string;
    readonly CONSENT_PSEUDONIEM_SLEUTEL?: string;
    readonly CONSENT_LOG_KETEN_SLEUTEL?: string;
    readonly CONSENT_LOG_KETEN_SLEUTEL_ID?: string;
    readonly CONSENT_LOG_OUDE_KETEN_SLEUTELS?: string;
  },
  ctx: z.RefinementCtx,
): void {
  if (c.KETENREGIE_MODE === 'distributed' && !c.CONSENT_PSEUDONIEM_SLEUTEL) {
    ctx.addIssue({ code: 'custom', path: ['CONSENT_PSEUDONIEM_SLEUTEL'], message: 'is required in distributed mode' });
  }
  if (c.KETENREGIE_MODE === 'distributed' && !c.CONSENT_LOG_KETEN_SLEUTEL) {
    ctx.addIssue({ code: 'custom', path: ['CONSENT_LOG_KETEN_SLEUTEL'], message: 'is required in distributed mode' });
  }
  // The chain keys together, validated once at start-up (ids unique, every key at least 32 bytes).
  try {
    ketenSleutelsUitConfig({
      CONSENT_LOG_KETEN_SLEUTEL: c.CONSENT_LOG_KETEN_SLEUTEL ?? EMBEDDED_KETEN_SLEUTEL,
      CONSENT_LOG_KETEN_SLEUTEL_ID: c.CONSENT_LOG_KETEN_SLEUTEL_ID ?? 'h1',
      ...(c.CONSENT_LOG_OUDE_KETEN_SLEUTELS ? { CONSENT_LOG_OUDE_KETEN_SLEUTELS: c.CONSENT_LOG_OUDE_KETEN_SLEUTELS } : {}),
    });
  } catch (error) {
    ctx.addIssue({ code: 'custom', path: ['CONSENT_LOG_OUDE_KETEN_SLEUTELS'], message: (error as Error).message });
  }
}

/** Falls back to the embedded demo keys, so consent-service and the worker write the same pseudonyms and chain (use in `transform`). */
export function withEmbeddedPseudonymKey<T extends { readonly CONSENT_PSEUDONIEM_SLEUTEL?: string; readonly CONSENT_LOG_KETEN_SLEUTEL?: string }>(
  c: T,
): T & { CONSENT_PSEUDONIEM_SLEUTEL: string; CONSENT_LOG_KETEN_SLEUTEL: string } {
  return {
    ...c,
    CONSENT_PSEUDONIEM_SLEUTEL: c.CONSENT_PSEUDONIEM_SLEUTEL ?? EMBEDDED_PSEUDONIEM_SLEUTEL,
    CONSENT_LOG_KETEN_SLEUTEL: c.CONSENT_LOG_KETEN_SLEUTEL ?? EMBEDDED_KETEN_SLEUTEL,
  };
}
