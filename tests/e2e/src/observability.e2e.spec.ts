import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
// The orchestrator behind `npm start`, used as-is: same steps, free ports, a temporary data dir.
import { freePorts, startStack } from '@ketenregie/start';
import { demoDeelnemer, demoToestemmingVoorOverdracht, demoTrajectAanvraag } from './deelnemer';
import { devTokens } from './dev-tokens';
import { START_TIMEOUT, freshMachineEnv } from './fresh-machine';

interface Stack {
  url: string;
  env: NodeJS.ProcessEnv;
  metricsUrls: Record<string, string>;
  stop(): Promise<void>;
}

interface ReceivedSpan {
  readonly service: string;
  readonly name: string;
  readonly traceId: string;
}

type OtlpValue = { stringValue?: string };
interface OtlpTraces {
  resourceSpans?: { resource?: { attributes?: { key: string; value: OtlpValue }[] }; scopeSpans?: { spans?: { traceId: string; name: string }[] }[] }[];
}

/** A minimal OTLP/HTTP (JSON) collector: what every process of the stack exports lands here. */
function otlpReceiver(): Promise<{ server: Server; endpoint: string; spans: ReceivedSpan[] }> {
  const spans: ReceivedSpan[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as OtlpTraces;
        for (const rs of body.resourceSpans ?? []) {
          const service = rs.resource?.attributes?.find((a) => a.key === 'service.name')?.value.stringValue ?? '?';
          for (const ss of rs.scopeSpans ?? []) for (const s of ss.spans ?? []) spans.push({ service, name: s.name, traceId: s.traceId });
        }
      } catch {
        // not JSON: ignored
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, spans })),
  );
}

