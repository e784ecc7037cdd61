import { Besluit, uitkomst } from './besluit';
import { DataCategorie } from './data-categorie';

/** Port: SHA-256 of a UTF-8 string as 64 lowercase hex characters. Supplied from outside the pure domain. */
export type Sha256 = (input: string) => string;

/**
 * Port: the keyed pseudonym of a deelnemer id in the processing log (LDV
 * `dpl.core.data_subject_id`). Deterministic per key, so the inzage can find a deelnemer's lines,
 * and not reversible without the key.
 */
export type Pseudonimiseer = (deelnemerId: string) => string;

/** The hash the first line of the chain points back to. */
export const GENESIS_HASH = '0'.repeat(64);

/** What a line in the processing log records (Logboek Dataverwerkingen core fields). */
export type Handeling =
  | 'besluit'
  | 'verstrekking'
  | 'raadpleging'
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

/** A stored line: content plus its place in the hash chain. */
export interface Ketenregel {
  readonly volgnummer: number;
  readonly vorigeHash: string;
  readonly hash: string;
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

/** The hash of a line: SHA-256 over the previous hash, the sequence number and the canonical content. */
export function regelHash(vorigeHash: string, volgnummer: number, regel: Verwerkingsregel, sha256: Sha256): string {
  return sha256(`${vorigeHash}\n${volgnummer}\n${canoniekeJson(regel)}`);
}

/** Appends a line after `vorige` (undefined for the first line of the chain). */
export function volgendeSchakel(vorige: Pick<Ketenregel, 'volgnummer' | 'hash'> | undefined, regel: Verwerkingsregel, sha256: Sha256): Ketenregel {
  const volgnummer = vorige ? vorige.volgnummer + 1 : 1;
  const vorigeHash = vorige ? vorige.hash : GENESIS_HASH;
  return { volgnummer, vorigeHash, hash: regelHash(vorigeHash, volgnummer, regel, sha256), regel };
}

/** The outcome of verifying the chain. `kopHash` can be published as an external anchor, which also makes truncation of the tail detectable. */
export type KetenVerificatie =
  | { readonly geldig: true; readonly aantal: number; readonly kopHash: string }
  | {
      readonly geldig: false;
      readonly aantal: number;
      readonly breuk: {
        readonly volgnummer: number;
        readonly reden: 'VOLGNUMMER_ONTBREEKT' | 'KETEN_ONDERBROKEN' | 'HASH_ONJUIST';
      };
    };

/** Incremental verifier: feed lines in ascending sequence order, then read the result. */
export class KetenVerifier {
  private vorige: Ketenregel | undefined;
  private aantal = 0;
  private breuk: { volgnummer: number; reden: 'VOLGNUMMER_ONTBREEKT' | 'KETEN_ONDERBROKEN' | 'HASH_ONJUIST' } | undefined;

  constructor(private readonly sha256: Sha256) {}

  /** Checks the next line; returns false once the chain is broken (further lines are ignored). */
  volgende(regel: Ketenregel): boolean {
    if (this.breuk) return false;
    const vorige = this.vorige;
    const verwacht = vorige ? vorige.volgnummer + 1 : 1;
    if (regel.volgnummer !== verwacht) {
      this.breuk = { volgnummer: verwacht, reden: 'VOLGNUMMER_ONTBREEKT' };
    } else if (regel.vorigeHash !== (vorige ? vorige.hash : GENESIS_HASH)) {
      this.breuk = { volgnummer: regel.volgnummer, reden: 'KETEN_ONDERBROKEN' };
    } else if (regel.hash !== regelHash(regel.vorigeHash, regel.volgnummer, regel.regel, this.sha256)) {
      this.breuk = { volgnummer: regel.volgnummer, reden: 'HASH_ONJUIST' };
    } else {
      this.vorige = regel;
      this.aantal += 1;
    }
    return !this.breuk;
  }

  resultaat(): KetenVerificatie {
    return this.breuk
      ? { geldig: false, aantal: this.aantal, breuk: this.breuk }
      : { geldig: true, aantal: this.aantal, kopHash: this.vorige ? this.vorige.hash : GENESIS_HASH };
  }
}

/**
 * Verifies a chain given in ascending sequence order: sequence numbers run 1, 2, 3 … without
 * gaps (a deleted line shows), each line points to its predecessor's hash (a reordered or
 * inserted line shows), and each hash matches its content (an edited line shows).
 */
export function verifieerKeten(regels: Iterable<Ketenregel>, sha256: Sha256): KetenVerificatie {
  const verifier = new KetenVerifier(sha256);
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
    toestemmingen: [
      ...new Set(besluit.categorieen.flatMap((c) => (c.toestemming.status === 'verleend' ? c.toestemming.toestemmingen : []))),
    ],
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
