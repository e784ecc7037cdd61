import { activityDuration, isDraining, METRICS_PATH, type MetricsAccess, serveMetrics } from '@ketenregie/shared-platform';
import { OpenTelemetryPlugin } from '@temporalio/interceptors-opentelemetry';
import type { ActivityExecuteInput, ActivityInboundCallsInterceptor, ActivityInterceptorsFactory, Next } from '@temporalio/worker';
import { ApplicationFailure } from '@temporalio/common';
import { activityInfo } from '@temporalio/activity';
import type { Resource } from '@opentelemetry/resources';
import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Counts every activity execution in `ketenregie_activity_duration_seconds` (outcome `ok`, `retry` or `failed`). */
class ActivityMetricsInterceptor implements ActivityInboundCallsInterceptor {
  async execute(input: ActivityExecuteInput, next: Next<ActivityInboundCallsInterceptor, 'execute'>): Promise<unknown> {
    const info = activityInfo();
    const end = activityDuration.startTimer({ activity: info.activityType, task_queue: info.taskQueue });
    try {
      const result = await next(input);
      end({ outcome: 'ok' });
      return result;
    } catch (error) {
      end({ outcome: error instanceof ApplicationFailure && error.nonRetryable ? 'failed' : 'retry' });
      throw error;
    }
  }
}

/** The worker's activity interceptors: metrics (the OpenTelemetry spans come with {@link tracingPlugin}). */
export const activityMetrics: ActivityInterceptorsFactory = () => ({ inbound: new ActivityMetricsInterceptor() });

/** Temporal's OpenTelemetry plugin: client, workflow and activity spans, workflow spans exported through a sink. */
export function tracingPlugin(tracing: { readonly resource: Resource; readonly processor: SpanProcessor }): OpenTelemetryPlugin {
  return new OpenTelemetryPlugin({ resource: tracing.resource, spanProcessor: tracing.processor });
}

/**
 * The worker's small HTTP listener: `GET /metrics` (the process's metrics followed by the Temporal
 * SDK's own, read from the Runtime's Prometheus exporter at `sdkMetricsUrl`), `/health/live`, and
 * `/health/ready` (200 while the workers poll, 503 once shutdown began).
 */
export async function startWorkerHttp(options: {
  readonly host: string;
  readonly port: number;
  readonly access: MetricsAccess;
  readonly sdkMetricsUrl: string;
  readonly ready: () => boolean;
}): Promise<Server> {
  const sdkMetrics = async () => (await fetch(options.sdkMetricsUrl, { signal: AbortSignal.timeout(2_000) })).text();
  const server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (req.method === 'GET' && path === METRICS_PATH) return void serveMetrics(req, res, options.access, sdkMetrics);
    if (req.method === 'GET' && path === '/health/live') return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    if (req.method === 'GET' && path === '/health/ready') {
      const ready = options.ready() && !isDraining();
      return void res
        .writeHead(ready ? 200 : 503, { 'content-type': 'application/json' })
        .end(JSON.stringify({ status: ready ? 'ok' : isDraining() ? 'shutting_down' : 'error' }));
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  return server;
}

/** A free TCP port on 127.0.0.1 (for the Temporal Runtime's Prometheus exporter, which only this process reads). */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
