import { createHash, createHmac } from 'node:crypto';
import fc from 'fast-check';
import { besluit } from './besluit';
import { DEMO_REGISTER } from './register.seed';
import {
  canoniekeJson,
  GENESIS_HASH,
  isGeldigeTrace,
  type KetenSleutels,
  ketenVoor,
  type Ketenregel,
  regelVoorBesluit,
  verifieerKeten,
  type Verwerkingsregel,
  volgendeSchakel,
} from './verwerkingslog';

const sha256 = (input: string) => createHash('sha256').update(input, 'utf8').digest('hex');
const mac = (sleutel: string) => (input: string) => createHmac('sha256', sleutel).update(input, 'utf8').digest('hex');
const sleutels: KetenSleutels = { actief: 't1', mac: (id, input) => (id === 't1' ? mac('keten-sleutel-1')(input) : undefined), sha256 };
const pseudoniem = (id: string) => createHmac('sha256', 'test-sleutel').update(id).digest('hex');

function regel(n: number): Verwerkingsregel {
  return {
    traceId: `${n.toString(16).padStart(2, '0')}${'a'.repeat(30)}`,
    spanId: 'b'.repeat(16),
    handeling: 'verstrekking',
    status: 'ok',
    tijdstip: new Date(Date.UTC(2026, 2, 1, 9, n)),
    verwerkingsactiviteit: { id: 'va-re-integratie', versie: 1 },
    betrokkene: pseudoniem(`d-${n % 3}`),
    organisatie: 'org-gemeente',
    ontvanger: 'org-senzer',
    doel: 're-integratie',
    categorieen: ['zrm'],
    grondslagen: ['zrm:wettelijke-grondslag'],
    toestemmingen: [],
  };
}

/** One chain (a log of one chain only: every subject maps to chain 0). */
function keten(aantal: number): Ketenregel[] {
  const uit: Ketenregel[] = [];
  for (let n = 1; n <= aantal; n++) uit.push(volgendeSchakel(0, uit[uit.length - 1], regel(n), sleutels));
  return uit;
}

/** A log of `aantalKetens` chains, each line in its subject's chain, in (chain, sequence) order. */
function ketens(aantal: number, aantalKetens: number): Ketenregel[] {
  const koppen = new Map<number, Ketenregel>();
  const uit: Ketenregel[] = [];
  for (let n = 1; n <= aantal; n++) {
    const r = regel(n);
    const k = ketenVoor(r.betrokkene, aantalKetens);
    const schakel = volgendeSchakel(k, koppen.get(k), r, sleutels);
    koppen.set(k, schakel);
    uit.push(schakel);
  }
  return uit.sort((a, b) => a.keten - b.keten || a.volgnummer - b.volgnummer);
}

describe('canonical JSON', () => {
  it('does not depend on key order and drops undefined members', () => {
    expect(canoniekeJson({ b: 1, a: { d: [2, { f: 1, e: undefined }], c: new Date(0) } })).toBe('{"a":{"c":"1970-01-01T00:00:00.000Z","d":[2,{"f":1}]},"b":1}');
  });

  it('serialises equal values identically whatever the construction order (property)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (obj) => {
        const omgekeerd = Object.fromEntries(Object.entries(obj).reverse());
        expect(canoniekeJson(omgekeerd)).toBe(canoniekeJson(obj));
        expect(canoniekeJson(JSON.parse(canoniekeJson(obj)))).toBe(canoniekeJson(obj));
      }),
    );
  });
});

