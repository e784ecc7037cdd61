import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { type AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK, type JWK, type JWTPayload, type KeyLike, SignJWT } from 'jose';
import { DEFAULT_AUDIENCE, EMBEDDED_ISSUER } from '../config/config';
import { type Identity, identitySchema } from './identity';
import { namensDetail, SERVICE_SCOPE } from './service-token';

/** Options of {@link EmbeddedSigner.loadOrCreate}. */
export interface EmbeddedSignerOptions {
  /** Data directory; the key pair lives in `<dataDir>/auth/signing-key.jwk.json`. */
  readonly dataDir: string;
  readonly issuer?: string;
  readonly audience?: string;
  readonly algorithm?: 'ES256' | 'RS256';
  /** Token lifetime in seconds (default 8 hours: a working day). */
  readonly ttlSeconds?: number;
}

interface StoredKey {
  readonly alg: 'ES256' | 'RS256';
  readonly privateJwk: JWK;
}

/**
 * The embedded-mode token issuer used by the gateway: a key pair created once and persisted
 * under the data directory (so tokens survive a restart), `sign(identity)` for
 * `POST /auth/dev-token`, and `jwks()` for the key set services verify against.
 */
export class EmbeddedSigner {
  private constructor(
    private readonly privateKey: KeyLike | Uint8Array,
    private readonly publicJwk: JWK,
    private readonly options: Required<Omit<EmbeddedSignerOptions, 'dataDir'>>,
  ) {}

  /** Path of the key file under `dataDir`. */
  static keyFile(dataDir: string): string {
    return join(dataDir, 'auth', 'signing-key.jwk.json');
  }

  static async loadOrCreate(options: EmbeddedSignerOptions): Promise<EmbeddedSigner> {
    const file = EmbeddedSigner.keyFile(options.dataDir);
    let stored: StoredKey | undefined;
    try {
      stored = JSON.parse(await readFile(file, 'utf8')) as StoredKey;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    if (!stored) {
      const alg = options.algorithm ?? 'ES256';
      const { privateKey } = await generateKeyPair(alg, { extractable: true });
      const privateJwk = { ...(await exportJWK(privateKey)), kid: randomUUID(), alg, use: 'sig' };
      stored = { alg, privateJwk };
      await mkdir(dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      await writeFile(tmp, JSON.stringify(stored), { mode: 0o600 });
      await rename(tmp, file);
    }
    const privateKey = await importJWK(stored.privateJwk, stored.alg);
    const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = stored.privateJwk;
    return new EmbeddedSigner(privateKey, publicJwk, {
      issuer: options.issuer ?? EMBEDDED_ISSUER,
      audience: options.audience ?? DEFAULT_AUDIENCE,
      algorithm: stored.alg,
      ttlSeconds: options.ttlSeconds ?? 8 * 3600,
    });
  }

  /** Key id (`kid`) of the signing key. */
  get kid(): string {
    return String(this.publicJwk.kid);
  }

  /** A signed JWT carrying `identity` (validated first). */
  async sign(identity: Identity, ttlSeconds = this.options.ttlSeconds): Promise<string> {
    const claims = identitySchema.parse(identity);
    const { sub, ...rest } = claims;
    return this.signClaims(sub, rest, ttlSeconds);
  }

  /**
   * A service token in embedded mode, shaped like the one an OIDC provider issues for the
   * client-credentials grant in distributed mode: `sub` is the client, `scope` grants
   * `ketenregie:intern`, and the `authorization_details` claim names the professional it acts for.
   */
  async signServiceToken(request: { readonly clientId: string; readonly namens: Identity }, ttlSeconds = this.options.ttlSeconds): Promise<string> {
    return this.signClaims(
      request.clientId,
      { scope: SERVICE_SCOPE, client_id: request.clientId, authorization_details: [namensDetail(request.namens)] },
      ttlSeconds,
    );
  }

  private signClaims(subject: string, claims: JWTPayload, ttlSeconds: number): Promise<string> {
    return new SignJWT(claims)
      .setProtectedHeader({ alg: this.options.algorithm, kid: this.kid, typ: 'JWT' })
      .setSubject(subject)
      .setIssuer(this.options.issuer)
      .setAudience(this.options.audience)
      .setIssuedAt()
      .setExpirationTime(`${ttlSeconds}s`)
      .sign(this.privateKey);
  }

  /** The public JSON Web Key Set (`{ keys: [...] }`) to serve at `/auth/jwks.json`. */
  jwks(): { keys: JWK[] } {
    return { keys: [{ ...this.publicJwk }] };
  }
}

/** A running HTTP server that publishes a signer's key set. */
export interface JwksServer {
  /** `http://127.0.0.1:<port>/auth/jwks.json` (every path answers with the key set). */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Serves `signer.jwks()` on 127.0.0.1 at a free port: for processes that verify embedded tokens
 * without a gateway in front of them (service tests, benches).
 */
export async function serveJwks(signer: EmbeddedSigner): Promise<JwksServer> {
  const server = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(signer.jwks()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/auth/jwks.json`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
