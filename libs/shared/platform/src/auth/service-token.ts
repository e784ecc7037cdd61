import type { JWTPayload } from 'jose';
import { z } from 'zod';
import { type Identity, identitySchema } from './identity';

/**
 * Scope of a service client (the worker) that may act on behalf of a professional in the
 * services' internal operations. Granted by the issuer: the embedded signer in embedded mode, the
 * OIDC provider's client-credentials grant in distributed mode.
 */
export const SERVICE_SCOPE = 'ketenregie:intern';

/**
 * `type` of the RFC 9396 authorization detail that names on whose behalf a service token acts.
 * The worker asks for it in its client-credentials request (`authorization_details`); the issuer
 * puts it in the access token's `authorization_details` claim.
 */
export const NAMENS_DETAIL_TYPE = 'ketenregie-namens';

const namensDetailSchema = z.intersection(z.object({ type: z.literal(NAMENS_DETAIL_TYPE) }), identitySchema);

/** The authorization detail of a service token: the professional it acts for. */
export type NamensDetail = z.infer<typeof namensDetailSchema>;

/** The detail that asks for a token acting on behalf of `identity`. */
export function namensDetail(identity: Identity): NamensDetail {
  const { sub, organisatie, organisatieType, rol, deelnemerId } = identitySchema.parse(identity);
  return { type: NAMENS_DETAIL_TYPE, sub, organisatie, rol, ...(organisatieType ? { organisatieType } : {}), ...(deelnemerId ? { deelnemerId } : {}) };
}

/** True when the token's `scope` claim (space-separated) grants {@link SERVICE_SCOPE}. */
export function hasServiceScope(payload: JWTPayload): boolean {
  return typeof payload['scope'] === 'string' && payload['scope'].split(' ').includes(SERVICE_SCOPE);
}

/**
 * Reads a verified service token: the client (`sub`) is the actor, the one
 * {@link NAMENS_DETAIL_TYPE} detail the professional it acts for. Undefined when the token grants
 * no service scope (an ordinary user token).
 * @throws Error when it grants the scope but does not name exactly one professional.
 */
export function serviceActingFor(payload: JWTPayload): { readonly actor: string; readonly namens: Identity } | undefined {
  if (!hasServiceScope(payload)) return undefined;
  const details = Array.isArray(payload['authorization_details']) ? (payload['authorization_details'] as unknown[]) : [];
  const namens = details.filter((d) => (d as { type?: unknown } | null)?.type === NAMENS_DETAIL_TYPE);
  const parsed = namens.length === 1 ? namensDetailSchema.safeParse(namens[0]) : undefined;
  if (!parsed?.success || typeof payload.sub !== 'string' || payload.sub.length === 0) {
    throw new Error('A service token must name exactly one professional it acts for.');
  }
  const { type: _type, ...identity } = parsed.data;
  return { actor: payload.sub, namens: identity };
}
