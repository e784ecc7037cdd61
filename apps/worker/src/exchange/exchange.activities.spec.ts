import { OverdrachtActiviteitenService } from '@ketenregie/exchange-application';
import { EmbeddedSigner, type Identity, type JwksServer, serveJwks, serviceIdentity, TokenVerifier } from '@ketenregie/shared-platform';
import { ApplicationFailure } from '@temporalio/common';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { workerConfigSchema } from '../app/worker.config';
import { ExchangeActivitiesAdapter } from './exchange.activities';
import { type ExchangeWorkerConfig, exchangeWorkerConfigSchema } from './exchange-worker.config';

/** The adapter as the worker module builds it; these tests only reach consent-service over HTTP, so the in-process steps get no storage or log. */
const adapterVoor = (config: ExchangeWorkerConfig) =>
  new ExchangeActivitiesAdapter(
    config,
    serviceIdentity({ ...config, clientId: config.WORKER_CLIENT_ID, clientSecret: config.WORKER_CLIENT_SECRET }),
    new OverdrachtActiviteitenService(undefined as never, undefined as never, undefined as never),
    undefined as never,
  );

/** A decision of consent-service that releases the name for `warme-overdracht`. */
const besluitAntwoord = () => ({
  id: randomUUID(),
  categorieen: [
    {
      categorie: 'contact',
      uitkomst: 'toegestaan',
      velden: ['naam'],
      verleendOp: ['wettelijke-grondslag'],
      wettelijk: { status: 'geen-grondslag' },
      toestemming: { status: 'geen', afgewezen: [] },
    },
  ],
});
const aanvraag = () => ({
  overdrachtId: randomUUID(),
  deelnemerId: randomUUID(),
  zender: { organisatie: 'gemeente-helmond', type: 'gemeente' as const, professional: 'km-1' },
  ontvanger: { organisatie: 'ggz-oost', type: 'ggz' as const },
  categorieen: ['contact', 'geen-categorie'],
});

interface Ontvangen {
  pad: string;
  /** The caller as the services' own verifier sees it (or why it refused the token). */
  beller: (Identity & { actor?: string }) | { fout: string };
  body: unknown;
}

const km = { sub: 'km-1', organisatie: 'gemeente-helmond', organisatieType: 'gemeente', rol: 'klantmanager' };

const lees = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => resolve(data));
  });

