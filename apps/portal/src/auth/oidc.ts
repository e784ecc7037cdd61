/** OpenID Connect for distributed mode; loaded only when used, so embedded mode does not download it. */
import * as oauth from 'oauth4webapi';
import { OIDC_TERUG_PAD } from './oidc-pad';
import type { PortalConfig } from './portal-config';

type OidcConfig = NonNullable<PortalConfig['oidc']>;

const STAP_SLEUTEL = 'ketenregie.oidc';

const redirectUri = () => `${window.location.origin}${OIDC_TERUG_PAD}`;

/**
 * Plain http is refused, except for a provider on this machine's loopback address (a provider
 * for development or tests, RFC 8252 section 8.3).
 */
function opties(config: OidcConfig): { [oauth.allowInsecureRequests]?: boolean } {
  const { protocol, hostname } = new URL(config.issuer);
  return protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(hostname) ? { [oauth.allowInsecureRequests]: true } : {};
}

async function provider(config: OidcConfig): Promise<oauth.AuthorizationServer> {
  const issuer = new URL(config.issuer);
  return oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { algorithm: 'oidc', ...opties(config) }));
}

/**
 * Starts the authorization code flow with PKCE: keeps the code verifier and state in
 * sessionStorage and sends the browser to the provider's authorization endpoint.
 */
export async function startOidcInloggen(config: OidcConfig): Promise<void> {
  const as = await provider(config);
  if (!as.authorization_endpoint) throw new Error('De identiteitsprovider heeft geen autorisatie-endpoint.');
  const codeVerifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  sessionStorage.setItem(STAP_SLEUTEL, JSON.stringify({ codeVerifier, state }));
  const url = new URL(as.authorization_endpoint);
  url.searchParams.set('client_id', config.clientId);
  url.searchParams.set('redirect_uri', redirectUri());
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('scope', config.scope);
  url.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(codeVerifier));
  url.searchParams.set('code_challenge_method', 'S256');
  url.searchParams.set('state', state);
  window.location.assign(url.href);
}

/** Completes the flow on the redirect back: checks the state, swaps the code for tokens. */
export async function voltooiOidcInloggen(config: OidcConfig, terug: URL): Promise<{ accessToken: string; idToken?: string }> {
  const stap = JSON.parse(sessionStorage.getItem(STAP_SLEUTEL) ?? 'null') as { codeVerifier: string; state: string } | null;
  sessionStorage.removeItem(STAP_SLEUTEL);
  if (!stap) throw new Error('Er loopt geen aanmelding; begin opnieuw.');
  const as = await provider(config);
  const client: oauth.Client = { client_id: config.clientId };
  const params = oauth.validateAuthResponse(as, client, terug, stap.state);
  const response = await oauth.authorizationCodeGrantRequest(as, client, oauth.None(), params, redirectUri(), stap.codeVerifier, opties(config));
  const result = await oauth.processAuthorizationCodeResponse(as, client, response);
  return { accessToken: result.access_token, idToken: result.id_token };
}

/** Where to end the session at the provider (RP-initiated logout), if it offers that. */
export async function oidcUitlogUrl(config: OidcConfig, idToken?: string): Promise<string | undefined> {
  const as = await provider(config);
  if (!as.end_session_endpoint) return undefined;
  const url = new URL(as.end_session_endpoint);
  url.searchParams.set('client_id', config.clientId);
  url.searchParams.set('post_logout_redirect_uri', `${window.location.origin}/`);
  if (idToken) url.searchParams.set('id_token_hint', idToken);
  return url.href;
}
