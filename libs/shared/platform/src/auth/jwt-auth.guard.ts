import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { UnauthenticatedError } from '@ketenregie/shared-kernel';
import { IS_PUBLIC_KEY } from './auth.decorators';
import { TokenVerifier } from './token-verifier';

/**
 * Global guard: every HTTP route needs a valid bearer token unless marked `@Public()`.
 * The verified identity is attached to the request (`req.identity`). On a public route a
 * valid token is still read, an invalid one rejected.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
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
    req.identity = await this.verifier.verify(token);
    return true;
  }
}
