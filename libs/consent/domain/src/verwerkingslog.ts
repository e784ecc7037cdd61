import { type Besluit, uitkomst } from './besluit';
import { type DataCategorie } from './data-categorie';

/** Port: SHA-256 of a UTF-8 string as 64 lowercase hex characters. Supplied from outside the pure domain. */
export type Sha256 = (input: string) => string;

/**
 * Port: the keyed pseudonym of a deelnemer id in the processing log (LDV
 * `dpl.core.data_subject_id`). Deterministic per key, so the inzage can find a deelnemer's lines,
 * and not reversible without the key.
 */
export type Pseudonimiseer = (deelnemerId: string) => string;

/**
 * Port: the keys of the processing log's chain. Lines are chained with HMAC-SHA-256 under a key
 * from configuration, so someone who can rewrite the table but does not hold the key cannot
 * recompute the chain after an edit. Every line stores the id of the key it was made with, so the
 * key can rotate (old keys stay held for verification). Supplied from outside the pure domain.
 */
export interface KetenSleutels {
  /** The key id new lines are made with. */
  readonly actief: string;
  /** HMAC-SHA-256 of a UTF-8 string under key `sleutelId`, 64 lowercase hex characters; undefined when that key is not held. */
  mac(sleutelId: string, input: string): string | undefined;
  /** Plain SHA-256: the lines written before the chain was keyed, and the hash over the chains' heads. */
  readonly sha256: Sha256;
}

/** The hash the first line of the chain points back to. */
export const GENESIS_HASH = '0'.repeat(64);

/** What a line in the processing log records (Logboek Dataverwerkingen core fields). */
export type Handeling =
  | 'besluit'
  | 'verstrekking'
  | 'raadpleging'
  | 'wissing'
  | 'inzage'
  | 'toestemming-gegeven'
  | 'toestemming-ingetrokken'
  | 'toestemming-verlopen'
  | 'toestemming-vervangen';

/**
 * The content of one processing-log line. It holds no direct identifier of the deelnemer and no
 * user (LDV: no users in log lines): only the keyed pseudonym, organisations, the activity
 * version, categories, the lawful basis and W3C trace context.
 */
export interface Verwerkingsregel {
  /** W3C trace context: 32 and 16 lowercase hex characters. */
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId?: string;
  readonly handeling: Handeling;
  readonly status: 'ok' | 'geweigerd' | 'deels';
  readonly tijdstip: Date;
  /** The register activity and version the processing happened under, when one applies. */
  readonly verwerkingsactiviteit?: { readonly id: string; readonly versie: number };
  readonly betrokkene: string;
  /** The organisation that processed (read, disclosed, decided). */
  readonly organisatie: string;
  readonly ontvanger?: string;
  readonly doel?: string;
  readonly categorieen: readonly DataCategorie[];
  /** Per category the regimes the processing rested on, e.g. `zrm:wettelijke-grondslag`. */
  readonly grondslagen: readonly string[];
  readonly toestemmingen: readonly string[];
}

/**
 * The log is split into a fixed number of independent hash chains, so appends for different
 * data subjects commit in parallel instead of queueing on one head. A data subject's new lines
 * all go to one chain, which keeps their order for the inzage. With more than one chain, chain 0
 * is the closed chain of lines written before the log was split (any subject); new lines go to
 * chains 1 … aantalKetens − 1.
 */
export function ketenVoor(betrokkene: string, aantalKetens: number): number {
  if (aantalKetens <= 1) return 0;
  // FNV-1a (32 bit): stable across processes and versions, unlike any runtime hash.
  let h = 0x811c9dc5;
  for (let i = 0; i < betrokkene.length; i++) {
    h ^= betrokkene.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return 1 + (h % (aantalKetens - 1));
}

/** A stored line: content plus its place in its hash chain. */
export interface Ketenregel {
  /** Which chain (0 … aantalKetens − 1); always {@link ketenVoor} of the line's data subject. */
  readonly keten: number;
  /** Position in its chain, from 1 without gaps. */
  readonly volgnummer: number;
  readonly vorigeHash: string;
  readonly hash: string;
  /** The chain key the line's MAC was made with; absent for a line from before the chain was keyed (plain SHA-256). */
  readonly sleutelId?: string;
  readonly regel: Verwerkingsregel;
}

function canoniek(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(canoniek);
  if (value !== null && typeof value === 'object') {
    const uit: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) uit[key] = canoniek(v);
    }
    return uit;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new RangeError('Non-finite number in canonical JSON');
  }
  return value;
}