/** The metrics every app must expose (besides the request latency histogram and Node's own). */
const EXPECTED: Record<string, readonly RegExp[]> = {
  gateway: [],
  'traject-service': [
    /^# TYPE ketenregie_trajecten_open gauge/m,
    /^# TYPE ketenregie_deadlines_overdue gauge/m,
    /^ketenregie_outbox_head\{outbox="traject"\}/m,
  ],
  'consent-service': [/^# TYPE ketenregie_consent_decisions_total counter/m, /^ketenregie_outbox_head\{outbox="toestemming"\}/m],
  'exchange-service': [/^ketenregie_outbox_lag_seconds\{outbox="exchange"\}/m, /^ketenregie_outbox_pending\{outbox="exchange"\}/m],
  'plaatsing-service': [/^ketenregie_outbox_lag_seconds\{outbox="plaatsing"\}/m],
  'monitor-service': [/^# TYPE ketenregie_feed_position gauge/m],
  worker: [/^# TYPE ketenregie_activity_duration_seconds histogram/m, /^temporal_workflow_task_execution_latency/m, /^temporal_activity_execution_latency/m],
};

describe('observability of the whole stack: /metrics of every app, one trace from the gateway through Temporal into the processing log', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ketenregie-e2e-observability-'));
  let stack: Stack;
  let receiver: Awaited<ReturnType<typeof otlpReceiver>>;
  const devToken = devTokens(() => stack.url);
  const gemeente = { organisatie: 'gemeente-dommeldal', rol: 'klantmanager' };
  const coach = { organisatie: 'werkbrug-dommeldal', rol: 'coach' };
  /** Trace id of every gateway answer this test received, by request. */
  const traces = new Map<string, string>();

  async function call<T>(wie: { organisatie: string; rol: string }, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const response = await fetch(`${stack.url}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${await devToken(wie)}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const traceId = response.headers.get('x-trace-id');
    if (traceId) traces.set(`${method} ${path}`, traceId);
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  }

  beforeAll(async () => {
    receiver = await otlpReceiver();
    const ports = await freePorts();
    stack = (await startStack({
      env: { ...freshMachineEnv(), OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint },
      dataDir,
      ...ports,
      portal: false,
      // A loaded two-core machine: more time for each part than the defaults.
      timeouts: { service: 240_000, worker: 420_000, gateway: 180_000, seed: 300_000 },
    })) as Stack;
  }, 2 * START_TIMEOUT);

  afterAll(async () => {
    await stack?.stop();
    await new Promise((resolve) => receiver?.server.close(resolve));
    if (!process.env['E2E_KEEP']) rmSync(dataDir, { recursive: true, force: true });
  }, 90_000);

  it('a handover: the trace id of a gateway request is the processing log line’s and the workflow activity span’s', async () => {
    const deelnemer = await call<{ id: string }>(gemeente, 'POST', '/deelnemers', demoDeelnemer());
    expect(deelnemer.status).toBe(201);
    const traject = await call<{ id: string }>(gemeente, 'POST', '/trajecten', demoTrajectAanvraag(deelnemer.body.id));
    expect(traject.status).toBe(201);
    const contact = await call<{ fase: string }>(coach, 'POST', `/trajecten/${traject.body.id}/contactpogingen`, {
      kanaal: 'telefoon',
      uitkomst: 'afspraak-gemaakt',
    });
    expect(contact.body.fase).toBe('kennismaking');
    const toestemming = await call(gemeente, 'POST', '/toestemmingen', demoToestemmingVoorOverdracht(deelnemer.body.id, traject.body.id));
    expect(toestemming.status).toBe(201);
    const overdracht = await call<{ id: string }>(gemeente, 'POST', '/overdrachten', {
      deelnemerId: deelnemer.body.id,
      trajectId: traject.body.id,
      ontvanger: { organisatie: 'ggz-zuiderlicht', type: 'ggz' },
      reden: 'ggz-behandeling',
      overTeNemen: ['regie'],
      gegevens: { contact: { naam: 'A. Bakker' } },
    });
    expect(overdracht.status).toBe(201);

    // The handover workflow asks consent-service for a decision in its activity `requestDecision`;
    // consent-service writes the decision to the processing log with the trace id it received.
    const db = new Client({ connectionString: stack.env.DATABASE_URL });
    await db.connect();
    let gevonden: { request: string; traceId: string } | undefined;
    try {
      for (let n = 0; n < 120 && !gevonden; n++) {
        const ids = [...traces.values()];
        const rows = (await db.query('SELECT DISTINCT trace_id FROM consent.verwerking WHERE trace_id = ANY($1)', [ids])).rows as { trace_id: string }[];
        for (const { trace_id } of rows) {
          const activity = receiver.spans.find((s) => s.traceId === trace_id && s.service === 'worker' && s.name === 'RunActivity:requestDecision');
          const request = [...traces.entries()].find(([, t]) => t === trace_id)?.[0];
          if (activity && request) gevonden = { request, traceId: trace_id };
        }
        if (!gevonden) await new Promise((r) => setTimeout(r, 1_000));
      }
    } finally {
      await db.end();
    }
    expect(gevonden).toBeDefined();
    // Every app exports its spans in batches (every few seconds): wait until the gateway's and
    // consent-service's spans of this trace have arrived too.
    const vanTrace = () => receiver.spans.filter((s) => s.traceId === gevonden?.traceId);
    for (let n = 0; n < 30 && !['gateway', 'consent-service'].every((dienst) => vanTrace().some((s) => s.service === dienst)); n++) {
      await new Promise((r) => setTimeout(r, 1_000));
    }
    const trace = vanTrace();
    // The one trace: the gateway's server span, the services' spans, the workflow and its activity.
    expect(trace.some((s) => s.service === 'gateway')).toBe(true);
    expect(trace.some((s) => s.service === 'consent-service')).toBe(true);
    expect(trace.some((s) => s.service === 'worker' && s.name === 'RunActivity:requestDecision')).toBe(true);
    process.stdout.write(
      `trace ${gevonden?.traceId} of "${gevonden?.request}": ${[...new Set(trace.map((s) => `${s.service}: ${s.name}`))].slice(0, 25).join('; ')}\n`,
    );
  }, 240_000);

  it('every app serves /metrics with its named metrics; the gateway does not route /metrics to a service', async () => {
    expect(Object.keys(stack.metricsUrls).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const [app, url] of Object.entries(stack.metricsUrls)) {
      const res = await fetch(url);
      expect([app, res.status]).toEqual([app, 200]);
      const text = await res.text();
      for (const pattern of [/^# TYPE ketenregie_http_request_duration_seconds histogram/m, /^ketenregie_process_resident_memory_bytes/m, ...EXPECTED[app]]) {
        expect([app, pattern.test(text) ? 'found' : `missing ${pattern}`]).toEqual([app, 'found']);
      }
    }
    const viaGateway = await fetch(`${stack.url}/api/v1/metrics`);
    expect(viaGateway.status).not.toBe(200);
  }, 60_000);
});
