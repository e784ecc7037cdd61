import type { INestApplication } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { METRICS_PATH, type MetricsAccess, requestMetrics, serveMetrics } from './metrics';
import { startTracing, traceRequests } from './tracing';

/** What {@link mountObservability} needs: the service name and the observability settings of its configuration. */
export interface ObservabilityOptions {
  readonly service: string;
  /** `METRICS_TOKEN`: `/metrics` needs it as a bearer token. */
  readonly metricsToken?: string;
  /** `false`: `/metrics` answers 404 (the public gateway in distributed mode without `METRICS_TOKEN`). */
  readonly metricsEnabled?: boolean;
  /** `OTEL_EXPORTER_OTLP_ENDPOINT`. */
  readonly otlpEndpoint?: string;
}

/**
 * Traces and metrics of an HTTP app, mounted before everything else (so the request logger logs
 * the OTel trace id): a server span per request, the request latency histogram, and
 * `GET /metrics` (outside `/api/v1`, outside authentication and the request limit; see
 * docs/operations.md for who may reach it).
 */
export function mountObservability(app: INestApplication, options: ObservabilityOptions): void {
  startTracing({ service: options.service, ...(options.otlpEndpoint ? { otlpEndpoint: options.otlpEndpoint } : {}) });
  const access: MetricsAccess = {
    ...(options.metricsToken ? { token: options.metricsToken } : {}),
    ...(options.metricsEnabled === false ? { enabled: false } : {}),
  };
  app.use(traceRequests(options.service));
  app.use(requestMetrics());
  app.getHttpAdapter().get(METRICS_PATH, (req: IncomingMessage, res: ServerResponse) => void serveMetrics(req, res, access));
}
