import { DynamicModule, INestApplication, INestApplicationContext, Module, Type } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE, NestFactory } from '@nestjs/core';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Logger } from 'nestjs-pino';
import { cleanupOpenApiDoc, ZodSerializerInterceptor, ZodValidationPipe } from 'nestjs-zod';
import type { DestinationStream } from 'pino';
import type { z } from 'zod';
import { httpConfigSchema, loadConfig, modeConfigSchema } from '../config/config';
import { ProblemDetailsFilter } from '../errors/problem-details.filter';
import { LoggingModule, LogLevel } from '../logging/logging';
import { mountObservability, type ObservabilityOptions } from '../observability/observability';
import { exitOnSignals, gracefulShutdown } from './graceful-shutdown';
import { applyHttpSecurity, HttpSecurityConfig, OrganisatieThrottlerGuard, throttlerModule } from './http-security';

/** Every service mounts its controllers under this prefix; health and the OpenAPI document stay at the root. */
export const API_PREFIX = 'api/v1';
/** Where each service serves its own OpenAPI document (the gateway merges them at `/api/v1/openapi.json`). */
export const OPENAPI_PATH = '/openapi.json';

/** Options of {@link createService} and {@link bootstrapService}. */
export interface ServiceOptions {
  /** Service name, e.g. `traject-service`: the log `service` field and the OpenAPI title. */
  readonly name: string;
  /** TCP port (`PORT`); 0 picks a free one. */
  readonly port: number;
  /** Interface (`HOST`, default 127.0.0.1). */
  readonly host?: string;
  readonly logLevel?: LogLevel;
  /** Log destination; stdout when omitted. */
  readonly logDestination?: DestinationStream;
  /** OpenAPI `info`. */
  readonly openApi?: { readonly title?: string; readonly version?: string; readonly description?: string };
  /** Install SIGTERM/SIGINT handlers that drain and close the app ({@link bootstrapService} only; default `true`). */
  readonly shutdownHooks?: boolean;
  /** CORS allow-list and request limit; the defaults of {@link httpConfigSchema} when omitted. */
  readonly security?: HttpSecurityConfig;
  /** `/metrics` access and trace export (`METRICS_TOKEN`, `OTEL_EXPORTER_OTLP_ENDPOINT`); metrics open and traces not exported when omitted. */
  readonly observability?: Omit<ObservabilityOptions, 'service'>;
  /** The shutdown sequence after SIGTERM (`SHUTDOWN_DRAIN_MS`, `SHUTDOWN_TIMEOUT_MS`); no drain wait and 8 s for in-flight requests when omitted. */
  readonly shutdown?: { readonly drainMs: number; readonly timeoutMs: number };
}

const DEFAULT_SECURITY: HttpSecurityConfig = httpConfigSchema.pick({ CORS_ORIGINS: true, THROTTLE_LIMIT: true, THROTTLE_TTL_MS: true }).parse({});

@Module({})
class ServiceRootModule {}

/**
 * Builds (without listening) a Nest application around `appModule` with the platform's
 * conventions: pino JSON logging with trace ids, the problem+json exception filter, zod
 * validation of request DTOs and of `@ZodResponse`/`@ZodSerializerDto` responses
 * (`nestjs-zod`), controllers under `/api/v1`, the OpenAPI document at `GET /openapi.json`
 * and shutdown hooks.
 *
 * `appModule` brings the service's own modules, typically `DatabaseModule`, `AuthModule`
 * and `HealthModule`.
 */
