// An OpenID Connect provider for the portal's browser test (node oidc-provider.mjs <portal origin>):
// the real `oidc-provider` library on a free loopback port, with the portal as a public client
// (authorization code + PKCE) and access tokens as JWTs carrying Ketenregie's claims, signed in as
// a klantmanager of the demo gemeente. Prints `{"issuer": …}` on one line once it listens.
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

const portal = process.argv[2];
if (!portal) throw new Error('usage: node oidc-provider.mjs <portal origin>');
const RESOURCE = 'urn:ketenregie:api';

const server = createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: 'ketenregie-portal',
      token_endpoint_auth_method: 'none',
      redirect_uris: [`${portal}/inloggen/terug`],
      post_logout_redirect_uris: [`${portal}/`],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    },
  ],
  clientBasedCORS: () => true,
  findAccount: (_ctx, sub) => ({ accountId: sub, claims: () => ({ sub }) }),
  // The test signs in with a fixed login; every grant is given without a consent screen.
  loadExistingGrant: async (ctx) => {
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid');
    grant.addResourceScope(RESOURCE, 'ketenregie');
    await grant.save();
    return grant;
  },
  extraTokenClaims: () => ({ organisatie: 'gemeente-dommeldal', organisatieType: 'gemeente', rol: 'klantmanager' }),
  features: {
    devInteractions: { enabled: true },
    rpInitiatedLogout: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => RESOURCE,
      useGrantedResource: () => true,
      getResourceServerInfo: () => ({ scope: 'ketenregie', audience: 'ketenregie-api', accessTokenFormat: 'jwt', jwt: { sign: { alg: 'RS256' } } }),
    },
  },
});
provider.on('server_error', (_ctx, error) => process.stderr.write(`oidc-provider: ${error.stack}\n`));
server.on('request', provider.callback());
process.stdout.write(`${JSON.stringify({ issuer })}\n`);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
