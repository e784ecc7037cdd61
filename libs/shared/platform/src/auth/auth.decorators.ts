import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { UnauthenticatedError } from '@ketenregie/shared-kernel';
import type { Identity } from './identity';

/** Metadata key set by {@link Public}. */
export const IS_PUBLIC_KEY = 'ketenregie:public';

/** Marks a route or controller as reachable without a token (health, organisation registry). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC_KEY, true);

/** The identity the JWT guard attached to the request, if any. */
export function identityOf(req: unknown): Identity | undefined {
  return (req as { identity?: Identity } | undefined)?.identity;
}

/**
 * Injects the caller's verified {@link Identity}. On a `@Public()` route without a token it
 * throws 401; use `identityOf(req)` there instead.
 */
export const CurrentIdentity = createParamDecorator((_data: unknown, ctx: ExecutionContext): Identity => {
  const identity = identityOf(ctx.switchToHttp().getRequest());
  if (!identity) throw new UnauthenticatedError({ code: 'AUTH.TOKEN_MISSING', detail: 'This request needs a bearer token.' });
  return identity;
});