export async function createService(appModule: Type<unknown> | DynamicModule, options: ServiceOptions): Promise<INestApplication> {
  const security = options.security ?? DEFAULT_SECURITY;
  const root: DynamicModule = {
    module: ServiceRootModule,
    imports: [
      LoggingModule.forRoot({ service: options.name, level: options.logLevel, destination: options.logDestination }),
      throttlerModule(security),
      appModule,
    ],
    providers: [
      { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      { provide: APP_PIPE, useClass: ZodValidationPipe },
      { provide: APP_INTERCEPTOR, useClass: ZodSerializerInterceptor },
      { provide: APP_GUARD, useClass: OrganisatieThrottlerGuard },
    ],
  };
  const app = await NestFactory.create(root, { bufferLogs: true, abortOnError: false });
  app.useLogger(app.get(Logger));
  app.flushLogs();
  app.getHttpAdapter().getInstance().disable('x-powered-by');
  mountObservability(app, { service: options.name, ...options.observability });
  applyHttpSecurity(app, security);
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health/live', 'health/ready'] });

  const document = buildOpenApiDocument(app, options);
  app.getHttpAdapter().get(OPENAPI_PATH, (_req: Request, res: Response) => {
    res.json(document);
  });
  return app;
}

/** {@link createService}, then listen on `options.port`; resolves once the service accepts requests. */
export async function bootstrapService(appModule: Type<unknown> | DynamicModule, options: ServiceOptions): Promise<INestApplication> {
  const app = await createService(appModule, options);
  await app.listen(options.port, options.host ?? '127.0.0.1');
  const logger = app.get(Logger);
  logger.log({ url: await app.getUrl() }, `${options.name} listening`);
  if (options.shutdownHooks !== false) {
    const { drainMs, timeoutMs } = options.shutdown ?? { drainMs: 0, timeoutMs: 8_000 };
    exitOnSignals(gracefulShutdown(app, { drainMs, timeoutMs, server: app.getHttpServer(), log: (message, details) => logger.log(details ?? {}, message) }));
  }
  return app;
}

/** What {@link runService} needs from a service's configuration schema. */
export type ServiceConfig = z.output<typeof httpConfigSchema> & Partial<z.output<typeof modeConfigSchema>>;

/**
 * The whole `main.ts` of a service: validate the environment once (`configSchema`, which must
 * include {@link httpConfigSchema}; embedded mode refuses a non-loopback `HOST`), build the app
 * module from it and listen with the platform's conventions and protections. A start-up failure
 * is written to stderr and exits the process with status 1.
 */
export function runService<S extends z.ZodType<ServiceConfig>>(definition: {
  readonly name: string;
  readonly configSchema: S;
  readonly module: (config: z.output<S>) => Type<unknown> | DynamicModule;
  readonly openApi?: ServiceOptions['openApi'];
}): void {
  const start = async () => {
    const config = loadConfig(definition.configSchema, process.env, { service: definition.name });
    await bootstrapService(definition.module(config), {
      name: definition.name,
      port: config.PORT,
      host: config.HOST,
      logLevel: config.LOG_LEVEL,
      openApi: definition.openApi,
      security: config,
      observability: { metricsToken: config.METRICS_TOKEN, otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT },
      shutdown: { drainMs: config.SHUTDOWN_DRAIN_MS, timeoutMs: config.SHUTDOWN_TIMEOUT_MS },
    });
  };
  start().catch(exitWithFailure(`${definition.name} failed to start`));
}

/**
 * The whole entry of a one-shot job, such as a seed step of `npm start`: `job` validates its
 * configuration and gives the module to run as a Nest application context (logging through the
 * platform's logger) and the `work` to do with it; the context is closed afterwards. A failure
 * is written to stderr and exits the process with status 1.
 */
export function runJob(
  name: string,
  job: () => { readonly module: Type<unknown> | DynamicModule; readonly work: (app: INestApplicationContext) => Promise<void> },
): void {
  const run = async () => {
    const { module, work } = job();
    const app = await NestFactory.createApplicationContext(module, { bufferLogs: true, abortOnError: false });
    app.useLogger(app.get(Logger));
    try {
      await work(app);
    } finally {
      await app.close();
    }
  };
  run().catch(exitWithFailure(`${name} failed`));
}

/** Writes `what` and the error to stderr and exits with status 1 (an entry point's last resort). */
function exitWithFailure(what: string): (error: unknown) => never {
  return (error) => {
    process.stderr.write(`${what}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  };
}

/** The service's OpenAPI 3 document, with bearer authentication declared for every operation. */
export function buildOpenApiDocument(app: INestApplication, options: Pick<ServiceOptions, 'name' | 'openApi'>): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle(options.openApi?.title ?? options.name)
    .setVersion(options.openApi?.version ?? '1.0.0')
    .setDescription(options.openApi?.description ?? '')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
    .addSecurityRequirements('bearer')
    .build();
  return cleanupOpenApiDoc(SwaggerModule.createDocument(app, config));
}
