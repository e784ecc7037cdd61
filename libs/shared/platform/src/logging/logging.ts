import { DynamicModule, Module } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule, Params } from 'nestjs-pino';
import pino, { DestinationStream, Logger, LoggerOptions } from 'pino';
import type { Options as PinoHttpOptions } from 'pino-http';
import { TRACE_ID_HEADER, traceIdFromHeaders } from './trace';

/** Field names whose values are personal data and are never written to logs. */
export const PERSONAL_DATA_FIELDS: readonly string[] = Object.freeze([
  'bsn',
  'naam',
  'voornaam',
  'voornamen',
  'achternaam',
  'geslachtsnaam',
  'geboortedatum',
  'adres',
  'straat',
  'postcode',
  'woonplaats',
  'email',
  'telefoon',
  'telefoonnummer',
  'gezondheid',
  'diagnose',
  'password',
  'wachtwoord',
  'token',
]);

/** pino `redact` paths: personal-data fields up to three levels deep, credentials in headers. */
export const REDACT_PATHS: readonly string[] = Object.freeze([
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'headers.authorization',
  ...PERSONAL_DATA_FIELDS.flatMap((f) => [f, `*.${f}`, `*.*.${f}`]),
]);

/** Log levels accepted by `LOG_LEVEL`. */
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** Options of {@link LoggingModule.forRoot} and {@link createPlatformLogger}. */
export interface LoggingOptions {
  /** Service name, written as `service` on every line. */
  readonly service: string;
  readonly level?: LogLevel;
  /** Where to write; defaults to stdout. Tests pass a stream to inspect the lines. */
  readonly destination?: DestinationStream;
}

function baseOptions(options: LoggingOptions): LoggerOptions {
  return {
    level: options.level ?? 'info',
    base: { service: options.service },
    messageKey: 'msg',
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: [...REDACT_PATHS], censor: '[redacted]' },
  };
}

/**
 * A JSON pino logger with the platform's redaction, for code outside Nest (start-up scripts,
 * the gateway's process supervisor).
 */
export function createPlatformLogger(options: LoggingOptions): Logger {
  return options.destination ? pino(baseOptions(options), options.destination) : pino(baseOptions(options));
}

const LOGGED_HEADERS = ['user-agent', 'content-type', 'content-length'];

/** Severity of pino's levels, to tell which lines the configured level writes. */
const NIVEAU: Readonly<Record<LogLevel, number>> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60, silent: Infinity };

/** The pino-http options: one trace id per request, quiet health probes, no query strings or bodies. */
export function pinoHttpOptions(options: LoggingOptions): PinoHttpOptions {
  const drempel = NIVEAU[options.level ?? 'info'];
  return {
    ...baseOptions(options),
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const traceId = traceIdFromHeaders(req.headers);
      res.setHeader(TRACE_ID_HEADER, traceId);
      return traceId;
    },
    customProps: (req: IncomingMessage) => ({ traceId: (req as IncomingMessage & { id?: unknown }).id }),
    autoLogging: { ignore: (req: IncomingMessage) => (req.url ?? '').startsWith('/health/') },
    // A line the configured level would not write is 'silent': pino-http then builds nothing for it
    // (no child logger, no message), which at LOG_LEVEL=warn is every successful request.
    customLogLevel: (_req, res, err) => {
      const niveau = err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info';
      return NIVEAU[niveau] >= drempel ? niveau : 'silent';
    },
    serializers: {
      // Query strings and bodies can hold personal data (search terms, names): log the path only.
      req: (req: { id?: string; method?: string; url?: string; headers?: Record<string, unknown> }) => ({
        method: req.method,
        path: (req.url ?? '').split('?')[0],
        headers: Object.fromEntries(LOGGED_HEADERS.filter((h) => req.headers?.[h] !== undefined).map((h) => [h, req.headers?.[h]])),
      }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
  };
}

/**
 * Structured JSON logging for a Nest service (nestjs-pino): every line has `service`, `level`,
 * `time`; every request gets a trace id taken from a valid W3C `traceparent` header or newly
 * generated, logged as `traceId` and returned in the `x-trace-id` response header.
 * Personal data fields ({@link PERSONAL_DATA_FIELDS}) and credentials are redacted.
 */
@Module({})
export class LoggingModule {
  static forRoot(options: LoggingOptions): DynamicModule {
    const http = pinoHttpOptions(options);
    const params: Params = { pinoHttp: options.destination ? [http, options.destination] : http };
    return { module: LoggingModule, global: true, imports: [LoggerModule.forRoot(params)], exports: [LoggerModule] };
  }
}
