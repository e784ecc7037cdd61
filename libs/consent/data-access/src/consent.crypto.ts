import type { Pseudonimiseer, Sha256 } from '@ketenregie/consent-domain';
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
