/**
 * Which service owns which `/api/v1/<resource>`. The gateway proxies a request to the service
 * whose route matches; everything else under `/api/v1` is the gateway's own (OpenAPI, docs)
 * or 404. Adding a service: one entry in {@link GATEWAY_SERVICES} and its resources here.
 */
export const GATEWAY_SERVICES = {
  'monitor-service': { urlKey: 'MONITOR_SERVICE_URL', defaultUrl: 'http://127.0.0.1:8084' },
} as const;

/** A service the gateway routes to. */
export type ServiceName = keyof typeof GATEWAY_SERVICES;

/** One routed resource. */
export interface Route {
  /** Path prefix, e.g. `/api/v1/organisaties`; matches the prefix itself and everything below it. */
  readonly prefix: string;
  readonly service: ServiceName;
}

export const ROUTE_TABLE: readonly Route[] = [
  { prefix: '/api/v1/organisaties', service: 'monitor-service' },
  { prefix: '/api/v1/stuurgroepen', service: 'monitor-service' },
];

/** True when `path` (no query string) is `prefix` or lies below it. */
export function matchesPrefix(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`);
}

/** The route owning `url` (query string allowed), if any. */
export function routeFor(url: string, routes: readonly Route[] = ROUTE_TABLE): Route | undefined {
  const path = url.split('?')[0];
  return routes.find((route) => matchesPrefix(path, route.prefix));
}

/** Service base URLs, resolved from configuration. */
export type ServiceUrls = Readonly<Record<ServiceName, string>>;
