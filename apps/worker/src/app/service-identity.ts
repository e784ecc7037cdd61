import { EmbeddedSigner, type Identity, namensDetail, SERVICE_SCOPE } from '@ketenregie/shared-platform';
import * as oauth from 'oauth4webapi';

/**
 * The worker's own identity towards the services: a service token (scope `ketenregie:intern`)
 * that names the professional it acts for (RFC 9396 authorization detail `ketenregie-namens`).
 * The services accept it only on the internal operations marked `@ServiceActor()`.
 */
export interface ServiceIdentity {
  /** A bearer token acting on behalf of `namens`, cached until shortly before it expires. */
  token(namens: Identity): Promise<string>;
}

/** What {@link serviceIdentity} needs of the worker's configuration. */
export interface ServiceIdentityConfig {
  readonly KETENREGIE_MODE: 'embedded' | 'distributed';
  readonly KETENREGIE_DATA_DIR: string;
  readonly AUTH_ISSUER: string;
  readonly AUTH_AUDIENCE: string;
  readonly AUTH_TOKEN_URL?: string;
  readonly WORKER_CLIENT_ID: string;
  readonly WORKER_CLIENT_SECRET?: string;
}

/** Embedded mode: the gateway's signing key (shared data directory) signs service tokens. Distributed: client credentials. */
export function serviceIdentity(config: ServiceIdentityConfig): ServiceIdentity {
  if (config.KETENREGIE_MODE === 'embedded') return new EmbeddedServiceIdentity(config);
  if (!config.AUTH_TOKEN_URL || !config.WORKER_CLIENT_SECRET) throw new Error('Distributed mode needs AUTH_TOKEN_URL and WORKER_CLIENT_SECRET');
  return new ClientCredentialsServiceIdentity({ ...config, AUTH_TOKEN_URL: config.AUTH_TOKEN_URL, WORKER_CLIENT_SECRET: config.WORKER_CLIENT_SECRET });
}

const EMBEDDED_TTL_SECONDS = 300;
/** A token is renewed this long before it expires, so a call never carries an expiring one. */
const MARGIN_MS = 30_000;

abstract class CachedServiceIdentity implements ServiceIdentity {
  private readonly cache = new Map<string, Promise<{ token: string; until: number }>>();

  async token(namens: Identity): Promise<string> {
    const key = `${namens.organisatie}|${namens.organisatieType}|${namens.sub}|${namens.rol}`;
    const cached = this.cache.get(key);
    if (cached) {
      const hit = await cached.catch(() => undefined);
      if (hit && hit.until - MARGIN_MS > Date.now()) return hit.token;
    }
    const fresh = this.issue(namens);
    this.cache.set(key, fresh);
    try {
      return (await fresh).token;
    } catch (error) {
      this.cache.delete(key);
      throw error;
    }
  }

  protected abstract issue(namens: Identity): Promise<{ token: string; until: number }>;
}

class EmbeddedServiceIdentity extends CachedServiceIdentity {
  private signer?: Promise<EmbeddedSigner>;

  constructor(private readonly config: ServiceIdentityConfig) {
    super();
  }

  protected async issue(namens: Identity): Promise<{ token: string; until: number }> {
    this.signer ??= EmbeddedSigner.loadOrCreate({
      dataDir: this.config.KETENREGIE_DATA_DIR,
      issuer: this.config.AUTH_ISSUER,
      audience: this.config.AUTH_AUDIENCE,
      ttlSeconds: EMBEDDED_TTL_SECONDS,
    });
    const token = await (await this.signer).signServiceToken({ clientId: this.config.WORKER_CLIENT_ID, namens });
    return { token, until: Date.now() + EMBEDDED_TTL_SECONDS * 1000 };
  }
}

/**
 * OAuth 2.0 client credentials at the identity provider's token endpoint (`oauth4webapi`,
 * `client_secret_basic`), asking for scope `ketenregie:intern` and the `ketenregie-namens`
 * authorization detail of the professional. Plain http is allowed for a loopback token endpoint only.
 */
class ClientCredentialsServiceIdentity extends CachedServiceIdentity {
  private readonly as: oauth.AuthorizationServer;
  private readonly client: oauth.Client;
  private readonly auth: oauth.ClientAuth;
  private readonly insecure: boolean;

  constructor(config: ServiceIdentityConfig & { readonly AUTH_TOKEN_URL: string; readonly WORKER_CLIENT_SECRET: string }) {
    super();
    const url = new URL(config.AUTH_TOKEN_URL);
    this.as = { issuer: config.AUTH_ISSUER, token_endpoint: url.href };
    this.client = { client_id: config.WORKER_CLIENT_ID };
    this.auth = oauth.ClientSecretBasic(config.WORKER_CLIENT_SECRET);
    this.insecure = url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  }

  protected async issue(namens: Identity): Promise<{ token: string; until: number }> {
    const parameters = new URLSearchParams({ scope: SERVICE_SCOPE, authorization_details: JSON.stringify([namensDetail(namens)]) });
    const response = await oauth.clientCredentialsGrantRequest(this.as, this.client, this.auth, parameters, {
      [oauth.allowInsecureRequests]: this.insecure,
      signal: AbortSignal.timeout(10_000),
    });
    const result = await oauth.processClientCredentialsResponse(this.as, this.client, response);
    const seconds = typeof result.expires_in === 'number' ? result.expires_in : 60;
    return { token: result.access_token, until: Date.now() + seconds * 1000 };
  }
}