async function luister(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/**
 * A small OAuth 2.0 authorization server: a real token endpoint (client credentials with
 * client_secret_basic, RFC 9396 authorization_details) that signs access tokens with jose, and
 * its JWKS. It has a key of its own, as an identity provider has, so `serveJwks` (which publishes
 * an embedded signer's key) does not fit here.
 */
async function startIdentityProvider(clients: Record<string, string>) {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const kid = randomUUID();
  const verzoeken: { client: string; scope: string; details: unknown }[] = [];
  const server = createServer(async (req, res) => {
    const antwoord = (status: number, body: unknown) => {
      res.statusCode = status;
      res.setHeader('content-type', 'application/json');
      res.setHeader('cache-control', 'no-store');
      res.end(JSON.stringify(body));
    };
    if (req.method === 'GET' && req.url === '/jwks') return antwoord(200, { keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' }] });
    if (req.method !== 'POST' || req.url !== '/token') return antwoord(404, { error: 'not_found' });
    const form = new URLSearchParams(await lees(req));
    const [id, secret] = Buffer.from((req.headers.authorization ?? '').replace(/^Basic /, ''), 'base64')
      .toString()
      .split(':')
      .map(decodeURIComponent);
    if (!id || clients[id] === undefined || clients[id] !== secret) return antwoord(401, { error: 'invalid_client' });
    if (form.get('grant_type') !== 'client_credentials') return antwoord(400, { error: 'unsupported_grant_type' });
    const scope = form.get('scope') ?? '';
    if (!scope.split(' ').includes('ketenregie:intern')) return antwoord(400, { error: 'invalid_scope' });
    const details = JSON.parse(form.get('authorization_details') ?? '[]') as unknown;
    verzoeken.push({ client: id, scope, details });
    const accessToken = await new SignJWT({ scope, client_id: id, authorization_details: details })
      .setProtectedHeader({ alg: 'ES256', kid, typ: 'at+jwt' })
      .setSubject(id)
      .setIssuer(issuer)
      .setAudience('ketenregie-api')
      .setIssuedAt()
      .setExpirationTime('120s')
      .sign(privateKey);
    return antwoord(200, { access_token: accessToken, token_type: 'Bearer', expires_in: 120, scope, authorization_details: details });
  });
  const issuer = await luister(server);
  return { issuer, tokenUrl: `${issuer}/token`, jwksUrl: `${issuer}/jwks`, verzoeken, close: () => new Promise((r) => server.close(r)) };
}

describe('exchange activity adapters towards consent-service (HTTP, as the worker service identity)', () => {
  let service: Server;
  let dataDir: string;
  let jwks: JwksServer;
  let idp: Awaited<ReturnType<typeof startIdentityProvider>>;
  let url: string;
  let verifier: TokenVerifier;
  let embeddedVerifier: TokenVerifier;
  let adapter: ExchangeActivitiesAdapter;
  let antwoord: { status: number; body?: unknown } = { status: 200 };
  const ontvangen: Ontvangen[] = [];

  const distributed = (secret = 'een-geheim-van-de-worker') =>
    adapterVoor(
      exchangeWorkerConfigSchema.parse({
        KETENREGIE_MODE: 'distributed',
        CONSENT_SERVICE_URL: url,
        AUTH_ISSUER: idp.issuer,
        AUTH_TOKEN_URL: idp.tokenUrl,
        WORKER_CLIENT_ID: 'ketenregie-worker-prod',
        WORKER_CLIENT_SECRET: secret,
      }),
    );

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'exchange-worker-spec-'));
    jwks = await serveJwks(await EmbeddedSigner.loadOrCreate({ dataDir }));
    idp = await startIdentityProvider({ 'ketenregie-worker-prod': 'een-geheim-van-de-worker' });
    embeddedVerifier = new TokenVerifier({ issuer: 'urn:ketenregie:embedded', audience: 'ketenregie-api', jwksUrl: jwks.url });
    // Stands in for exchange- and consent-service: verifies every token as they do (platform TokenVerifier, JWKS).
    service = createServer(async (req, res) => {
      const token = (req.headers.authorization ?? '').replace('Bearer ', '');
      const beller = await verifier.verify(token).catch((e: unknown) => ({ fout: (e as { code?: string }).code ?? String(e) }));
      const tekst = await lees(req);
      ontvangen.push({ pad: req.url ?? '', beller, body: tekst ? JSON.parse(tekst) : undefined });
      res.statusCode = 'fout' in beller ? 401 : antwoord.status;
      res.setHeader('content-type', res.statusCode >= 400 ? 'application/problem+json' : 'application/json');
      res.end('fout' in beller ? JSON.stringify({ code: beller.fout }) : antwoord.body === undefined ? '' : JSON.stringify(antwoord.body));
    });
    url = await luister(service);
    adapter = adapterVoor(exchangeWorkerConfigSchema.parse({ CONSENT_SERVICE_URL: url, KETENREGIE_DATA_DIR: dataDir }));
  });

  beforeEach(() => {
    verifier = embeddedVerifier;
    antwoord = { status: 200 };
  });

  afterAll(async () => {
    await new Promise((resolve) => service.close(resolve));
    await jwks?.close();
    await idp?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('embedded mode: a service token signed with the gateway key, naming the sending professional it acts for', async () => {
    antwoord = { status: 200, body: besluitAntwoord() };
    await adapter.requestDecision(aanvraag());
    expect(ontvangen.at(-1)).toMatchObject({ pad: '/api/v1/besluiten', beller: { ...km, actor: 'ketenregie-worker' } });
  });

  it('distributed mode: client credentials at the token endpoint; the services verify the token against the provider JWKS', async () => {
    verifier = new TokenVerifier({ issuer: idp.issuer, audience: 'ketenregie-api', jwksUrl: idp.jwksUrl });
    const worker = distributed();
    antwoord = { status: 200, body: besluitAntwoord() };
    const voor = idp.verzoeken.length;
    await worker.requestDecision(aanvraag());
    await worker.requestDecision(aanvraag());
    expect(ontvangen.slice(-2).map((o) => o.beller)).toEqual([
      { ...km, actor: 'ketenregie-worker-prod' },
      { ...km, actor: 'ketenregie-worker-prod' },
    ]);
    // One token per professional acted for, reused until shortly before it expires.
    expect(idp.verzoeken.slice(voor)).toEqual([
      { client: 'ketenregie-worker-prod', scope: 'ketenregie:intern', details: [{ type: 'ketenregie-namens', ...km }] },
    ]);

    await worker.requestDecision({ ...aanvraag(), zender: { organisatie: 'senzer', type: 'uitvoerder', professional: 'coach-3', rol: 'coach' } });
    expect(ontvangen.at(-1)?.beller).toEqual({
      sub: 'coach-3',
      organisatie: 'senzer',
      organisatieType: 'uitvoerder',
      rol: 'coach',
      actor: 'ketenregie-worker-prod',
    });
    expect(idp.verzoeken).toHaveLength(voor + 2);

    // An embedded-mode token means nothing to a distributed service: a 401, which the activity
    // leaves retryable (an expired token or a key rotation passes), so Temporal tries again with backoff.
    const fout = await adapter.requestDecision(aanvraag()).catch((e: unknown) => e);
    expect(fout).toBeInstanceOf(Error);
    expect((fout as Error).message).toMatch(/HTTP 401 \(AUTH\.TOKEN_INVALID\); retried/);
    expect(fout).not.toHaveProperty('nonRetryable', true);
  });

  it('distributed mode: a refused client secret fails the call, to be retried once the secret is fixed', async () => {
    const fout = await distributed('een-verkeerd-geheim-123')
      .requestDecision(aanvraag())
      .catch((e: unknown) => e);
    expect(fout).toBeInstanceOf(Error);
    expect(fout).not.toBeInstanceOf(ApplicationFailure);
  });

  it('the worker configuration requires the token endpoint, client secret and log chain key in distributed mode', () => {
    const env = {
      KETENREGIE_MODE: 'distributed',
      DATABASE_URL: 'postgres://worker@db.internal/ketenregie',
      CONSENT_PSEUDONIEM_SLEUTEL: Buffer.alloc(32, 1).toString('base64'),
    };
    const zonder = workerConfigSchema.safeParse(env);
    expect(zonder.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['AUTH_TOKEN_URL', 'CONSENT_LOG_KETEN_SLEUTEL', 'WORKER_CLIENT_SECRET']);
    expect(
      workerConfigSchema.safeParse({
        ...env,
        AUTH_TOKEN_URL: 'https://idp.example/token',
        WORKER_CLIENT_SECRET: 'een-geheim-van-de-worker',
        CONSENT_LOG_KETEN_SLEUTEL: Buffer.alloc(32, 2).toString('base64'),
      }).success,
    ).toBe(true);
  });

  it('asks consent for warme-overdracht with known categories only, also under the pre-patch name', async () => {
    antwoord = { status: 200, body: besluitAntwoord() };
    for (const vraag of [adapter.requestDecision.bind(adapter), adapter.vraagBesluit.bind(adapter)]) {
      const uit = await vraag(aanvraag());
      expect(uit).toMatchObject({ uitkomst: 'toegestaan', vrijgaven: [{ categorie: 'contact', velden: ['naam'] }] });
      expect(ontvangen.at(-1)).toMatchObject({
        pad: '/api/v1/besluiten',
        beller: { ...km, actor: 'ketenregie-worker' },
        body: { doel: 'warme-overdracht', categorieen: ['contact'] },
      });
    }
  });

  it('turns a refusal (4xx) into a non-retryable failure with the problem code, and lets 5xx be retried', async () => {
    antwoord = { status: 403, body: { code: 'TOEGANG.GEWEIGERD' } };
    const geweigerd = await adapter.requestDecision(aanvraag()).catch((e: unknown) => e);
    expect(geweigerd).toBeInstanceOf(ApplicationFailure);
    expect(geweigerd).toMatchObject({ type: 'TOEGANG.GEWEIGERD', nonRetryable: true });

    antwoord = { status: 503, body: { code: 'PLATFORM.UNAVAILABLE' } };
    const tijdelijk = await adapter.requestDecision(aanvraag()).catch((e: unknown) => e);
    expect(tijdelijk).toBeInstanceOf(Error);
    expect(tijdelijk).not.toBeInstanceOf(ApplicationFailure);
  });
});
