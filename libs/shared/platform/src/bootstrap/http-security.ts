import { ExecutionContext, INestApplication, Injectable, Optional } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectThrottlerOptions, InjectThrottlerStorage, ThrottlerGuard, ThrottlerModule, ThrottlerModuleOptions, ThrottlerStorage } from '@nestjs/throttler';
import type { DynamicModule } from '@nestjs/common';
import helmet from 'helmet';
import { verifyRequestToken } from '../auth/jwt-auth.guard';
import { TokenVerifier } from '../auth/token-verifier';
import type { HttpConfig } from '../config/config';

/** The protections of {@link applyHttpSecurity} and {@link throttlerModule}, from {@link HttpConfig}. */
export type HttpSecurityConfig = Pick<HttpConfig, 'CORS_ORIGINS' | 'THROTTLE_LIMIT' | 'THROTTLE_TTL_MS'>;

/**
 * Security headers (`helmet`, with its default Content-Security-Policy) on every response, and
 * CORS only for the configured origins: without `CORS_ORIGINS` a browser on another origin gets
 * no CORS headers and cannot read any answer. `connectSrc` adds origins a page served here may
 * fetch from besides its own (the portal's OIDC provider). Call before `listen`.
 */
export function applyHttpSecurity(
  app: INestApplication,
  config: Pick<HttpSecurityConfig, 'CORS_ORIGINS'>,
  options: { readonly connectSrc?: readonly string[] } = {},
): void {
  const connectSrc = options.connectSrc ?? [];
  app.use(helmet(connectSrc.length > 0 ? { contentSecurityPolicy: { directives: { connectSrc: ["'self'", ...connectSrc] } } } : {}));
  if (config.CORS_ORIGINS.length > 0) {
    app.enableCors({
      origin: [...config.CORS_ORIGINS],
      methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowedHeaders: ['authorization', 'content-type', 'traceparent', 'idempotency-key'],
      exposedHeaders: ['x-trace-id', 'retry-after', 'location'],
      maxAge: 600,
    });
  }
}

/**
 * The request limit: `THROTTLE_LIMIT` requests per `THROTTLE_TTL_MS` per organisation, counted
 * over all routes of one instance. The organisation comes from the verified token (the same
 * verification the authentication guard uses); a caller without a valid token is counted by
 * IP address. Health probes are not limited. Over the limit: 429 problem+json with `Retry-After`.
 */
@Injectable()
export class OrganisatieThrottlerGuard extends ThrottlerGuard {
  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    @Optional() private readonly verifier?: TokenVerifier,
  ) {
    super(options, storage, reflector);
  }

  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const url = context.switchToHttp().getRequest<{ url?: string }>().url ?? '';
    return url.startsWith('/health/');
  }

  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    const token = TokenVerifier.bearerToken((req['headers'] as Record<string, string | string[] | undefined>)['authorization']);
    if (token && this.verifier) {
      try {
        return `organisatie:${(await verifyRequestToken(req, token, this.verifier)).organisatie}`;
      } catch {
        // An invalid token is refused by the authentication guard; count it by address meanwhile.
      }
    }
    const socket = req['socket'] as { remoteAddress?: string } | undefined;
    return `ip:${socket?.remoteAddress ?? 'unknown'}`;
  }

  protected override generateKey(_context: ExecutionContext, tracker: string, throttler: string): string {
    return `${throttler}:${tracker}`;
  }
}

/** `ThrottlerModule` with the configured limit; pair it with {@link OrganisatieThrottlerGuard} as `APP_GUARD`. */
export function throttlerModule(config: Pick<HttpSecurityConfig, 'THROTTLE_LIMIT' | 'THROTTLE_TTL_MS'>): DynamicModule {
  return ThrottlerModule.forRoot({ throttlers: [{ name: 'default', limit: config.THROTTLE_LIMIT, ttl: config.THROTTLE_TTL_MS }] });
}
