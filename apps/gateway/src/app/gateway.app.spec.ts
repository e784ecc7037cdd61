import type { INestApplication } from '@nestjs/common';
import { TokenVerifier } from '@ketenregie/shared-platform';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGateway } from './gateway.app';
import { gatewayConfigSchema } from './gateway.config';

const quiet = { write: () => true };

interface Received {
  method?: string;
  url?: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** Stands in for monitor-service: the registry endpoints, an OpenAPI document, and a recorder. */
async function fakeMonitorService(): Promise<{ server: Server; url: string; received: Received[] }> {
  const received: Received[] = [];
  const organisaties = [
    { id: 'gemeente-x', naam: 'Gemeente X', type: 'gemeente' },
    { id: 'werkgever-y', naam: 'Werkgever Y', type: 'werkgever' },
  ];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ method: req.method, url: req.url, headers: req.headers, body });
      const json = (status: number, value: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(value));
      };
      if (req.url === '/api/v1/organisaties') return json(200, organisaties);
      const one = /^\/api\/v1\/organisaties\/([^/?]+)$/.exec(req.url ?? '');
      if (one) {
        const found = organisaties.find((o) => o.id === decodeURIComponent(one[1]));
        return found ? json(200, found) : json(404, { status: 404 });
      }
      if (req.url === '/openapi.json') {
        return json(200, {
          openapi: '3.0.0',
          info: { title: 'monitor-service', version: '1' },
          paths: { '/api/v1/organisaties': { get: { responses: { '200': { description: 'ok' } } } } },
        });
      }
      if (req.url === '/health/ready') return json(200, { status: 'ok', details: { database: { status: 'up' } } });
      return json(200, { echoed: true });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}

async function start(env: Record<string, string>): Promise<{ app: INestApplication; url: string }> {
  const config = gatewayConfigSchema.parse({ PORT: '0', LOG_LEVEL: 'silent', TEMPORAL_ADDRESS: '127.0.0.1:1', ...env });
  const app = await createGateway(config, { logDestination: quiet });
  await app.listen(0, '127.0.0.1');
  return { app, url: (await app.getUrl()).replace('[::1]', '127.0.0.1') };
}

