/**
 * Which service owns which `/api/v1/<resource>`. The gateway proxies a request to the service
 * whose route matches; everything else under `/api/v1` is the gateway's own (OpenAPI, docs)
 * or 404. Adding a service: one entry in {@link GATEWAY_SERVICES} and its resources here.
 */
export const GATEWAY_SERVICES = {
  'consent-service': { urlKey: 'CONSENT_SERVICE_URL', defaultUrl: 'http://127.0.0.1:8082' },
  'monitor-service': { urlKey: 'MONITOR_SERVICE_URL', defaultUrl: 'http://127.0.0.1:8084' },
  'exchange-service': { urlKey: 'EXCHANGE_SERVICE_URL', defaultUrl: 'http://127.0.0.1:8083' },
  'traject-service': { urlKey: 'TRAJECT_SERVICE_URL', defaultUrl: 'http://127.0.0.1:8081' },
  'plaatsing-service': { urlKey: 'PLAATSING_SERVICE_URL', defaultUrl: 'http://127.0.0.1:8085' },
} as const;

/** A service the gateway routes to. */
export type ServiceName = keyof typeof GATEWAY_SERVICES;

/** One routed resource. */
export interface Route {
  /**
   * Path prefix, e.g. `/api/v1/organisaties`; matches the prefix itself and everything below
   * it. Routes are tried in order: put a more specific one (`/api/v1/deelnemers/:id/inzage`)
   * before a more general one of another service.
   */
  readonly prefix: string;
  readonly service: ServiceName;
}

export const ROUTE_TABLE: readonly Route[] = [
  { prefix: '/api/v1/toestemmingen', service: 'consent-service' },
  { prefix: '/api/v1/herinneringen', service: 'consent-service' },
  { prefix: '/api/v1/toestemming-gebeurtenissen', service: 'consent-service' },
  { prefix: '/api/v1/besluiten', service: 'consent-service' },
  { prefix: '/api/v1/verwerkingen', service: 'consent-service' },
  { prefix: '/api/v1/verwerkingsregister', service: 'consent-service' },
  { prefix: '/api/v1/vrijgaveprofielen', service: 'consent-service' },
  { prefix: '/api/v1/deelnemers/:id/inzage', service: 'consent-service' },
  { prefix: '/api/v1/organisaties', service: 'monitor-service' },
  { prefix: '/api/v1/stuurgroepen', service: 'monitor-service' },
  { prefix: '/api/v1/convenanten', service: 'monitor-service' },
  { prefix: '/api/v1/indicatoren', service: 'monitor-service' },
  { prefix: '/api/v1/pilots', service: 'monitor-service' },
  { prefix: '/api/v1/inbox', service: 'exchange-service' },
  { prefix: '/api/v1/overdrachten', service: 'exchange-service' },
  { prefix: '/api/v1/verwijzingen', service: 'exchange-service' },
  { prefix: '/api/v1/abonnementen', service: 'exchange-service' },
  { prefix: '/api/v1/exchange-gebeurtenissen', service: 'exchange-service' },
  { prefix: '/api/v1/programmas', service: 'traject-service' },
  // After consent's /deelnemers/:id/inzage: the rest of /deelnemers belongs to traject-service.
  { prefix: '/api/v1/deelnemers', service: 'traject-service' },
  { prefix: '/api/v1/trajecten', service: 'traject-service' },
  { prefix: '/api/v1/taken', service: 'traject-service' },
  { prefix: '/api/v1/signalen', service: 'traject-service' },
  { prefix: '/api/v1/caseload-overdrachten', service: 'traject-service' },
  { prefix: '/api/v1/werkgevers', service: 'plaatsing-service' },
  { prefix: '/api/v1/werkgeversoverzicht', service: 'plaatsing-service' },
  { prefix: '/api/v1/vacatures', service: 'plaatsing-service' },
  { prefix: '/api/v1/plaatsingen', service: 'plaatsing-service' },
  { prefix: '/api/v1/plaatsing-gebeurtenissen', service: 'plaatsing-service' },
  { prefix: '/api/v1/traject-gebeurtenissen', service: 'traject-service' },
  { prefix: '/api/v1/codec', service: 'traject-service' },
];

/**
 * True when `path` (no query string) is `prefix` or lies below it. A `:name` segment of the
 * prefix matches any one segment, so `/api/v1/deelnemers/:id/inzage` can be routed apart
 * from `/api/v1/deelnemers` (OpenAPI's `{id}` segments match it too).
 */
export function matchesPrefix(path: string, prefix: string): boolean {
  const want = prefix.split('/');
  const have = path.split('/');
  if (have.length < want.length) return false;
  return want.every((segment, i) => (segment.startsWith(':') ? have[i] !== '' : segment === have[i]));
}

/** The route owning `url` (query string allowed), if any. */
export function routeFor(url: string, routes: readonly Route[] = ROUTE_TABLE): Route | undefined {
  const path = url.split('?')[0];
  return routes.find((route) => matchesPrefix(path, route.prefix));
}

/** Service base URLs, resolved from configuration. */
export type ServiceUrls = Readonly<Record<ServiceName, string>>;