/**
 * Canonical JSON: object keys sorted, `undefined` members omitted, dates as ISO-8601 UTC with
 * milliseconds. Two structurally equal values always serialise to the same string, whatever the
 * key order they were built with or read back in.
 */
export function canoniekeJson(value: unknown): string {
  return JSON.stringify(canoniek(value));
}

/** The text a line's hash or MAC is computed over: the previous hash, the sequence number and the canonical content. */
export function regelTekst(vorigeHash: string, volgnummer: number, regel: Verwerkingsregel): string {
  return `${vorigeHash}\n${volgnummer}\n${canoniekeJson(regel)}`;
}

/**
 * The hash of a line: HMAC-SHA-256 under chain key `sleutelId` over {@link regelTekst}; plain
 * SHA-256 for a line from before the chain was keyed (`sleutelId` undefined). Undefined when the
 * key is not held. The chain is not an input: it follows from the content ({@link ketenVoor} of
 * the data subject), and the verifier checks that.
 */
export function regelHash(
  vorigeHash: string,
  volgnummer: number,
  regel: Verwerkingsregel,
  sleutels: KetenSleutels,
  sleutelId: string | undefined,
): string | undefined {
  const tekst = regelTekst(vorigeHash, volgnummer, regel);
  return sleutelId === undefined ? sleutels.sha256(tekst) : sleutels.mac(sleutelId, tekst);
}

/** Appends a line to chain `keten` after its head `vorige` (undefined while the chain is empty), MAC'd under the active key. */
export function volgendeSchakel(
  keten: number,
  vorige: Pick<Ketenregel, 'volgnummer' | 'hash'> | undefined,
  regel: Verwerkingsregel,
  sleutels: KetenSleutels,
): Ketenregel {
  const volgnummer = vorige ? vorige.volgnummer + 1 : 1;
  const vorigeHash = vorige ? vorige.hash : GENESIS_HASH;
  const sleutelId = sleutels.actief;
  const hash = regelHash(vorigeHash, volgnummer, regel, sleutels, sleutelId);
  if (hash === undefined) throw new RangeError(`The active chain key ${sleutelId} is not held`);
  return { keten, volgnummer, vorigeHash, hash, sleutelId, regel };
}

/**
 * Why verification stopped. `SLEUTEL_ONJUIST`: the line names a chain key that is not held, or
 * it is an unkeyed (plain SHA-256) line after a keyed one in its chain: unkeyed lines are only
 * the prefix written before the chain was keyed.
 */
export type Breukreden = 'VOLGNUMMER_ONTBREEKT' | 'KETEN_ONDERBROKEN' | 'HASH_ONJUIST' | 'VERKEERDE_KETEN' | 'SLEUTEL_ONJUIST';

/**
 * The outcome of verifying the chains. `kopHash` (a hash over every chain's head) can be
 * published as an external anchor, which also makes truncation of a chain's tail detectable.
 */
export type KetenVerificatie =
  | { readonly geldig: true; readonly aantal: number; readonly kopHash: string }
  | {
      readonly geldig: false;
      readonly aantal: number;
      readonly breuk: { readonly keten: number; readonly volgnummer: number; readonly reden: Breukreden };
    };

/**
 * Incremental verifier: feed every line in ascending (chain, sequence number) order, then read
 * the result. Per chain, sequence numbers run 1, 2, 3 … without gaps (a deleted line shows),
 * each line points to its predecessor's hash (a reordered or inserted line shows), each hash
 * matches its content under the chain key the line names (an edited line shows, and without
 * the key it cannot be recomputed), unkeyed lines only form a chain's prefix from before the
 * chain was keyed, and each line after chain 0 sits in its data subject's chain (a line moved to
 * another chain shows).
 */
export class KetenVerifier {
  private readonly koppen = new Map<number, Ketenregel>();
  private vorige: Ketenregel | undefined;
  private aantal = 0;
  private breuk: { keten: number; volgnummer: number; reden: Breukreden } | undefined;

  constructor(
    private readonly sleutels: KetenSleutels,
    private readonly aantalKetens: number,
  ) {}

