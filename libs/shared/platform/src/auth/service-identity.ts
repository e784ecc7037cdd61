import { LRUCache } from 'lru-cache';
import * as oauth from 'oauth4webapi';
import type { Identity } from './identity';
import { EmbeddedSigner } from './embedded-signer';
import { namensDetail, SERVICE_SCOPE } from './service-token';

/**
 * A Ketenregie process's own identity towards the services (the worker's, or a service's that
 * writes the processing log): a service token (scope `ketenregie:intern`) that names the
 * professional it acts for (RFC 9396 authorization detail `ketenregie-namens`). The services
 * accept it only on the internal operations marked `@ServiceActor()`.
 */
export interface ServiceIdentity {
  /** A bearer token acting on behalf of `namens`, cached until shortly before it expires. */
  token(namens: Identity): Promise<string>;
}

/** What {@link serviceIdentity} needs: the mode, the issuer and the process's OAuth client. */
export interface ServiceIdentityConfig {
  readonly KETENREGIE_MODE: 'embedded' | 'distributed';
  readonly KETENREGIE_DATA_DIR: string;
  readonly AUTH_ISSUER: string;
  readonly AUTH_AUDIENCE: string;
  readonly AUTH_TOKEN_URL?: string;
  /** The process's client id (the worker: `WORKER_CLIENT_ID`; a service: `SERVICE_CLIENT_ID`). */
  readonly clientId: string;
  readonly clientSecret?: string;
}

/** Embedded mode: the gateway's signing key (shared data directory) signs service tokens. Distributed: client credentials. */
export function serviceIdentity(config: ServiceIdentityConfig): ServiceIdentity {
  if (config.KETENREGIE_MODE === 'embedded') return new EmbeddedServiceIdentity(config);
  if (!config.AUTH_TOKEN_URL || !config.clientSecret) throw new Error('Distributed mode needs AUTH_TOKEN_URL and the client secret');
  return new ClientCredentialsServiceIdentity({ ...config, AUTH_TOKEN_URL: config.AUTH_TOKEN_URL, clientSecret: config.clientSecret });
}

/** The service identity of a service, from its {@link dienstIdentiteitConfigSchema} part; `clientId` unless configured. */
export function dienstIdentiteit(
  config: Omit<ServiceIdentityConfig, 'clientId' | 'clientSecret'> & { readonly SERVICE_CLIENT_ID?: string; readonly SERVICE_CLIENT_SECRET?: string },
  clientId: string,
): ServiceIdentity {
  return serviceIdentity({ ...config, clientId: config.SERVICE_CLIENT_ID ?? clientId, clientSecret: config.SERVICE_CLIENT_SECRET });
}

const EMBEDDED_TTL_SECONDS = 300;
/** A token is renewed this long before it expires, so a call never carries an expiring one. */
const MARGIN_MS = 30_000;

abstract class CachedServiceIdentity implements ServiceIdentity {
  /** One token per professional the worker acts for; bounded, as the worker acts for every professional and deelnemer in turn. */
  private readonly cache = new LRUCache<string, Promise<{ token: string; until: number }>>({ max: 5_000 });

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
    const token = await (await this.signer).signServiceToken({ clientId: this.config.clientId, namens });
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

  constructor(config: ServiceIdentityConfig & { readonly AUTH_TOKEN_URL: string; readonly clientSecret: string }) {
    super();
    const url = new URL(config.AUTH_TOKEN_URL);
    this.as = { issuer: config.AUTH_ISSUER, token_endpoint: url.href };
    this.client = { client_id: config.clientId };
    this.auth = oauth.ClientSecretBasic(config.clientSecret);
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
