import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const IV = 12;
const TAG = 16;

/** AES-256-GCM (node:crypto): `iv (12) ‖ tag (16) ‖ ciphertext`, authenticated together with `aad`. */
export function aeadVersleutel(sleutel: Buffer, aad: Buffer, klaar: Buffer): Buffer {
  const iv = randomBytes(IV);
  const cipher = createCipheriv('aes-256-gcm', sleutel, iv);
  cipher.setAAD(aad);
  const ct = Buffer.concat([cipher.update(klaar), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ct]);
}

/** @throws Error when the data was altered, belongs to other `aad` or another key. */
export function aeadOntsleutel(sleutel: Buffer, aad: Buffer, data: Buffer): Buffer {
  if (data.length < IV + TAG) throw new Error('Ciphertext too short');
  const decipher = createDecipheriv('aes-256-gcm', sleutel, data.subarray(0, IV));
  decipher.setAAD(aad);
  decipher.setAuthTag(data.subarray(IV, IV + TAG));
  return Buffer.concat([decipher.update(data.subarray(IV + TAG)), decipher.final()]);
}
