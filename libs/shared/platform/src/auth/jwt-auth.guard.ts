import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ForbiddenError, UnauthenticatedError } from '@ketenregie/shared-kernel';
import { IS_PUBLIC_KEY, SERVICE_ACTOR_KEY } from './auth.decorators';
import { TokenVerifier, VerifiedIdentity } from './token-verifier';

const VERIFICATION = Symbol('ketenregie.tokenVerification');

/**
 * Verifies the request's bearer token once, however many guards ask (authentication, the
 * per-organisation request limit): the first call starts the verification, later calls share it.
 */
export function verifyRequestToken(req: object, token: string, verifier: TokenVerifier): Promise<VerifiedIdentity> {
  const r = req as { [VERIFICATION]?: Promise<VerifiedIdentity> };
  r[VERIFICATION] ??= verifier.verify(token);
  return r[VERIFICATION];
}

/**
 * Global guard: every HTTP route needs a valid bearer token unless marked `@Public()`.
 * The verified identity is attached to the request (`req.identity`). On a public route a
 * valid token is still read, an invalid one rejected. A service token (the worker acting on a
 * professional's behalf) passes only on routes marked `@ServiceActor()`, and every such call is
 * logged with the actor and the organisation acted for; a route marked `@ServiceActor('required')`
 * refuses everybody else.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  private readonly logger = new Logger('ServiceActor');

  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<{ headers: Record<string, string | string[] | undefined>; identity?: unknown }>();
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, [context.getHandler(), context.getClass()]);
    const token = TokenVerifier.bearerToken(req.headers['authorization']);
    if (!token) {
      if (isPublic) return true;
      throw new UnauthenticatedError({ code: 'AUTH.TOKEN_MISSING', detail: 'This request needs a bearer token.' });
    }
    const identity = await verifyRequestToken(req, token, this.verifier);
    const service = this.reflector.getAllAndOverride<'allowed' | 'required' | undefined>(SERVICE_ACTOR_KEY, [context.getHandler(), context.getClass()]);
    if (identity.actor !== undefined) {
      if (!service) throw new ForbiddenError({ code: 'AUTH.SERVICE_NOT_ALLOWED', detail: 'A service token is not accepted here.' });
      const { method, url } = req as { method?: string; url?: string };
      this.logger.log(
        { actor: identity.actor, namens: { sub: identity.sub, organisatie: identity.organisatie, rol: identity.rol }, method, path: url?.split('?')[0] },
        'Service acts on behalf of a professional',
      );
    } else if (service === 'required') {
      throw new ForbiddenError({ code: 'AUTH.SERVICE_ONLY', detail: 'Only the Ketenregie worker performs this workflow step.' });
    }
    req.identity = identity;
    return true;
  }
}
