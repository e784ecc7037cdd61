import { DynamicModule, Module } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { assertSchemaName } from '../database/schema';

/** Where every app serves its Prometheus metrics. */
export const METRICS_PATH = '/metrics';

/**
 * The process's one metrics registry: every app (the services, the gateway, the worker) registers
 * here and serves it at {@link METRICS_PATH}. Node's default metrics (heap, event loop lag, GC)
 * are collected with the prefix `ketenregie_`.
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry, prefix: 'ketenregie_' });

/**
 * Latency of every HTTP request an app answers, by route template (`/api/v1/trajecten/:id`, never
 * an id), method and status. Requests that match no route are counted as `unmatched`.
 */
export const httpRequestDuration = new Histogram({
  name: 'ketenregie_http_request_duration_seconds',
  help: 'HTTP request latency by route template, method and status',
  labelNames: ['route', 'method', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});

/** Consent decisions (`besluiten`) taken by consent-service, by outcome (`toegestaan`, `geweigerd`). */
export const consentDecisions = new Counter({
  name: 'ketenregie_consent_decisions_total',
  help: 'Consent decisions taken, by outcome',
  labelNames: ['uitkomst'] as const,
  registers: [metricsRegistry],
});

/** Activity executions in the worker, by activity type, task queue and outcome (`ok`, `retry`, `failed`). */
export const activityDuration = new Histogram({
  name: 'ketenregie_activity_duration_seconds',
  help: 'Temporal activity execution latency by activity type, task queue and outcome',
  labelNames: ['activity', 'task_queue', 'outcome'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
  registers: [metricsRegistry],
});

/** One row of a {@link databaseGauge} query: the labels and the value. */
export type GaugeRow = Record<string, string | number | null>;

/**
 * A gauge whose values are read from the database when Prometheus scrapes (`query` returns one
 * row per label combination, with a numeric `value` column). A failing query leaves the gauge
 * empty for that scrape: metrics never fail a scrape because the database is slow.
 */
export function databaseGauge<L extends string>(definition: {
  readonly name: string;
  readonly help: string;
  readonly labelNames: readonly L[];
  readonly query: () => Promise<readonly GaugeRow[]>;
}): Gauge<L> {
  const existing = metricsRegistry.getSingleMetric(definition.name);
  if (existing) metricsRegistry.removeSingleMetric(definition.name);
  return new Gauge<L>({
    name: definition.name,
    help: definition.help,
    labelNames: definition.labelNames,
    registers: [metricsRegistry],
    async collect() {
      this.reset();
      try {
        for (const row of await definition.query()) {
          const labels = Object.fromEntries(definition.labelNames.map((l) => [l, String(row[l] ?? '')])) as Record<L, string>;
          this.set(labels, Number(row['value'] ?? 0));
        }
      } catch {
        // the database is unavailable or slow: an empty gauge this time, readiness reports the cause
      }
    },
  });
}

/** Who may read `/metrics` (see docs/operations.md). */
export interface MetricsAccess {
  /** When set, `/metrics` needs `Authorization: Bearer <token>`. */
  readonly token?: string;
  /** `false`: `/metrics` answers 404 (the public gateway in distributed mode without a token). */
  readonly enabled?: boolean;
}

function bearerMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(/^Bearer\s+(.+)$/i.exec(header ?? '')?.[1] ?? '');
  const wanted = Buffer.from(token);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

/** Answers a `GET /metrics` with the registry's text exposition (and, from the worker, `extra`). */
export async function serveMetrics(req: IncomingMessage, res: ServerResponse, access: MetricsAccess = {}, extra?: () => Promise<string>): Promise<void> {
  if (access.enabled === false) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
    return;
  }
  if (access.token && !bearerMatches(req.headers.authorization, access.token)) {
    res.writeHead(401, { 'content-type': 'text/plain', 'www-authenticate': 'Bearer' }).end('Unauthorized');
    return;
  }
  const own = await metricsRegistry.metrics();
  const more = extra ? await extra().catch(() => '') : '';
  res.writeHead(200, { 'content-type': metricsRegistry.contentType }).end(more ? `${own}\n${more}` : own);
}

/** The route template of an answered request: Express's matched route, a template set by the app (gateway proxy), else `unmatched`. */
export function routeTemplateOf(req: IncomingMessage): string {
  const r = req as IncomingMessage & { route?: { path?: unknown }; baseUrl?: string; routeTemplate?: string };
  if (typeof r.routeTemplate === 'string') return r.routeTemplate;
  if (r.route && typeof r.route.path === 'string') return `${r.baseUrl ?? ''}${r.route.path}`;
  return 'unmatched';
}

/** Sets the route template a request is counted under (for handlers Express does not route, e.g. the gateway's proxies). */
export function setRouteTemplate(req: IncomingMessage, template: string): void {
  (req as IncomingMessage & { routeTemplate?: string }).routeTemplate = template;
}

/** Express middleware: observes {@link httpRequestDuration} for every request but `/metrics` itself. */
export function requestMetrics() {
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    if ((req.url ?? '').split('?')[0] === METRICS_PATH) return next();
    const end = httpRequestDuration.startTimer();
    res.once('finish', () => end({ route: routeTemplateOf(req), method: req.method ?? 'GET', status: String(res.statusCode) }));
    next();
  };
}

/**
 * Registers a context's database gauges (its data-access lib's `register…Metrics(dataSource)`)
 * once the service's data source exists; import it in the service's root module.
 */
@Module({})
export class DatabaseMetricsModule {
  static forRoot(register: (dataSource: DataSource) => void): DynamicModule {
    return {
      module: DatabaseMetricsModule,
      providers: [{ provide: DATABASE_METRICS, inject: [DataSource], useFactory: (dataSource: DataSource) => register(dataSource) }],
    };
  }
}

const DATABASE_METRICS = Symbol('DATABASE_METRICS');

/** The schema a data source works in (a test's own schema included), quoted for SQL. */
export function quotedSchemaOf(dataSource: DataSource): string {
  return `"${assertSchemaName(String((dataSource.options as { schema?: string }).schema))}"`;
}