describe('the processing log hash chain', () => {
  it('starts at the genesis hash, links every line to its predecessor and verifies', () => {
    const k = keten(5);
    expect(k[0]).toMatchObject({ volgnummer: 1, vorigeHash: GENESIS_HASH });
    expect(k[3]?.vorigeHash).toBe(k[2]?.hash);
    expect(verifieerKeten(k, sleutels, 1)).toEqual({ geldig: true, aantal: 5, kopHash: sha256(canoniekeJson([[0, 5, k[4]?.hash]])) });
    expect(verifieerKeten([], sleutels, 1)).toEqual({ geldig: true, aantal: 0, kopHash: sha256('[]') });
  });

  it('detects an edited line', () => {
    const k = keten(5);
    const bewerkt = k.map((r) => (r.volgnummer === 3 ? { ...r, regel: { ...r.regel, ontvanger: 'org-bakkerij' } } : r));
    expect(verifieerKeten(bewerkt, sleutels, 1)).toEqual({ geldig: false, aantal: 2, breuk: { keten: 0, volgnummer: 3, reden: 'HASH_ONJUIST' } });
  });

  it('detects an edited line whose own hash was recomputed, at the next line', () => {
    const k = keten(5);
    const bewerkt = k.map((r) => {
      if (r.volgnummer !== 3) return r;
      const inhoud = { ...r.regel, status: 'geweigerd' as const };
      return { ...volgendeSchakel(0, k[1], inhoud, sleutels) };
    });
    expect(verifieerKeten(bewerkt, sleutels, 1)).toEqual({ geldig: false, aantal: 3, breuk: { keten: 0, volgnummer: 4, reden: 'KETEN_ONDERBROKEN' } });
  });

  it('detects a deleted line and a swapped pair', () => {
    const k = keten(5);
    expect(
      verifieerKeten(
        k.filter((r) => r.volgnummer !== 2),
        sleutels,
        1,
      ),
    ).toMatchObject({
      geldig: false,
      breuk: { volgnummer: 2, reden: 'VOLGNUMMER_ONTBREEKT' },
    });
    const [a, b, c, d, e] = k as [Ketenregel, Ketenregel, Ketenregel, Ketenregel, Ketenregel];
    const verwisseld = [a, b, { ...d, volgnummer: 3 }, { ...c, volgnummer: 4 }, e];
    expect(verifieerKeten(verwisseld, sleutels, 1)).toMatchObject({ geldig: false, breuk: { volgnummer: 3 } });
  });

  it("verifies several chains, each line in its subject's chain, and anchors all heads in one hash", () => {
    const log = ketens(12, 4);
    expect(new Set(log.map((r) => r.keten)).size).toBeGreaterThan(1);
    const geldig = verifieerKeten(log, sleutels, 4);
    expect(geldig).toMatchObject({ geldig: true, aantal: 12 });
    const langer = ketens(13, 4);
    expect(verifieerKeten(langer, sleutels, 4)).not.toEqual(geldig);
  });

  it('detects a line moved into another chain, even with its links recomputed', () => {
    const log = ketens(6, 4);
    const laatste = log[log.length - 1] as Ketenregel;
    const andere = laatste.keten === 3 ? 1 : laatste.keten + 1;
    const kop = [...log].filter((r) => r.keten === andere).pop();
    const verplaatst = volgendeSchakel(andere, kop, laatste.regel, sleutels);
    const vervalst = [...log.slice(0, -1), verplaatst].sort((a, b) => a.keten - b.keten || a.volgnummer - b.volgnummer);
    expect(verifieerKeten(vervalst, sleutels, 4)).toMatchObject({ geldig: false, breuk: { keten: andere, reden: 'VERKEERDE_KETEN' } });
  });

  it('is keyed: a rewrite that recomputes plain SHA-256 (or a MAC under another key) does not verify', () => {
    const k = keten(4);
    expect(k.every((r) => r.sleutelId === 't1')).toBe(true);
    // Without the key the forger can only recompute unkeyed hashes: marked as keyed they fail, unmarked they cannot follow a keyed line.
    const zonderSleutel: KetenSleutels = { actief: 't1', mac: (_id, input) => sha256(input), sha256 };
    const vervalst: Ketenregel[] = [k[0] as Ketenregel];
    for (const r of k.slice(1)) {
      const inhoud = r.volgnummer === 2 ? { ...r.regel, organisatie: 'vervalst' } : r.regel;
      vervalst.push(volgendeSchakel(0, vervalst[vervalst.length - 1], inhoud, zonderSleutel));
    }
    expect(verifieerKeten(vervalst, sleutels, 1)).toMatchObject({ geldig: false, breuk: { volgnummer: 2, reden: 'HASH_ONJUIST' } });
    const ongesleuteld = [k[0] as Ketenregel, ...vervalst.slice(1).map(({ sleutelId: _weg, ...r }) => r)];
    expect(verifieerKeten(ongesleuteld, sleutels, 1)).toMatchObject({ geldig: false, breuk: { volgnummer: 2, reden: 'SLEUTEL_ONJUIST' } });
    const anderSleutel: KetenSleutels = { actief: 't1', mac: (_id, input) => mac('geraden')(input), sha256 };
    expect(verifieerKeten(keten(3), anderSleutel, 1)).toMatchObject({ geldig: false, breuk: { reden: 'HASH_ONJUIST' } });
  });

  it('verifies unkeyed lines from before the key as a prefix, and lines under a rotated key while the old key is held', () => {
    const oud: Ketenregel[] = [];
    for (let n = 1; n <= 2; n++) {
      const vorige = oud[oud.length - 1];
      const volgnummer = n;
      const vorigeHash = vorige?.hash ?? GENESIS_HASH;
      oud.push({ keten: 0, volgnummer, vorigeHash, hash: sha256(`${vorigeHash}\n${volgnummer}\n${canoniekeJson(regel(n))}`), regel: regel(n) });
    }
    const beide: KetenSleutels = {
      actief: 't2',
      mac: (id, input) => (id === 't1' ? mac('keten-sleutel-1')(input) : id === 't2' ? mac('keten-sleutel-2')(input) : undefined),
      sha256,
    };
    const log = [...oud, volgendeSchakel(0, oud[1], regel(3), sleutels)];
    log.push(volgendeSchakel(0, log[2], regel(4), beide));
    expect(log.map((r) => r.sleutelId)).toEqual([undefined, undefined, 't1', 't2']);
    expect(verifieerKeten(log, beide, 1)).toMatchObject({ geldig: true, aantal: 4 });
    // The old key destroyed: its lines no longer verify (keep every key a chain names).
    expect(verifieerKeten(log, { ...beide, mac: (id, input) => (id === 't2' ? beide.mac(id, input) : undefined) }, 1)).toMatchObject({
      geldig: false,
      breuk: { volgnummer: 3, reden: 'SLEUTEL_ONJUIST' },
    });
  });

  it('detects any single-field change anywhere in the chain (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.string({ minLength: 1 }), (plek, nieuweOrganisatie) => {
        const k = keten(8);
        fc.pre(k[plek - 1]?.regel.organisatie !== nieuweOrganisatie);
        const bewerkt = k.map((r) => (r.volgnummer === plek ? { ...r, regel: { ...r.regel, organisatie: nieuweOrganisatie } } : r));
        expect(verifieerKeten(bewerkt, sleutels, 1)).toMatchObject({ geldig: false, breuk: { keten: 0, volgnummer: plek, reden: 'HASH_ONJUIST' } });
      }),
      { numRuns: 200 },
    );
  });
});

