import type { INestApplication } from '@nestjs/common';
import { formatTraceparent, getTraceId, setRouteTemplate } from '@ketenregie/shared-platform';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { createProxyMiddleware } from 'http-proxy-middleware';
import type { Logger } from 'pino';
import { type Route, routeFor, type ServiceName, type ServiceUrls } from './route-table';

/** RFC 9457 body for a service that cannot be reached. */
function badGateway(res: ServerResponse | Socket, service: ServiceName, traceId: string | undefined): void {
  if (!('writeHead' in res) || res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(502, { 'content-type': 'application/problem+json' });
  res.end(
    JSON.stringify({
      type: 'about:blank',
      title: 'Bad Gateway',
      status: 502,
      code: 'GATEWAY.SERVICE_UNAVAILABLE',
      detail: `${service} is not reachable`,
      ...(traceId ? { traceId } : {}),
    }),
  );
}

/**
 * Mounts the reverse proxy in front of Nest's router and body parsers (call before
 * `app.init()`), so request bodies stream through untouched. A routed request is logged with
 * the platform's request logger (it never reaches Nest's), gets a trace id, and is forwarded
 * with its path unchanged and the trace id as a W3C `traceparent`.
 */
export function mountServiceProxies(
  app: INestApplication,
  routes: readonly Route[],
  urls: ServiceUrls,
  logger: Logger,
  requestLogger: (req: IncomingMessage, res: ServerResponse, next: () => void) => void,
): void {
  const proxies = new Map<ServiceName, ReturnType<typeof createProxyMiddleware<IncomingMessage, ServerResponse>>>();
  for (const service of new Set(routes.map((r) => r.service))) {
    proxies.set(
      service,
      createProxyMiddleware<IncomingMessage, ServerResponse>({
        target: urls[service],
        changeOrigin: true,
        xfwd: true,
        on: {
          proxyReq: (proxyReq, req) => {
            // The gateway's server span (traceRequests put it in the request's traceparent) is the service span's parent.
            if (req.headers['traceparent']) return;
            const traceId = getTraceId(req);
            if (traceId) proxyReq.setHeader('traceparent', formatTraceparent(traceId));
          },
          error: (error, req, res) => {
            logger.warn({ service, err: { message: error.message, code: (error as NodeJS.ErrnoException).code } }, 'proxy error');
            badGateway(res, service, getTraceId(req));
          },
        },
      }),
    );
  }
  app.use((req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => {
    const route = routeFor(req.url ?? '', routes);
    if (!route) return next();
    const proxy = proxies.get(route.service);
    if (!proxy) return next();
    setRouteTemplate(req, `${route.prefix}/**`);
    requestLogger(req, res, () => void proxy(req, res, next));
  });
}
