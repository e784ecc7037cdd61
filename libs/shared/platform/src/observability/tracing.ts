import { context, propagation, type Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import { BatchSpanProcessor, SimpleSpanProcessor, type SpanExporter, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_HTTP_REQUEST_METHOD, ATTR_HTTP_RESPONSE_STATUS_CODE, ATTR_HTTP_ROUTE, ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { METRICS_PATH, routeTemplateOf } from './metrics';

/** How a process exports its spans. */
export interface TracingOptions {
  /** `service.name` of the spans. */
  readonly service: string;
  /** `OTEL_EXPORTER_OTLP_ENDPOINT` (OTLP/HTTP base URL; spans go to `<endpoint>/v1/traces`); unset: spans are not exported. */
  readonly otlpEndpoint?: string;
  /** A span exporter of the caller (tests: an in-memory exporter), exported span by span. */
  readonly exporter?: SpanExporter;
}

interface Tracing {
  readonly provider: NodeTracerProvider;
  readonly resource: Resource;
  readonly processor: SpanProcessor;
}

let current: Tracing | undefined;

/** Fans one span out to every processor (the OTLP exporter and a test's exporter). */
class FanOutProcessor implements SpanProcessor {
  constructor(private readonly processors: readonly SpanProcessor[]) {}
  onStart(...args: Parameters<SpanProcessor['onStart']>): void {
    for (const p of this.processors) p.onStart(...args);
  }
  onEnd(...args: Parameters<SpanProcessor['onEnd']>): void {
    for (const p of this.processors) p.onEnd(...args);
  }
  async forceFlush(): Promise<void> {
    await Promise.all(this.processors.map((p) => p.forceFlush()));
  }
  async shutdown(): Promise<void> {
    await Promise.all(this.processors.map((p) => p.shutdown()));
  }
}

/**
 * OpenTelemetry tracing for this process: the W3C trace context propagator, an
 * AsyncLocalStorage context manager and a tracer provider that exports over OTLP/HTTP when
 * `otlpEndpoint` is set. Spans are made (and their ids propagated and logged) either way; only
 * export is off without an endpoint. Called once per process; a second call returns the first setup.
 */
export function startTracing(options: TracingOptions): { readonly resource: Resource; readonly processor: SpanProcessor } {
  if (current) return current;
  const resource = Resource.default().merge(new Resource({ [ATTR_SERVICE_NAME]: options.service }));
  const processors: SpanProcessor[] = [
    ...(options.otlpEndpoint ? [new BatchSpanProcessor(new OTLPTraceExporter({ url: `${options.otlpEndpoint.replace(/\/+$/, '')}/v1/traces` }))] : []),
    ...(options.exporter ? [new SimpleSpanProcessor(options.exporter)] : []),
  ];
  const processor = new FanOutProcessor(processors);
  const provider = new NodeTracerProvider({ resource, spanProcessors: [processor] });
  provider.register();
  current = { provider, resource, processor };
  return current;
}

/** Flushes and stops the exporter (at shutdown). */
export async function stopTracing(): Promise<void> {
  const tracing = current;
  current = undefined;
  await tracing?.provider.shutdown();
  trace.disable();
  propagation.disable();
  context.disable();
}

/** The trace id of the active span, if any (a request's, an activity's). */
export function activeTraceId(): string | undefined {
  const span = trace.getActiveSpan();
  return span && span.spanContext().traceId !== '00000000000000000000000000000000' ? span.spanContext().traceId : undefined;
}

/** The W3C `traceparent` of the active span, for an outgoing call; undefined outside a span. */
export function activeTraceparent(): string | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier['traceparent'];
}

const SERVER_SPAN = Symbol('ketenregie.serverSpan');

/** The server span of a request the {@link traceRequests} middleware started. */
export function requestSpan(req: IncomingMessage): Span | undefined {
  return (req as IncomingMessage & { [SERVER_SPAN]?: Span })[SERVER_SPAN];
}

/**
 * Express middleware, mounted before the request logger: continues the caller's trace from a
 * valid `traceparent` (or starts one), opens a server span for the request, makes it the active
 * context for everything the request does, and rewrites `traceparent` to that span, so the
 * request logger logs the OTel trace id as `traceId`, the processing log stores it, and the
 * gateway's proxy forwards it as the parent of the service's span. Health probes and `/metrics`
 * are not traced.
 */
export function traceRequests(service: string) {
  const tracer = trace.getTracer(service);
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    const path = (req.url ?? '').split('?')[0];
    if (path.startsWith('/health/') || path === METRICS_PATH) return next();
    const parent = propagation.extract(context.active(), req.headers);
    const span = tracer.startSpan(`${req.method ?? 'GET'}`, { kind: SpanKind.SERVER, attributes: { [ATTR_HTTP_REQUEST_METHOD]: req.method ?? 'GET' } }, parent);
    const active = trace.setSpan(parent, span);
    const carrier: Record<string, string> = {};
    propagation.inject(active, carrier);
    if (carrier['traceparent']) req.headers['traceparent'] = carrier['traceparent'];
    (req as IncomingMessage & { [SERVER_SPAN]?: Span })[SERVER_SPAN] = span;
    res.once('finish', () => {
      const route = routeTemplateOf(req);
      span.updateName(`${req.method ?? 'GET'} ${route}`);
      span.setAttribute(ATTR_HTTP_ROUTE, route);
      span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, res.statusCode);
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    });
    context.with(active, next);
  };
}
