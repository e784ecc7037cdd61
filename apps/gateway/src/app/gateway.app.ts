import { INestApplication, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE, NestFactory } from '@nestjs/core';
import { SwaggerModule } from '@nestjs/swagger';
import {
  applyHttpSecurity,
  buildOpenApiDocument,
  createPlatformLogger,
  EmbeddedSigner,
  LoggingModule,
  mountObservability,
  OrganisatieThrottlerGuard,
  pinoHttpOptions,
  ProblemDetailsFilter,
  throttlerModule,
} from '@ketenregie/shared-platform';
import { Logger } from 'nestjs-pino';
import { cleanupOpenApiDoc, ZodValidationPipe } from 'nestjs-zod';
import type { DestinationStream } from 'pino';
import pinoHttp from 'pino-http';
import { GatewayConfig, serviceUrls } from './gateway.config';
import { GatewayModule } from './gateway.module';
import { OpenApiService } from './openapi.service';
import { mountPortal } from './portal';
import { mountServiceProxies } from './proxy';
import { ROUTE_TABLE } from './route-table';

@Module({})
class GatewayRootModule {}

/**
 * Builds the gateway (not listening yet): security headers and CORS (as every service), the
 * service proxies, then Nest with the platform's logging, problem+json filter, zod validation and
 * request limit (the gateway's own routes are anonymous, so counted per IP address; routed
 * requests are limited per organisation by the service that answers them), the merged API
 * reference at `/api/v1/docs`, the portal at `/` (apps/portal, built to `PORTAL_DIR`), and in
 * embedded mode the dev-token issuer with its persisted signing key.
 * Unlike a service there is no global `/api/v1` prefix: `/`, `/portal-config.json`, `/health/*` and `/auth/*` are
 * the gateway's own, everything routed lives under `/api/v1` already.
 */
export async function createGateway(config: GatewayConfig, options: { logDestination?: DestinationStream } = {}): Promise<INestApplication> {
  const signer =
    config.KETENREGIE_MODE === 'embedded'
      ? await EmbeddedSigner.loadOrCreate({ dataDir: config.KETENREGIE_DATA_DIR, issuer: config.AUTH_ISSUER, audience: config.AUTH_AUDIENCE })
      : undefined;
  const logging = { service: 'gateway', level: config.LOG_LEVEL, destination: options.logDestination };
  const app = await NestFactory.create(
    {
      module: GatewayRootModule,
      imports: [LoggingModule.forRoot(logging), throttlerModule(config), GatewayModule.register(config, signer)],
      providers: [
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_PIPE, useClass: ZodValidationPipe },
        { provide: APP_GUARD, useClass: OrganisatieThrottlerGuard },
      ],
    },
    { bufferLogs: true, abortOnError: false },
  );
  app.useLogger(app.get(Logger));
  app.flushLogs();
  app.getHttpAdapter().getInstance().disable('x-powered-by');
  // The gateway faces the public: in distributed mode its /metrics needs METRICS_TOKEN (off without one).
  mountObservability(app, {
    service: 'gateway',
    metricsToken: config.METRICS_TOKEN,
    metricsEnabled: config.KETENREGIE_MODE !== 'distributed' || config.METRICS_TOKEN !== undefined,
    otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
  });
  applyHttpSecurity(app, config, { connectSrc: portalConnectSources(config) });

  const requestLogger = pinoHttp(options.logDestination ? { ...pinoHttpOptions(logging), stream: options.logDestination } : pinoHttpOptions(logging));
  mountServiceProxies(app, ROUTE_TABLE, serviceUrls(config), createPlatformLogger(logging), requestLogger);
  mountPortal(app, config.PORTAL_DIR);

  const openApi = app.get(OpenApiService);
  const own = buildOpenApiDocument(app, {
    name: 'gateway',
    openApi: {
      title: 'Ketenregie API',
      description: 'All Ketenregie services behind one gateway. Send `Authorization: Bearer <token>`; the organisation registry is public.',
    },
  });
  openApi.setGatewayDocument(cleanupOpenApiDoc(own));
  SwaggerModule.setup('api/v1/docs', app, own, {
    raw: false,
    customSiteTitle: 'Ketenregie API',
    patchDocumentOnRequest: () => openApi.merged(),
  });
  return app;
}

/**
 * Origins the portal's pages may fetch from besides the gateway: in distributed mode with a
 * portal OIDC client, the provider `AUTH_ISSUER` names (discovery, token and end-session calls).
 */
export function portalConnectSources(config: Pick<GatewayConfig, 'KETENREGIE_MODE' | 'AUTH_ISSUER' | 'PORTAL_OIDC_CLIENT_ID'>): string[] {
  if (config.KETENREGIE_MODE !== 'distributed' || !config.PORTAL_OIDC_CLIENT_ID || !/^https?:\/\//.test(config.AUTH_ISSUER)) return [];
  return [new URL(config.AUTH_ISSUER).origin];
}
