import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, sign, verify } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The head of every chain of the processing log at one moment, signed (Ed25519) outside the database. */
export interface VerwerkingslogAnker {
  readonly tijdstip: string;
  /** `[keten, volgnummer, hash]` per chain with at least one line. */
  readonly koppen: readonly (readonly [number, number, string])[];
  /** Ed25519 signature (base64) over {@link ankerInhoud}. */
  readonly handtekening: string;
}

/** The signed bytes of an anchor: its time and heads, canonical. */
export function ankerInhoud(a: Pick<VerwerkingslogAnker, 'tijdstip' | 'koppen'>): Buffer {
  return Buffer.from(JSON.stringify({ tijdstip: a.tijdstip, koppen: a.koppen.map(([k, n, h]) => [k, n, h]) }), 'utf8');
}

/** The Ed25519 key pair of anchors: from a PKCS#8 PEM, or (embedded mode) a fresh one. */
export function ankerSleutel(pem?: string): { privaat: KeyObject; publiek: KeyObject } {
  if (pem) {
    const privaat = createPrivateKey(pem);
    if (privaat.asymmetricKeyType !== 'ed25519') throw new TypeError('The anchor key must be an Ed25519 private key');
    return { privaat, publiek: createPublicKey(privaat) };
  }
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privaat: privateKey, publiek: publicKey };
}

/** Signs the heads as an anchor. */
export function maakAnker(koppen: readonly (readonly [number, number, string])[], tijdstip: Date, sleutel: KeyObject): VerwerkingslogAnker {
  const inhoud = { tijdstip: tijdstip.toISOString(), koppen: [...koppen].sort((a, b) => a[0] - b[0]) };
  return { ...inhoud, handtekening: sign(null, ankerInhoud(inhoud), sleutel).toString('base64') };
}

/** Whether the anchor's signature holds under the public key. */
export function ankerIsOndertekend(anker: VerwerkingslogAnker, publiek: KeyObject): boolean {
  try {
    return verify(null, ankerInhoud(anker), publiek, Buffer.from(anker.handtekening, 'base64'));
  } catch {
    return false;
  }
}

/**
 * Checks the log against an anchor: the signature holds, and for every anchored head the stored
 * line at that place still has that hash. A line edited (and the chain recomputed after it), a
 * line deleted, or a tail cut off since the anchor was written is detected; what was appended
 * after it is not the anchor's concern.
 * @param hashOp the stored hash of line `volgnummer` of chain `keten`, if any
 */
export async function toetsTegenAnker(
  anker: VerwerkingslogAnker,
  publiek: KeyObject,
  hashOp: (keten: number, volgnummer: number) => Promise<string | undefined>,
): Promise<{ readonly geldig: boolean; readonly tijdstip: string; readonly afwijking?: { readonly keten: number; readonly volgnummer: number } }> {
  if (!ankerIsOndertekend(anker, publiek)) return { geldig: false, tijdstip: anker.tijdstip };
  for (const [keten, volgnummer, hash] of anker.koppen) {
    if ((await hashOp(keten, volgnummer))?.trim() !== hash) return { geldig: false, tijdstip: anker.tijdstip, afwijking: { keten, volgnummer } };
  }
  return { geldig: true, tijdstip: anker.tijdstip };
}

/** Writes an anchor to the FG's directory (atomically: a temporary file renamed), named after its time. */
export async function schrijfAnker(map: string, anker: VerwerkingslogAnker): Promise<string> {
  await mkdir(map, { recursive: true });
  const naam = `anker-${anker.tijdstip.replace(/[:.]/g, '-')}.json`;
  const tijdelijk = join(map, `.${naam}.tmp`);
  await writeFile(tijdelijk, JSON.stringify(anker, null, 2), { mode: 0o644 });
  await rename(tijdelijk, join(map, naam));
  return join(map, naam);
}

/** The newest anchor in the directory, if any. */
export async function laatsteAnker(map: string): Promise<VerwerkingslogAnker | undefined> {
  const namen = (await readdir(map).catch(() => [] as string[])).filter((n) => /^anker-.*\.json$/.test(n)).sort();
  const naam = namen[namen.length - 1];
  return naam ? (JSON.parse(await readFile(join(map, naam), 'utf8')) as VerwerkingslogAnker) : undefined;
}