describe('gateway', () => {
  let monitor: Awaited<ReturnType<typeof fakeMonitorService>>;
  let dataDir: string;
  let portalDir: string;

  beforeAll(async () => {
    monitor = await fakeMonitorService();
    dataDir = mkdtempSync(join(tmpdir(), 'gateway-spec-'));
    // A built portal as Vite leaves it: index.html and hashed assets.
    portalDir = join(dataDir, 'portal');
    mkdirSync(join(portalDir, 'assets'), { recursive: true });
    writeFileSync(join(portalDir, 'index.html'), '<!doctype html><html lang="nl"><body><div id="root"></div></body></html>');
    writeFileSync(join(portalDir, 'assets', 'index-abc123.js'), `export const portaal = ${JSON.stringify('x'.repeat(4096))};`);
  });
  afterAll(async () => {
    await new Promise((resolve) => monitor.server.close(resolve));
    rmSync(dataDir, { recursive: true, force: true });
  });

  describe('in embedded mode', () => {
    let app: INestApplication;
    let url: string;
    beforeAll(async () => {
      ({ app, url } = await start({ KETENREGIE_MODE: 'embedded', KETENREGIE_DATA_DIR: dataDir, MONITOR_SERVICE_URL: monitor.url, PORTAL_DIR: portalDir }));
    });
    afterAll(() => app.close());

    const devToken = (body: unknown) =>
      fetch(`${url}/auth/dev-token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

    it('issues a token for a registered organisation that verifies against the published key set', async () => {
      const response = await devToken({ organisatie: 'gemeente-x', rol: 'klantmanager' });
      expect(response.status).toBe(200);
      const { token } = (await response.json()) as { token: string };
      const verifier = new TokenVerifier({ issuer: 'urn:ketenregie:embedded', audience: 'ketenregie-api', jwksUrl: `${url}/auth/jwks.json` });
      await expect(verifier.verify(token)).resolves.toEqual({
        sub: 'dev:gemeente-x:klantmanager',
        organisatie: 'gemeente-x',
        organisatieType: 'gemeente',
        rol: 'klantmanager',
      });
    });

    it('answers 404 problem+json for an organisation the registry does not know', async () => {
      const response = await devToken({ organisatie: 'bestaat-niet', rol: 'coach' });
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(await response.json()).toMatchObject({ code: 'AUTH.ORGANISATIE_UNKNOWN' });
    });

    it('answers 400 problem+json for a role that does not fit the organisation type, or no role', async () => {
      const misfit = await devToken({ organisatie: 'werkgever-y', rol: 'klantmanager' });
      expect(misfit.status).toBe(400);
      expect(await misfit.json()).toMatchObject({ code: 'AUTH.ROL_NOT_ALLOWED', errors: [{ field: 'rol' }] });
      const missing = await devToken({ organisatie: 'werkgever-y' });
      expect(missing.status).toBe(400);
      expect(missing.headers.get('content-type')).toContain('application/problem+json');
    });

    it('proxies routed paths unchanged, with body and a traceparent, and answers other /api/v1 paths itself', async () => {
      const response = await fetch(`${url}/api/v1/stuurgroepen/sg-1?x=1`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"naam":"S"}',
      });
      expect(await response.json()).toEqual({ echoed: true });
      const last = monitor.received[monitor.received.length - 1];
      expect(last).toMatchObject({ method: 'POST', url: '/api/v1/stuurgroepen/sg-1?x=1', body: '{"naam":"S"}' });
      expect(last.headers['traceparent']).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
      expect(response.headers.get('x-trace-id')).toBe(String(last.headers['traceparent']).split('-')[1]);

      const unrouted = await fetch(`${url}/api/v1/onbekend`);
      expect(unrouted.status).toBe(404);
      expect(unrouted.headers.get('content-type')).toContain('application/problem+json');
    });

    it('publishes the merged OpenAPI document with the service paths and its own', async () => {
      const document = (await (await fetch(`${url}/api/v1/openapi.json`)).json()) as { paths: Record<string, unknown> };
      expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/v1/organisaties', '/auth/dev-token']));
      expect((await fetch(`${url}/api/v1/docs`)).status).toBe(200);
    });

    it('is not ready while Temporal does not answer, and says which part is down', async () => {
      const response = await fetch(`${url}/health/ready`);
      expect(response.status).toBe(503);
      const body = (await response.json()) as { details: Record<string, { status: string }> };
      expect(body.details['temporal'].status).toBe('down');
      expect(body.details['monitor-service'].status).toBe('up');
    }, 15_000);

    it('serves the portal at / and index.html for its client-side routes, and keeps the API its own', async () => {
      const home = await fetch(`${url}/`);
      expect(home.status).toBe(200);
      expect(home.headers.get('content-type')).toContain('text/html');
      expect(await home.text()).toContain('<div id="root">');
      const deepLink = await fetch(`${url}/trajecten/7a1c/tijdlijn`, { headers: { accept: 'text/html' } });
      expect(deepLink.status).toBe(200);
      expect(await deepLink.text()).toContain('<div id="root">');

      const asset = await fetch(`${url}/assets/index-abc123.js`);
      expect(asset.status).toBe(200);
      expect(asset.headers.get('cache-control')).toContain('immutable');
      expect(asset.headers.get('content-encoding')).toBe('gzip');
      expect((await fetch(`${url}/assets/bestaat-niet.js`)).status).toBe(404);

      const api = await fetch(`${url}/api/v1/onbekend`, { headers: { accept: 'text/html' } });
      expect(api.status).toBe(404);
      expect(api.headers.get('content-type')).toContain('application/problem+json');
      expect((await fetch(`${url}/health/live`)).status).toBe(200);
    });

    it('tells the portal it runs in embedded mode', async () => {
      const config = (await (await fetch(`${url}/portal-config.json`)).json()) as {
        modus: string;
        demo: { rollenPerOrganisatieType: Record<string, string[]> };
      };
      expect(config.modus).toBe('embedded');
      expect(config.demo.rollenPerOrganisatieType['gemeente']).toContain('klantmanager');
      expect(config.demo.rollenPerOrganisatieType['werkgever']).not.toContain('klantmanager');
    });
  });

  describe('in distributed mode', () => {
    let app: INestApplication;
    let url: string;
    beforeAll(async () => {
      ({ app, url } = await start({
        KETENREGIE_MODE: 'distributed',
        MONITOR_SERVICE_URL: monitor.url,
        AUTH_ISSUER: 'https://login.example.nl/realms/ketenregie',
        PORTAL_OIDC_CLIENT_ID: 'ketenregie-portal',
        PORTAL_DIR: join(dataDir, 'niet-gebouwd'),
      }));
    });
    afterAll(() => app.close());

    it('has no dev-token endpoint and no key set', async () => {
      const response = await fetch(`${url}/auth/dev-token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ organisatie: 'gemeente-x', rol: 'klantmanager' }),
      });
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect((await fetch(`${url}/auth/jwks.json`)).status).toBe(404);
    });

    it('tells the portal to sign in with OpenID Connect at the configured provider', async () => {
      expect(await (await fetch(`${url}/portal-config.json`)).json()).toEqual({
        modus: 'distributed',
        oidc: { issuer: 'https://login.example.nl/realms/ketenregie', clientId: 'ketenregie-portal', scope: 'openid' },
      });
    });

    it("lets the portal's pages fetch from the OIDC provider, and from nowhere else", async () => {
      const csp = ((await fetch(`${url}/portal-config.json`)).headers.get('content-security-policy') ?? '').split(';');
      expect(csp).toContain("connect-src 'self' https://login.example.nl");
      expect(csp).toContain("default-src 'self'");
    });

    it('says in Dutch how to build the portal when it has not been built', async () => {
      const response = await fetch(`${url}/`);
      expect(response.status).toBe(503);
      expect(await response.text()).toContain('npx nx run portal:build');
    });

    it('still routes to the services', async () => {
      const response = await fetch(`${url}/api/v1/organisaties`);
      expect(response.status).toBe(200);
      expect(await response.json()).toHaveLength(2);
    });
  });

  it('answers 502 problem+json when a service is not reachable', async () => {
    const { app, url } = await start({ KETENREGIE_MODE: 'distributed', MONITOR_SERVICE_URL: 'http://127.0.0.1:1' });
    try {
      const response = await fetch(`${url}/api/v1/organisaties`);
      expect(response.status).toBe(502);
      expect(await response.json()).toMatchObject({ status: 502, code: 'GATEWAY.SERVICE_UNAVAILABLE' });
    } finally {
      await app.close();
    }
  });
});
