import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/** A BSN encrypted at rest: AES-256-GCM, `iv (12) ‖ tag (16) ‖ ciphertext`, with the key id for rotation. */
export interface VersleuteldeBsn {
  readonly sleutelId: string;
  readonly data: Buffer;
}

/**
 * Encrypts and decrypts BSNs and derives the keyed blind index used for uniqueness and lookup
 * (HMAC-SHA256 under a separate key), so the database never holds a BSN in the clear and an
 * index leak cannot be reversed by enumerating the 10⁹ candidates without the key.
 */
export class BsnKluis {
  private readonly sleutels: ReadonlyMap<string, Buffer>;

  /**
   * @param actief id of the key new BSNs are encrypted with
   * @param sleutels all keys still held (32 bytes each), by id
   * @param indexSleutel HMAC key of the blind index (≥ 32 bytes)
   * @throws TypeError for short keys, bad key ids or an unknown active key
   */
  constructor(
    private readonly actief: string,
    sleutels: Record<string, Buffer>,
    private readonly indexSleutel: Buffer,
  ) {
    for (const [id, k] of Object.entries(sleutels)) {
      if (!/^[a-z0-9]{1,16}$/.test(id)) throw new TypeError('BSN key ids match [a-z0-9]{1,16}');
      if (k.length !== 32) throw new TypeError('BSN encryption keys are 32 bytes (AES-256)');
    }
    if (!sleutels[actief]) throw new TypeError('The active BSN key is not among the keys');
    if (indexSleutel.length < 32) throw new TypeError('The blind-index key must be at least 32 bytes');
    this.sleutels = new Map(Object.entries(sleutels));
  }

  versleutel(bsn: string): VersleuteldeBsn {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.sleutels.get(this.actief) as Buffer, iv);
    cipher.setAAD(Buffer.from(`bsn:${this.actief}`));
    const ct = Buffer.concat([cipher.update(bsn, 'utf8'), cipher.final()]);
    return { sleutelId: this.actief, data: Buffer.concat([iv, cipher.getAuthTag(), ct]) };
  }

  /** @throws Error when the key is unknown or the ciphertext was tampered with. */
  ontsleutel(v: VersleuteldeBsn): string {
    const sleutel = this.sleutels.get(v.sleutelId);
    if (!sleutel) throw new Error(`BSN key ${v.sleutelId} is no longer held`);
    const decipher = createDecipheriv('aes-256-gcm', sleutel, v.data.subarray(0, 12));
    decipher.setAAD(Buffer.from(`bsn:${v.sleutelId}`));
    decipher.setAuthTag(v.data.subarray(12, 28));
    return Buffer.concat([decipher.update(v.data.subarray(28)), decipher.final()]).toString('utf8');
  }

  /** Deterministic keyed index of a BSN (hex). */
  index(bsn: string): string {
    return createHmac('sha256', this.indexSleutel).update(bsn, 'utf8').digest('hex');
  }
}