  /** Checks the next line; returns false once a chain is broken (further lines are ignored). */
  volgende(regel: Ketenregel): boolean {
    if (this.breuk) return false;
    const vorige = this.vorige && this.vorige.keten === regel.keten ? this.vorige : undefined;
    const verwacht = vorige ? vorige.volgnummer + 1 : 1;
    const ketenVolgorde = !this.vorige || regel.keten >= this.vorige.keten;
    if (!ketenVolgorde || regel.volgnummer !== verwacht) {
      this.breuk = { keten: regel.keten, volgnummer: verwacht, reden: 'VOLGNUMMER_ONTBREEKT' };
    } else if (regel.vorigeHash !== (vorige ? vorige.hash : GENESIS_HASH)) {
      this.breuk = { keten: regel.keten, volgnummer: regel.volgnummer, reden: 'KETEN_ONDERBROKEN' };
    } else if (
      (regel.sleutelId === undefined && vorige?.sleutelId !== undefined) ||
      (regel.sleutelId !== undefined && regelHash(regel.vorigeHash, regel.volgnummer, regel.regel, this.sleutels, regel.sleutelId) === undefined)
    ) {
      this.breuk = { keten: regel.keten, volgnummer: regel.volgnummer, reden: 'SLEUTEL_ONJUIST' };
    } else if (regel.hash !== regelHash(regel.vorigeHash, regel.volgnummer, regel.regel, this.sleutels, regel.sleutelId)) {
      this.breuk = { keten: regel.keten, volgnummer: regel.volgnummer, reden: 'HASH_ONJUIST' };
    } else if (regel.keten !== 0 && regel.keten !== ketenVoor(regel.regel.betrokkene, this.aantalKetens)) {
      this.breuk = { keten: regel.keten, volgnummer: regel.volgnummer, reden: 'VERKEERDE_KETEN' };
    } else {
      this.vorige = regel;
      this.koppen.set(regel.keten, regel);
      this.aantal += 1;
    }
    return !this.breuk;
  }

  resultaat(): KetenVerificatie {
    if (this.breuk) return { geldig: false, aantal: this.aantal, breuk: this.breuk };
    const koppen = [...this.koppen.values()].map((r) => [r.keten, r.volgnummer, r.hash]);
    return { geldig: true, aantal: this.aantal, kopHash: this.sleutels.sha256(canoniekeJson(koppen)) };
  }
}

/** Verifies all chains, given in ascending (chain, sequence number) order. */
export function verifieerKeten(regels: Iterable<Ketenregel>, sleutels: KetenSleutels, aantalKetens: number): KetenVerificatie {
  const verifier = new KetenVerifier(sleutels, aantalKetens);
  for (const regel of regels) if (!verifier.volgende(regel)) break;
  return verifier.resultaat();
}

/** W3C trace context of the request that caused a processing. */
export interface TraceContext {
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId?: string;
}

/**
 * The log line for a decision. The deelnemer appears only as `pseudoniem(deelnemerId)`; the
 * deciding organisation is the source of the request.
 */
export function regelVoorBesluit(besluit: Besluit, trace: TraceContext, pseudoniem: Pseudonimiseer): Verwerkingsregel {
  const resultaat = uitkomst(besluit);
  return {
    ...trace,
    handeling: 'besluit',
    status: resultaat === 'toegestaan' ? 'ok' : resultaat,
    tijdstip: besluit.op,
    ...(besluit.activiteit ? { verwerkingsactiviteit: besluit.activiteit } : {}),
    betrokkene: pseudoniem(besluit.verzoek.deelnemerId),
    organisatie: besluit.verzoek.bron.organisatie,
    ontvanger: besluit.verzoek.ontvanger.organisatie,
    doel: besluit.verzoek.doel,
    categorieen: besluit.categorieen.map((c) => c.categorie),
    grondslagen: besluit.categorieen.flatMap((c) => c.verleendOp.map((r) => `${c.categorie}:${r}`)),
    toestemmingen: [...new Set(besluit.categorieen.flatMap((c) => (c.toestemming.status === 'verleend' ? c.toestemming.toestemmingen : [])))],
  };
}

const TRACE_ID = /^[0-9a-f]{32}$/;
const SPAN_ID = /^[0-9a-f]{16}$/;

/** True for a valid W3C trace context (not all zeros). */
export function isGeldigeTrace(trace: TraceContext): boolean {
  return (
    TRACE_ID.test(trace.traceId) &&
    !/^0+$/.test(trace.traceId) &&
    SPAN_ID.test(trace.spanId) &&
    !/^0+$/.test(trace.spanId) &&
    (trace.parentSpanId === undefined || SPAN_ID.test(trace.parentSpanId))
  );
}
