import type { DeelnemerGegevens } from '@ketenregie/traject-domain';
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/** A value encrypted at rest: AES-256-GCM, `iv (12) ‖ tag (16) ‖ ciphertext`, with the key id for rotation. */
export interface Versleuteld {
  readonly sleutelId: string;
  readonly data: Buffer;
}

/**
 * The one cipher of a deelnemer's personal data: encrypts and decrypts the BSN and the other
 * personal fields, and derives the keyed blind indexes used for uniqueness and lookup
 * (HMAC-SHA256 under a separate key), so the database never holds them in the clear and an index
 * leak cannot be reversed by enumerating candidates without the key.
 *
 * Every ciphertext is bound to its `doel` (authenticated data `doel:keyId`): `bsn` for the BSN,
 * `deelnemer:<id>` for a deelnemer's record, so a value copied to another column or row does not
 * decrypt.
 */
export class DeelnemerKluis {
  private readonly sleutels: ReadonlyMap<string, Buffer>;

  /**
   * @param actief id of the key new values are encrypted with
   * @param sleutels all keys still held (32 bytes each), by id
   * @param indexSleutel HMAC key of the blind indexes (≥ 32 bytes)
   * @throws TypeError for short keys, bad key ids or an unknown active key
   */
  constructor(
    private readonly actief: string,
    sleutels: Record<string, Buffer>,
    private readonly indexSleutel: Buffer,
  ) {
    for (const [id, k] of Object.entries(sleutels)) {
      if (!/^[a-z0-9]{1,16}$/.test(id)) throw new TypeError('Key ids match [a-z0-9]{1,16}');
      if (k.length !== 32) throw new TypeError('Encryption keys are 32 bytes (AES-256)');
    }
    if (!sleutels[actief]) throw new TypeError('The active key is not among the keys');
    if (indexSleutel.length < 32) throw new TypeError('The blind-index key must be at least 32 bytes');
    this.sleutels = new Map(Object.entries(sleutels));
  }

  versleutel(doel: string, waarde: string): Versleuteld {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.sleutels.get(this.actief) as Buffer, iv);
    cipher.setAAD(Buffer.from(`${doel}:${this.actief}`));
    const ct = Buffer.concat([cipher.update(waarde, 'utf8'), cipher.final()]);
    return { sleutelId: this.actief, data: Buffer.concat([iv, cipher.getAuthTag(), ct]) };
  }

  /** @throws Error when the key is unknown, or the ciphertext was tampered with or belongs to another `doel`. */
  ontsleutel(doel: string, v: Versleuteld): string {
    const sleutel = this.sleutels.get(v.sleutelId);
    if (!sleutel) throw new Error(`Key ${v.sleutelId} is no longer held`);
    const decipher = createDecipheriv('aes-256-gcm', sleutel, v.data.subarray(0, 12));
    decipher.setAAD(Buffer.from(`${doel}:${v.sleutelId}`));
    decipher.setAuthTag(v.data.subarray(12, 28));
    return Buffer.concat([decipher.update(v.data.subarray(28)), decipher.final()]).toString('utf8');
  }

  /** Deterministic keyed index (hex) of a BSN: the HMAC of the bare BSN. */
  bsnIndex(bsn: string): string {
    return this.hmac(bsn);
  }

  /** Encrypts the personal fields of deelnemer `deelnemerId`, bound to that id. */
  versleutelGegevens(deelnemerId: string, g: DeelnemerGegevens): Versleuteld {
    const { voornamen, achternaam, geboortedatum, contact, huishoudenId } = g;
    return this.versleutel(`deelnemer:${deelnemerId}`, JSON.stringify({ voornamen, achternaam, geboortedatum, contact, huishoudenId }));
  }

  /** @throws Error as {@link ontsleutel}, also when the record belongs to another deelnemer. */
  ontsleutelGegevens(deelnemerId: string, v: Versleuteld): DeelnemerGegevens {
    return JSON.parse(this.ontsleutel(`deelnemer:${deelnemerId}`, v)) as DeelnemerGegevens;
  }

  /** Blind index of a household link, so the members of a household can be found without storing the link. */
  huishoudenIndex(huishoudenId: string): string {
    // Prefixed: a 9-digit BSN never starts with `huishouden:`, so the two kinds of index never collide.
    return this.hmac(`huishouden:${huishoudenId}`);
  }

  private hmac(waarde: string): string {
    return createHmac('sha256', this.indexSleutel).update(waarde, 'utf8').digest('hex');
  }
}
