import { ServiceUnavailableException } from '@nestjs/common';
import { UnauthenticatedError } from '@ketenregie/shared-kernel';
import { createRemoteJWKSet, errors as joseErrors, type JWTPayload, type JWTVerifyGetKey, jwtVerify } from 'jose';
import { LRUCache } from 'lru-cache';
import { type Identity, identitySchema } from './identity';
import { serviceActingFor } from './service-token';

/** Where tokens come from and for whom they are. */
export interface AuthOptions {
  /** Expected `iss`. */
  readonly issuer: string;
  /** Expected `aud`. */
  readonly audience: string;
  /** JSON Web Key Set of the issuer (the OIDC provider, or the embedded gateway). */
  readonly jwksUrl: string;
  /** Accepted clock skew in seconds (default 30). */
  readonly clockToleranceSeconds?: number;
}

/** Signature algorithms accepted from any issuer. */
export const ACCEPTED_ALGORITHMS = ['ES256', 'RS256'];

/**
 * The verified caller: a professional, or a service client acting on a professional's behalf
 * (`actor` is then the client's `sub`; see `serviceActingFor`).
 */
export type VerifiedIdentity = Identity & { readonly actor?: string };

/**
 * Verifies bearer tokens against a remote JWKS (cached, refetched on an unknown `kid`) and
 * returns the identity they carry. A service token (scope `ketenregie:intern`) yields the
 * professional named in its `ketenregie-namens` authorization detail, with the client as `actor`;
 * whether a route accepts it is the guard's decision (`@ServiceActor()`).
 */
export class TokenVerifier {
  private readonly keys: JWTVerifyGetKey;
  /**
   * Tokens verified in the last minute (never past their `exp`): a client sends the same token
   * with every request, and checking its signature again costs more than the rest of a request.
   */
  private readonly geverifieerd = new LRUCache<string, VerifiedIdentity>({ max: 10_000, ttl: 60_000 });

  constructor(
    private readonly options: AuthOptions,
    keys?: JWTVerifyGetKey,
  ) {
    this.keys = keys ?? createRemoteJWKSet(new URL(options.jwksUrl), { cooldownDuration: 5_000, timeoutDuration: 5_000 });
  }

  /**
   * @throws UnauthenticatedError (`AUTH.TOKEN_INVALID`) for any invalid, expired or foreign token.
   * @throws ServiceUnavailableException (503) when the issuer's key set cannot be fetched.
   */
  async verify(token: string): Promise<VerifiedIdentity> {
    const bekend = this.geverifieerd.get(token);
    if (bekend) return bekend;
    const identity = await this.verifieer(token);
    const resterend = identity.geldigTot - Date.now();
    if (resterend > 0) this.geverifieerd.set(token, identity.identiteit, { ttl: Math.min(60_000, resterend) });
    return identity.identiteit;
  }

  private async verifieer(token: string): Promise<{ identiteit: VerifiedIdentity; geldigTot: number }> {
    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        issuer: this.options.issuer,
        audience: this.options.audience,
        algorithms: ACCEPTED_ALGORITHMS,
        clockTolerance: this.options.clockToleranceSeconds ?? 30,
      }));
    } catch (error) {
      if (isIssuerUnreachable(error)) {
        // Not the caller's fault: the key set could not be fetched. 503, so clients retry.
        throw new ServiceUnavailableException('The token issuer could not be reached.', { cause: error });
      }
      throw new UnauthenticatedError({ code: 'AUTH.TOKEN_INVALID', detail: reason(error), cause: error });
    }
    let service: ReturnType<typeof serviceActingFor>;
    try {
      service = serviceActingFor(payload as JWTPayload);
    } catch (error) {
      throw new UnauthenticatedError({
        code: 'AUTH.TOKEN_INVALID',
        detail: 'The service token does not name exactly one professional it acts for.',
        cause: error,
      });
    }
    // Without `exp` a token is verified again on every request.
    const geldigTot = typeof (payload as JWTPayload).exp === 'number' ? ((payload as JWTPayload).exp as number) * 1000 : 0;
    if (service) return { identiteit: { ...service.namens, actor: service.actor }, geldigTot };
    const parsed = identitySchema.safeParse(payload);
    if (!parsed.success) {
      throw new UnauthenticatedError({ code: 'AUTH.TOKEN_INVALID', detail: 'The token does not carry a valid Ketenregie identity.' });
    }
    return { identiteit: parsed.data, geldigTot };
  }

  /** Extracts the token from an `Authorization: Bearer …` header value. */
  static bearerToken(header: string | string[] | undefined): string | undefined {
    const value = Array.isArray(header) ? header[0] : header;
    const m = value ? /^Bearer\s+([A-Za-z0-9\-_.]+)\s*$/i.exec(value) : null;
    return m?.[1];
  }
}

/** The JWKS endpoint timed out, refused, failed or answered garbage (as opposed to a bad token). */
function isIssuerUnreachable(error: unknown): boolean {
  if (error instanceof joseErrors.JWKSTimeout) return true;
  if (error instanceof joseErrors.JOSEError) return error.code === 'ERR_JOSE_GENERIC' && /JSON Web Key Set/.test(error.message);
  return true;
}

function reason(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'The token has expired.';
  if (error instanceof joseErrors.JWTClaimValidationFailed) return `The token's ${error.claim} claim is not accepted.`;
  if (error instanceof joseErrors.JWKSNoMatchingKey) return 'The token was not signed by a known key.';
  return 'The token is invalid.';
}
