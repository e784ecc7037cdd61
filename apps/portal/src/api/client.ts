import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './openapi';

/** Schemas of the merged OpenAPI document (request bodies, and the responses the API declares). */
export type Schemas = components['schemas'];

let tokenBron: () => string | undefined = () => undefined;
let bijVerlopenSessie: () => void = () => undefined;

/** Wires the client to the session: where the bearer token comes from, what a 401 does. */
export function koppelSessie(token: () => string | undefined, verlopen: () => void): void {
  tokenBron = token;
  bijVerlopenSessie = verlopen;
}

const sessieMiddleware: Middleware = {
  onRequest({ request }) {
    const token = tokenBron();
    if (token) request.headers.set('authorization', `Bearer ${token}`);
    request.headers.set('accept', 'application/json, application/problem+json');
    return request;
  },
  onResponse({ response }) {
    if (response.status === 401 && tokenBron()) bijVerlopenSessie();
    return response;
  },
};

/**
 * The one way the portal talks to Ketenregie: `/api/v1` (and `/auth` in embedded mode) through
 * the gateway, typed by the OpenAPI document (`npx nx run portal:api-types` regenerates it).
 */
export const api = createClient<paths>({ baseUrl: typeof window === 'undefined' ? '' : window.location.origin });
api.use(sessieMiddleware);
