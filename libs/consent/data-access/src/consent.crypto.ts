import type { KetenSleutels, Pseudonimiseer, Sha256 } from '@ketenregie/consent-domain';
import { createHash, createHmac } from 'node:crypto';

/** The domain's {@link Sha256} port on Node's crypto. */
export const nodeSha256: Sha256 = (input) => createHash('sha256').update(input, 'utf8').digest('hex');

/**
 * The domain's {@link Pseudonimiseer} port: HMAC-SHA256 of the deelnemer id under a secret key,
 * prefixed with the key id so the key can be rotated (old lines keep their old pseudonyms and
 * the inzage looks them up under every key still held). Destroying a key makes every pseudonym
 * made with it unlinkable (crypto-shredding) without touching the append-only log.
 * @throws TypeError for a key shorter than 32 bytes or a key id outside `[a-z0-9]{1,16}`.
 */
export function hmacPseudonimiseerder(sleutelId: string, sleutel: Buffer): Pseudonimiseer {
  if (!/^[a-z0-9]{1,16}$/.test(sleutelId)) throw new TypeError('Pseudonymisation key id must match [a-z0-9]{1,16}');
  if (sleutel.length < 32) throw new TypeError('Pseudonymisation key must be at least 32 bytes');
  return (deelnemerId) => `${sleutelId}:${createHmac('sha256', sleutel).update(deelnemerId, 'utf8').digest('hex')}`;
}

/**
 * The pseudonymisation key of embedded (demo, test) mode, base64. Not secret: every process that
 * writes the processing log (consent-service, the worker) falls back to it only in embedded
 * mode, so their pseudonyms of one deelnemer agree. Distributed mode must supply its own key.
 */
export const EMBEDDED_PSEUDONIEM_SLEUTEL = Buffer.from('ketenregie-embedded-pseudonymisation-key-not-secret', 'utf8').toString('base64');

/** The processing log's chain keys, with the HMAC pads the single-statement decision path hands to PostgreSQL. */
export interface HmacKetenSleutels extends KetenSleutels {
  /**
   * HMAC-SHA-256's inner and outer padded key of the active key (RFC 2104: the key, hashed when
   * longer than the 64-byte block, zero-padded, XOR 0x36 and XOR 0x5c). PostgreSQL's core
   * `sha256()` then computes the same MAC: `sha256(opad ‖ sha256(ipad ‖ text))`.
   */
  readonly pads: { readonly ipad: Buffer; readonly opad: Buffer };
}

const SLEUTEL_ID = /^[a-z0-9]{1,16}$/;

/**
 * The domain's {@link KetenSleutels} port on Node's crypto: HMAC-SHA-256 under the active key,
 * and under every older key still held (so lines made before a rotation still verify).
 * Validated once, here: ids match `[a-z0-9]{1,16}`, keys are at least 32 bytes, ids are unique.
 * @throws TypeError for an invalid key or id.
 */
export function hmacKetenSleutels(
  actief: { readonly id: string; readonly sleutel: Buffer },
  oude: readonly { readonly id: string; readonly sleutel: Buffer }[] = [],
): HmacKetenSleutels {
  const sleutels = new Map<string, Buffer>();
  for (const { id, sleutel } of [actief, ...oude]) {
    if (!SLEUTEL_ID.test(id)) throw new TypeError('Chain key id must match [a-z0-9]{1,16}');
    if (sleutel.length < 32) throw new TypeError('Chain key must be at least 32 bytes');
    if (sleutels.has(id)) throw new TypeError(`Chain key id ${id} is given twice`);
    sleutels.set(id, Buffer.from(sleutel));
  }
  const blok = Buffer.alloc(64);
  (actief.sleutel.length > 64 ? createHash('sha256').update(actief.sleutel).digest() : actief.sleutel).copy(blok);
  return {
    actief: actief.id,
    sha256: nodeSha256,
    mac: (id, input) => {
      const sleutel = sleutels.get(id);
      return sleutel ? createHmac('sha256', sleutel).update(input, 'utf8').digest('hex') : undefined;
    },
    pads: { ipad: Buffer.from(blok.map((b) => b ^ 0x36)), opad: Buffer.from(blok.map((b) => b ^ 0x5c)) },
  };
}

/**
 * The chain key of embedded (demo, test) mode, base64. Not secret, like the embedded
 * pseudonymisation key: consent-service and the worker fall back to it only in embedded mode.
 */
export const EMBEDDED_KETEN_SLEUTEL = Buffer.from('ketenregie-embedded-log-chain-key-not-secret', 'utf8').toString('base64');

/** The chain keys from the configuration's variables (see `ketenSleutelConfigShape`). */
export function ketenSleutelsUitConfig(c: {
  readonly CONSENT_LOG_KETEN_SLEUTEL: string;
  readonly CONSENT_LOG_KETEN_SLEUTEL_ID: string;
  readonly CONSENT_LOG_OUDE_KETEN_SLEUTELS?: string;
}): HmacKetenSleutels {
  const oude = (c.CONSENT_LOG_OUDE_KETEN_SLEUTELS ?? '')
    .split(',')
    .map((d) => d.trim())
    .filter((d) => d !== '')
    .map((d) => {
      const i = d.indexOf(':');
      return { id: d.slice(0, i), sleutel: Buffer.from(d.slice(i + 1), 'base64') };
    });
  return hmacKetenSleutels({ id: c.CONSENT_LOG_KETEN_SLEUTEL_ID, sleutel: Buffer.from(c.CONSENT_LOG_KETEN_SLEUTEL, 'base64') }, oude);
}

/** The chain keys of embedded mode (what consent-service and the worker use without configuration; for tests and the bench). */
export function embeddedKetenSleutels(): HmacKetenSleutels {
  return ketenSleutelsUitConfig({ CONSENT_LOG_KETEN_SLEUTEL: EMBEDDED_KETEN_SLEUTEL, CONSENT_LOG_KETEN_SLEUTEL_ID: 'h1' });
}
