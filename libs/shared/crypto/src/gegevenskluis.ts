/** Why a value could not be decrypted: its deelnemer was erased (the key is destroyed), or no key with that id exists. */
export class SleutelVernietigdFout extends Error {
  constructor(readonly sleutelId: string) {
    super(`Data key ${sleutelId} does not exist (destroyed by an erasure, or never made)`);
    this.name = 'SleutelVernietigdFout';
  }
}

/** Raised when a key is asked for a deelnemer whose data was erased: nothing new is encrypted for them. */
export class DeelnemerGewistFout extends Error {
  constructor() {
    super('The deelnemer was erased; no data is stored for them any more');
    this.name = 'DeelnemerGewistFout';
  }
}

/**
 * Field encryption per deelnemer (envelope encryption): every value is encrypted with the
 * deelnemer's own data key and carries that key's id, so erasing a deelnemer is destroying one
 * key, and keys rotate without re-encrypting at once. `doel` is bound to the ciphertext
 * (authenticated data): a value copied to another column or row does not decrypt.
 */
export interface Gegevenskluis {
  /** @throws DeelnemerGewistFout for an erased deelnemer. */
  versleutel(deelnemerId: string, doel: string, waarde: Buffer): Promise<Buffer>;
  /** @throws SleutelVernietigdFout when the key was destroyed; Error when the value was altered or belongs to another `doel`. */
  ontsleutel(doel: string, data: Buffer): Promise<Buffer>;
  /** Encrypts a JSON value. */
  versleutelJson(deelnemerId: string, doel: string, waarde: unknown): Promise<Buffer>;
  ontsleutelJson<T>(doel: string, data: Buffer): Promise<T>;
}
