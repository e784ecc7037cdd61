import { aeadOntsleutel, aeadVersleutel } from './aead';

/** A data key as stored: wrapped (encrypted) under a key-encryption key that never leaves the KMS. */
export interface VerpakteSleutel {
  /** Id of the key-encryption key (the master key) that wrapped it. */
  readonly kekId: string;
  readonly data: Buffer;
}

/**
 * Key management: wraps and unwraps data keys under a master key. The local implementation
 * holds the master keys from configuration; a production deployment can put an HSM or a cloud
 * KMS behind the same interface. `context` is bound to the wrapped key (a wrapped key copied to
 * another row does not unwrap).
 */
export interface Kms {
  /** Id of the master key new data keys are wrapped with. */
  readonly actieveKekId: string;
  verpak(sleutel: Buffer, context: string): Promise<VerpakteSleutel>;
  /** @throws Error when the master key is not held or the wrapped key was altered. */
  ontpak(verpakt: VerpakteSleutel, context: string): Promise<Buffer>;
}

/** Master-key ids: what `KLUIS_MASTERSLEUTEL_ID` may be. */
export const SLEUTEL_ID = /^[a-z0-9]{1,16}$/;

/**
 * {@link Kms} over master keys held in this process (AES-256-GCM key wrap, node:crypto). Keep
 * older master keys listed while {@link Sleutelkluis.herverpak} moves every data key to the
 * active one; then drop them.
 */
export class LokaleKms implements Kms {
  private readonly sleutels: ReadonlyMap<string, Buffer>;

  /** @throws TypeError for a key that is not 32 bytes, a bad id or an active id without key. */
  constructor(
    readonly actieveKekId: string,
    sleutels: Readonly<Record<string, Buffer>>,
  ) {
    for (const [id, k] of Object.entries(sleutels)) {
      if (!SLEUTEL_ID.test(id)) throw new TypeError('Master-key ids match [a-z0-9]{1,16}');
      if (k.length !== 32) throw new TypeError('Master keys are 32 bytes (AES-256)');
    }
    if (!sleutels[actieveKekId]) throw new TypeError('The active master key is not among the master keys');
    this.sleutels = new Map(Object.entries(sleutels));
  }

  async verpak(sleutel: Buffer, context: string): Promise<VerpakteSleutel> {
    const kek = this.sleutels.get(this.actieveKekId) as Buffer;
    return { kekId: this.actieveKekId, data: aeadVersleutel(kek, Buffer.from(`kek:${this.actieveKekId}|${context}`), sleutel) };
  }

  async ontpak(v: VerpakteSleutel, context: string): Promise<Buffer> {
    const kek = this.sleutels.get(v.kekId);
    if (!kek) throw new Error(`Master key ${v.kekId} is not held`);
    return aeadOntsleutel(kek, Buffer.from(`kek:${v.kekId}|${context}`), v.data);
  }
}
