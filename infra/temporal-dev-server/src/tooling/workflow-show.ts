/**
 * `temporal-dev-server workflow show`: an operator's view of one workflow's history, with every
 * payload decoded through a codec server (Temporal's codec server protocol: `POST <endpoint>/decode`
 * with `{ payloads: [{ metadata: {k: base64}, data: base64 }] }`). Ketenregie's payloads are
 * encrypted per deelnemer; its codec endpoint (`/api/v1/codec` at the gateway) decodes them only
 * for an authorised operator (the gemeente's fg), whose bearer token is passed as `--codec-auth`.
 * Without `--codec-endpoint` the payloads are shown as stored (encrypted). The server itself never
 * decodes or holds a key.
 */
import { Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';

type Payload = temporal.api.common.v1.IPayload;

/** What `workflow show` needs. */
export interface WorkflowShowOptions {
  readonly address: string;
  readonly namespace: string;
  readonly workflowId: string;
  readonly runId?: string;
  /** Base URL of the codec server (`…/decode` is appended). */
  readonly codecEndpoint?: string;
  /** The `Authorization` header sent to the codec server, e.g. `Bearer <token>`. */
  readonly codecAuth?: string;
}

/** The payloads in a history (objects with `data` bytes), in document order. */
function payloadsIn(value: unknown, out: Payload[] = []): Payload[] {
  if (value && typeof value === 'object') {
    const p = value as Payload;
    if (p.data instanceof Uint8Array && p.metadata && typeof p.metadata === 'object') out.push(p);
    else for (const v of Object.values(value)) payloadsIn(v, out);
  }
  return out;
}

const b64 = (bytes: Uint8Array | null | undefined): string => Buffer.from(bytes ?? new Uint8Array()).toString('base64');

/** Decodes `payloads` in place through the codec server. @throws Error naming the status when the server refuses (401/403 for an operator who may not). */
export async function decodeViaCodecServer(payloads: Payload[], endpoint: string, auth?: string): Promise<void> {
  if (payloads.length === 0) return;
  const response = await fetch(`${endpoint.replace(/\/$/, '')}/decode`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) },
    body: JSON.stringify({
      payloads: payloads.map((p) => ({ metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, b64(v)])), data: b64(p.data) })),
    }),
  });
  if (!response.ok) throw new Error(`codec server answered ${response.status} ${response.statusText}`);
  const { payloads: decoded } = (await response.json()) as { payloads: { metadata?: Record<string, string>; data?: string }[] };
  if (!Array.isArray(decoded) || decoded.length !== payloads.length) throw new Error('codec server returned a different number of payloads');
  decoded.forEach((d, i) => {
    const p = payloads[i] as Payload;
    p.metadata = Object.fromEntries(Object.entries(d.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64')]));
    p.data = Buffer.from(d.data ?? '', 'base64');
  });
}

/** A payload as a reader sees it: JSON or text when its encoding says so, else its encoding and size. */
function render(p: Payload): unknown {
  const encoding = Buffer.from(p.metadata?.['encoding'] ?? new Uint8Array()).toString();
  const data = Buffer.from(p.data ?? new Uint8Array());
  if (encoding === 'json/plain') {
    try {
      return JSON.parse(data.toString('utf8'));
    } catch {
      return data.toString('utf8');
    }
  }
  if (encoding === 'binary/null') return null;
  return { encoding, bytes: data.length };
}

/** Fetches the history (every page), decodes its payloads through the codec server if one is given, and returns it readable. */
export async function workflowShow(options: WorkflowShowOptions): Promise<{ eventId: string; eventType: string; payloads: unknown[] }[]> {
  const connection = await Connection.connect({ address: options.address });
  try {
    const events: temporal.api.history.v1.IHistoryEvent[] = [];
    let nextPageToken: Uint8Array | undefined;
    do {
      const page = await connection.workflowService.getWorkflowExecutionHistory({
        namespace: options.namespace,
        execution: { workflowId: options.workflowId, ...(options.runId ? { runId: options.runId } : {}) },
        ...(nextPageToken ? { nextPageToken } : {}),
      });
      events.push(...(page.history?.events ?? []));
      nextPageToken = page.nextPageToken && page.nextPageToken.length > 0 ? page.nextPageToken : undefined;
    } while (nextPageToken);
    const perEvent = events.map((e) => payloadsIn(e));
    if (options.codecEndpoint) await decodeViaCodecServer(perEvent.flat(), options.codecEndpoint, options.codecAuth);
    return events.map((e, i) => ({
      eventId: String(e.eventId ?? ''),
      eventType: temporal.api.enums.v1.EventType[e.eventType ?? 0] ?? String(e.eventType),
      payloads: (perEvent[i] ?? []).map(render),
    }));
  } finally {
    await connection.close();
  }
}

/** `workflow show --workflow-id W [--run-id R] [--address A] [--namespace N] [--codec-endpoint URL] [--codec-auth "Bearer …"]`; env `TEMPORAL_CODEC_AUTH` for the header. */
export function parseWorkflowShowArgs(argv: readonly string[], env: Record<string, string | undefined> = process.env): WorkflowShowOptions {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = (argv[i] ?? '').split(/=(.*)/s, 2) as [string, string | undefined];
    if (flag.startsWith('--')) flags.set(flag.slice(2), inline ?? argv[++i] ?? '');
  }
  const workflowId = flags.get('workflow-id') ?? flags.get('w');
  if (!workflowId) throw new Error('workflow show needs --workflow-id');
  const codecAuth = flags.get('codec-auth') ?? env['TEMPORAL_CODEC_AUTH'];
  const codecEndpoint = flags.get('codec-endpoint') ?? env['TEMPORAL_CODEC_ENDPOINT'];
  const runId = flags.get('run-id');
  return {
    address: flags.get('address') ?? env['TEMPORAL_ADDRESS'] ?? '127.0.0.1:7233',
    namespace: flags.get('namespace') ?? env['TEMPORAL_NAMESPACE'] ?? 'default',
    workflowId,
    ...(runId ? { runId } : {}),
    ...(codecEndpoint ? { codecEndpoint } : {}),
    ...(codecAuth ? { codecAuth } : {}),
  };
}
