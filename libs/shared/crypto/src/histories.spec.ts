import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { codecServer, type JsonPayload, KluisPayloadCodec, LokaleKms, Sleutelkluis } from './index';

const ROOT = join(__dirname, '..', '..', '..', '..');

/** Every payload object (`{ metadata, data }`) in a history JSON. */
function payloads(node: unknown, uit: JsonPayload[] = []): JsonPayload[] {
  if (Array.isArray(node)) node.forEach((n) => payloads(n, uit));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o['metadata'] && typeof o['metadata'] === 'object' && 'encoding' in (o['metadata'] as object)) uit.push(o as JsonPayload);
    else Object.values(o).forEach((v) => payloads(v, uit));
  }
  return uit;
}

describe('the payload codec and the committed histories', () => {
  it('leaves every payload of every committed history as it is (histories from before the codec still replay)', async () => {
    // Never asked: an unencoded payload is not decrypted, so the key store is never opened.
    const kluis = new Sleutelkluis(new LokaleKms('m1', { m1: randomBytes(32) }), () => Promise.reject(new Error('no database in this test')));
    const codec = new KluisPayloadCodec(kluis, async () => undefined);
    const bestanden = readdirSync(join(ROOT, 'workflows'))
      .map((w) => join(ROOT, 'workflows', w, 'test', 'histories'))
      .flatMap((map) => {
        try {
          return readdirSync(map)
            .filter((f) => f.endsWith('.json'))
            .map((f) => join(map, f));
        } catch {
          return [];
        }
      });
    expect(bestanden.length).toBeGreaterThan(0);
    let aantal = 0;
    for (const bestand of bestanden) {
      const alle = payloads(JSON.parse(readFileSync(bestand, 'utf8')));
      const { payloads: gedecodeerd } = await codecServer(codec, 'decode', alle);
      expect(gedecodeerd).toEqual(alle.map((p) => ({ metadata: p.metadata ?? {}, data: p.data ?? '' })));
      aantal += alle.length;
    }
    expect(aantal).toBeGreaterThan(100);
  });
});
