import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { UnauthenticatedError } from '@ketenregie/shared-kernel';
import type { Identity } from './identity';

/** Metadata key set by {@link Public}. */
export const IS_PUBLIC_KEY = 'ketenregie:public';

/** Marks a route or controller as reachable without a token (health, organisation registry). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC_KEY, true);

/** Metadata key set by {@link ServiceActor}. */
export const SERVICE_ACTOR_KEY = 'ketenregie:service-actor';

/**
 * Lets a service client (the worker, scope `ketenregie:intern`) call this route on behalf of the
 * professional its token names. `allowed`: professionals and the service alike; `required`: the
 * service only (internal workflow steps). Every other route refuses a service token with 403
 * `AUTH.SERVICE_NOT_ALLOWED`.
 */
export const ServiceActor = (mode: 'allowed' | 'required' = 'allowed'): MethodDecorator & ClassDecorator => SetMetadata(SERVICE_ACTOR_KEY, mode);

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
