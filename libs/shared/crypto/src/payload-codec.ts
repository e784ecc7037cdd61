import type { Payload, PayloadCodec, SerializationContext } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import type { Sleutelkluis } from './sleutelkluis';

/** `encoding` of a payload this codec encrypted. */
export const VERSLEUTELD_ENCODING = 'binary/encrypted';
/** Payload metadata naming the data key a payload was encrypted with. */
export const SLEUTEL_ID_METADATA = 'encryption-key-id';

const DOEL = 'temporal-payload';
const tekst = (s: string) => new TextEncoder().encode(s);
const uitTekst = (b: Uint8Array | null | undefined) => (b ? Buffer.from(b).toString('utf8') : undefined);

/** The deelnemer whose data a workflow holds, from its id (undefined: none, or unknown). */
export type DeelnemerVanWorkflow = (workflowId: string) => Promise<string | undefined>;

/**
 * Temporal `PayloadCodec` that encrypts every payload (workflow inputs and results, signals,
 * updates, queries, activity inputs and results, memos) with the data key of the deelnemer the
 * workflow belongs to, found from the workflow id of the serialization context. The payload
 * carries the key's id in its metadata, so decoding needs no context, and once the deelnemer is
 * erased their payloads no longer decode anywhere (histories, exports). Payloads of no deelnemer
 * use the system key. Payloads that were not encoded (older histories) pass through unchanged.
 */
export class KluisPayloadCodec implements PayloadCodec {
  private readonly eigenaren = new Map<string, string>();

  constructor(
    private readonly kluis: Sleutelkluis,
    private readonly deelnemerVan: DeelnemerVanWorkflow,
  ) {}

  async encode(payloads: Payload[], context?: SerializationContext): Promise<Payload[]> {
    if (payloads.length === 0) return payloads;
    const deelnemerId = context?.workflowId ? await this.eigenaar(context.workflowId) : undefined;
    return Promise.all(
      payloads.map(async (p) => {
        const klaar = Buffer.from(temporal.api.common.v1.Payload.encode(p).finish());
        const { sleutelId, data } = await this.kluis.versleutelVoor(deelnemerId, DOEL, klaar);
        return { metadata: { encoding: tekst(VERSLEUTELD_ENCODING), [SLEUTEL_ID_METADATA]: tekst(sleutelId) }, data };
      }),
    );
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return Promise.all(
      payloads.map(async (p) => {
        if (uitTekst(p.metadata?.['encoding']) !== VERSLEUTELD_ENCODING || !p.data) return p;
        const klaar = await this.kluis.ontsleutel(DOEL, Buffer.from(p.data));
        return temporal.api.common.v1.Payload.decode(klaar) as Payload;
      }),
    );
  }

  private async eigenaar(workflowId: string): Promise<string | undefined> {
    const bekend = this.eigenaren.get(workflowId);
    if (bekend) return bekend;
    let deelnemerId = await this.kluis.deelnemerVanWorkflow(workflowId);
    if (!deelnemerId) {
      deelnemerId = await this.deelnemerVan(workflowId);
      // Recorded in the key store, so every other process (which may not see this context's tables) finds it too.
      if (deelnemerId) await this.kluis.koppelWorkflow(workflowId, deelnemerId);
    }
    if (deelnemerId) {
      if (this.eigenaren.size > 100_000) this.eigenaren.clear();
      this.eigenaren.set(workflowId, deelnemerId);
    }
    return deelnemerId;
  }
}

/** One payload as Temporal's codec server protocol writes it in JSON: metadata values and data base64. */
export interface JsonPayload {
  readonly metadata?: Readonly<Record<string, string>>;
  readonly data?: string;
}

const vanJson = (p: JsonPayload): Payload => ({
  metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, new Uint8Array(Buffer.from(v, 'base64'))])),
  data: new Uint8Array(Buffer.from(p.data ?? '', 'base64')),
});
const naarJson = (p: Payload): JsonPayload => ({
  metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')])),
  data: Buffer.from(p.data ?? new Uint8Array()).toString('base64'),
});

/** The codec server protocol (`POST /codec/encode`, `/codec/decode`, body `{ payloads: [...] }`) over a codec. */
export async function codecServer(codec: PayloadCodec, richting: 'encode' | 'decode', payloads: readonly JsonPayload[]): Promise<{ payloads: JsonPayload[] }> {
  const invoer = payloads.map(vanJson);
  const uit = richting === 'encode' ? await codec.encode(invoer) : await codec.decode(invoer);
  return { payloads: uit.map(naarJson) };
}

/**
 * The data converter of every Temporal client and worker: the default payload converter, then
 * {@link KluisPayloadCodec}. Failure messages are left as they are (they never hold personal
 * data, by convention), so every tool can read why a workflow failed.
 */
export function kluisDataConverter(kluis: Sleutelkluis, deelnemerVan: DeelnemerVanWorkflow): { payloadCodecs: PayloadCodec[] } {
  return { payloadCodecs: [new KluisPayloadCodec(kluis, deelnemerVan)] };
}

/** Several lookups of a workflow's deelnemer, tried in order (each context knows its own workflow ids). */
export function eersteDeelnemer(...lookups: DeelnemerVanWorkflow[]): DeelnemerVanWorkflow {
  return async (workflowId) => {
    for (const lookup of lookups) {
      const deelnemerId = await lookup(workflowId);
      if (deelnemerId) return deelnemerId;
    }
    return undefined;
  };
}
