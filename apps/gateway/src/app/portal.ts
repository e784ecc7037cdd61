import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import compression from 'compression';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Paths the portal never answers: the API, authentication, health and the portal's configuration. */
const GATEWAY_PREFIXES = ['/api/', '/auth/', '/health/'];
/** Where the portal's client-side configuration is served (see PortalConfigController). */
export const PORTAL_CONFIG_PATH = '/portal-config.json';

const NOT_BUILT = `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>Ketenregie</title></head>
<body><h1>Ketenregie</h1>
<p>Het portaal is nog niet gebouwd. Bouw het met <code>npx nx run portal:build</code> (dat doet <code>npm start</code> ook) en laad deze pagina opnieuw.</p>
<p><a href="/api/v1/docs">API-documentatie</a></p>
</body></html>
`;

/** True for a path the single-page app routes itself: no gateway prefix and no file extension. */
export function isPortalRoute(path: string): boolean {
  if (path === '/api' || path === '/auth' || path === '/health' || path === PORTAL_CONFIG_PATH) return false;
  if (GATEWAY_PREFIXES.some((prefix) => path.startsWith(prefix))) return false;
  return !/\.[A-Za-z0-9]+$/.test(path.split('/').pop() ?? '');
}

/**
 * Serves the built portal (apps/portal, built to `dir`) at `/`, compressed: its hashed assets with a long
 * cache lifetime, and `index.html` for every client-side route (SPA fallback) so a reload or a
 * bookmark of `/trajecten/…` works. `/api/*`, `/auth/*` and `/health/*` stay the gateway's. When
 * the portal has not been built, `/` says how to build it instead.
 */
export function mountPortal(app: INestApplication, dir: string): void {
  const root = resolve(dir);
  const index = join(root, 'index.html');
  const express = app as NestExpressApplication;
  // Mounted after the service proxies, so it compresses the portal and the gateway's own
  // answers, never a proxied stream.
  express.use(compression());
  express.useStaticAssets(join(root, 'assets'), { prefix: '/assets/', immutable: true, maxAge: '365d', fallthrough: true, index: false });
  express.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !isPortalRoute(req.path)) return next();
    res.setHeader('cache-control', 'no-cache');
    if (!existsSync(index)) {
      res.status(503).type('html').send(NOT_BUILT);
      return;
    }
    res.sendFile(index);
  });
  express.useStaticAssets(root, { index: false, maxAge: '1h' });
}