describe('the log line of a decision', () => {
  it('carries the pseudonym, never the deelnemer id, and names the regimes it rested on', () => {
    const deelnemerId = '7f3c2a9e-4b1d-4c8e-9a6f-2d5b8e1c0f47';
    const b = besluit(
      DEMO_REGISTER,
      [],
      {
        deelnemerId,
        bron: { organisatie: 'org-gemeente', type: 'gemeente' },
        ontvanger: { organisatie: 'org-senzer', type: 'uitvoerder' },
        doel: 're-integratie',
        categorieen: ['zrm', 'gezondheid'],
      },
      new Date('2026-03-02T09:00:00.000Z'),
    );
    const trace = { traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7' };
    const uit = regelVoorBesluit(b, trace, pseudoniem);
    expect(canoniekeJson(uit)).not.toContain(deelnemerId);
    expect(uit).toMatchObject({
      handeling: 'besluit',
      status: 'deels',
      betrokkene: pseudoniem(deelnemerId),
      verwerkingsactiviteit: { id: 'va-re-integratie', versie: 1 },
      organisatie: 'org-gemeente',
      ontvanger: 'org-senzer',
      categorieen: ['zrm', 'gezondheid'],
      grondslagen: ['zrm:wettelijke-grondslag'],
      toestemmingen: [],
    });
  });

  it('accepts only valid W3C trace context ids', () => {
    expect(isGeldigeTrace({ traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7' })).toBe(true);
    expect(isGeldigeTrace({ traceId: '0'.repeat(32), spanId: '00f067aa0ba902b7' })).toBe(false);
    expect(isGeldigeTrace({ traceId: '4BF92F3577B34DA6A3CE929D0E0E4736', spanId: '00f067aa0ba902b7' })).toBe(false);
    expect(isGeldigeTrace({ traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa' })).toBe(false);
  });
});
