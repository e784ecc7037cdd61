import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * Raised when the environment does not satisfy an application's configuration schema. The
 * message names every offending variable and what is wrong with it, never its value (values
 * can be secrets).
 */
export class ConfigError extends Error {
  /** One entry per problem: the variable name and the reason. */
  readonly problems: readonly { readonly variable: string; readonly message: string }[];

  constructor(problems: readonly { variable: string; message: string }[], service?: string) {
    const header = `Invalid configuration${service ? ` for ${service}` : ''} (${problems.length} problem${problems.length === 1 ? '' : 's'}):`;
    super([header, ...problems.map((p) => `  - ${p.variable}: ${p.message}`)].join('\n'));
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** Options of {@link loadConfig}. */
export interface LoadConfigOptions {
  /** Named in the error message, e.g. `'traject-service'`. */
  readonly service?: string;
}

/**
 * Validates `env` against `schema` once, at start-up, and returns the typed result.
 * This is the only place in the code base that reads the process environment; everything
 * else receives the parsed configuration.
 *
 * @throws ConfigError listing every invalid or missing variable.
 */
export function loadConfig<S extends z.ZodType>(
  schema: S,
  env: Record<string, string | undefined> = process.env,
  options: LoadConfigOptions = {},
): z.output<S> {
  // Empty strings mean "not set" (a common artefact of `FOO= cmd` and compose files).
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = schema.safeParse(cleaned);
  if (result.success) {
    const problems = [...distributedModeProblems(result.data, cleaned), ...embeddedBindProblems(result.data)];
    if (problems.length === 0) return result.data;
    throw new ConfigError(problems, options.service);
  }
  const problems = result.error.issues.map((issue) => ({
    variable: issue.path.length > 0 ? issue.path.map(String).join('.') : '(environment)',
    message: describeIssue(issue, cleaned),
  }));
  throw new ConfigError(problems, options.service);
}

/**
 * Variables whose defaults only make sense on a developer machine (embedded mode). With
 * `KETENREGIE_MODE=distributed` they must be set explicitly, so a deployment never silently
 * talks to localhost.
 */
export const EMBEDDED_ONLY_DEFAULTS: readonly string[] = Object.freeze(['TEMPORAL_ADDRESS', 'AUTH_ISSUER', 'AUTH_JWKS_URL', 'KLUIS_MASTERSLEUTEL']);

function distributedModeProblems(data: unknown, env: Record<string, unknown>): { variable: string; message: string }[] {
  if (typeof data !== 'object' || data === null || (data as Record<string, unknown>)['KETENREGIE_MODE'] !== 'distributed') return [];
  return EMBEDDED_ONLY_DEFAULTS.filter((name) => name in data && env[name] === undefined).map((variable) => ({
    variable,
    message: 'must be set explicitly when KETENREGIE_MODE=distributed (its default only fits embedded mode)',
  }));
}

/** `localhost`, `::1` and 127.0.0.0/8: the only interfaces embedded mode listens on. */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  if (h === 'localhost' || h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  const v4 = /^(?:::ffff:)?(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h);
  return v4 !== null && Number(v4[1]) === 127 && v4.slice(2).every((o) => Number(o) <= 255);
}

/**
 * Embedded mode hands out demo tokens for any organisation to anyone who asks, so it must never
 * be reachable from another machine: a `HOST` that is not a loopback address is refused.
 */
function embeddedBindProblems(data: unknown): { variable: string; message: string }[] {
  if (typeof data !== 'object' || data === null) return [];
  const { KETENREGIE_MODE: mode, HOST: host } = data as Record<string, unknown>;
  if (mode !== 'embedded' || typeof host !== 'string' || isLoopbackHost(host)) return [];
  return [
    {
      variable: 'HOST',
      message:
        'embedded mode (KETENREGIE_MODE=embedded) listens on a loopback address only (127.0.0.1, ::1 or localhost), because it signs demo tokens for anyone who asks; set KETENREGIE_MODE=distributed to listen on another interface',
    },
  ];
}

function describeIssue(issue: z.core.$ZodIssue, env: Record<string, unknown>): string {
  const key = issue.path[0];
  if (issue.path.length === 1 && typeof key === 'string' && env[key] === undefined) return 'is required but not set';
  return issue.message;
}

const postgresUrl = z.string().refine((v) => /^postgres(ql)?:\/\/.+/.test(v) && URL.canParse(v), 'must be a postgres:// or postgresql:// URL');

const hostPort = z.string().regex(/^[A-Za-z0-9.\-_[\]:]+:\d{1,5}$/, 'must be host:port, e.g. 127.0.0.1:7233');

/** A comma-separated variable: its trimmed, non-empty entries, each checked by `item`. */
export function commaList<T extends z.ZodType<unknown, string>>(item: T) {
  return z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((d) => d.trim())
        .filter((d) => d.length > 0),
    )
    .pipe(z.array(item));
}

const corsOrigins = commaList(
  z
    .string()
    .refine(
      (o) => URL.canParse(o) && /^https?:$/.test(new URL(o).protocol) && new URL(o).origin === o,
      'each origin must be scheme://host[:port], e.g. https://portal.example.nl',
    ),
);

/**
 * Metrics, traces and shutdown, the same in every app (gateway, services, worker); see
 * docs/operations.md. A function, so {@link httpConfigSchema} and the worker's schema share one definition.
 */
export function observabilityConfigShape() {
  return {
    /** When set, `/metrics` needs `Authorization: Bearer <METRICS_TOKEN>`; the gateway in distributed mode serves `/metrics` only then. */
    METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
    /** OTLP/HTTP endpoint of an OpenTelemetry collector (spans go to `<endpoint>/v1/traces`); unset: traces are not exported. */
    OTEL_EXPORTER_OTLP_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
    /** After SIGTERM, how long readiness answers 503 while requests are still served (e.g. 5000 behind a Kubernetes Service). */
    SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).max(120_000).default(0),
    /** After the listener closed, how long in-flight requests may take before their connections are cut. */
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(300_000).default(8_000),
  };
}

/**
 * HTTP port, log level and the protections every HTTP app applies the same way (see
 * `applyHttpSecurity`): the CORS allow-list and the per-organisation request limit.
 */
export const httpConfigSchema = z.object({
  /** Interface to listen on; `0.0.0.0` in containers (distributed mode only). */
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Comma-separated origins a browser may call from (CORS); unset: no cross-origin calls at all. */
  CORS_ORIGINS: corsOrigins.default([]),
  /** Requests one organisation (anonymous callers: one IP address) may make per window, per instance. */
  THROTTLE_LIMIT: z.coerce.number().int().min(1).default(6000),
  /** Length of the request-limit window in milliseconds. */
  THROTTLE_TTL_MS: z.coerce.number().int().min(1000).default(60_000),
  ...observabilityConfigShape(),
});

/** Parsed {@link httpConfigSchema}. */
export type HttpConfig = z.output<typeof httpConfigSchema>;

/** `embedded` (gateway-signed tokens, usually with the embedded PostgreSQL and Temporal dev server) or `distributed` (your OIDC provider and infrastructure). */
export const modeConfigSchema = z.object({
  KETENREGIE_MODE: z.enum(['embedded', 'distributed']).default('embedded'),
});

/** The PostgreSQL connection of a service. */
export const databaseConfigSchema = z.object({
  DATABASE_URL: postgresUrl,
  /** `statement_timeout` of every database session in milliseconds: a statement running longer is cancelled (its request or activity fails and is retried). */
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
});

const bestand = z.string().refine((v) => existsSync(v), 'must name a readable file');

/**
 * Where the Temporal frontend is, and TLS towards it: `TEMPORAL_TLS=true` for server TLS with the
 * system's CAs (or `TEMPORAL_TLS_CA_FILE`), plus `TEMPORAL_TLS_CERT_FILE` and
 * `TEMPORAL_TLS_KEY_FILE` (PEM) for mutual TLS; `TEMPORAL_TLS_SERVER_NAME` overrides the name the
 * server certificate is checked against. A client certificate or CA implies TLS.
 */
export const temporalConfigSchema = z.object({
  TEMPORAL_ADDRESS: hostPort.default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TLS: z.stringbool().default(false),
  TEMPORAL_TLS_CA_FILE: bestand.optional(),
  TEMPORAL_TLS_CERT_FILE: bestand.optional(),
  TEMPORAL_TLS_KEY_FILE: bestand.optional(),
  TEMPORAL_TLS_SERVER_NAME: z.string().min(1).optional(),
});

/** Parsed {@link temporalConfigSchema}. */
export type TemporalConfig = z.output<typeof temporalConfigSchema>;

/** TLS options of a Temporal connection (client and worker) from the configuration; undefined: plain. @throws Error when only one of certificate and key is set. */
export function temporalTls(
  c: TemporalConfig,
): { serverNameOverride?: string; serverRootCACertificate?: Buffer; clientCertPair?: { crt: Buffer; key: Buffer } } | undefined {
  const aan = c.TEMPORAL_TLS || !!c.TEMPORAL_TLS_CA_FILE || !!c.TEMPORAL_TLS_CERT_FILE || !!c.TEMPORAL_TLS_KEY_FILE;
  if (!aan) return undefined;
  if (!!c.TEMPORAL_TLS_CERT_FILE !== !!c.TEMPORAL_TLS_KEY_FILE) throw new Error('TEMPORAL_TLS_CERT_FILE and TEMPORAL_TLS_KEY_FILE go together (mutual TLS)');
  return {
    ...(c.TEMPORAL_TLS_SERVER_NAME ? { serverNameOverride: c.TEMPORAL_TLS_SERVER_NAME } : {}),
    ...(c.TEMPORAL_TLS_CA_FILE ? { serverRootCACertificate: readFileSync(c.TEMPORAL_TLS_CA_FILE) } : {}),
    ...(c.TEMPORAL_TLS_CERT_FILE && c.TEMPORAL_TLS_KEY_FILE
      ? { clientCertPair: { crt: readFileSync(c.TEMPORAL_TLS_CERT_FILE), key: readFileSync(c.TEMPORAL_TLS_KEY_FILE) } }
      : {}),
  };
}

/** Path at which the embedded gateway serves its JSON Web Key Set. */
export const EMBEDDED_JWKS_PATH = '/auth/jwks.json';
/** Issuer (`iss`) of tokens signed by the embedded gateway. */
export const EMBEDDED_ISSUER = 'urn:ketenregie:embedded';
/** Audience (`aud`) every Ketenregie API token must carry unless configured otherwise. */
export const DEFAULT_AUDIENCE = 'ketenregie-api';

/**
 * Token verification. The defaults fit embedded mode (the gateway on localhost:8080 signs
 * and publishes its key set); production points them at the OIDC issuer.
 */
export const authConfigSchema = z.object({
  AUTH_ISSUER: z.string().min(1).default(EMBEDDED_ISSUER),
  AUTH_AUDIENCE: z.string().min(1).default(DEFAULT_AUDIENCE),
  AUTH_JWKS_URL: z.url({ protocol: /^https?$/ }).default(`http://127.0.0.1:8080${EMBEDDED_JWKS_PATH}`),
});

/** Where the organisation registry (monitor-service) is: the source of every organisation's type for access decisions. */
export const registerConfigSchema = z.object({
  MONITOR_SERVICE_URL: z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:8084'),
});

/**
 * A service's own identity towards the other services (it writes consent-service's processing
 * log, which takes only service tokens). Embedded mode: tokens signed with the gateway's key under
 * `KETENREGIE_DATA_DIR`. Distributed mode: client credentials of `SERVICE_CLIENT_ID` at
 * `AUTH_TOKEN_URL` (both needed there; the service refuses to start without them).
 */
export const dienstIdentiteitConfigSchema = z.object({
  KETENREGIE_DATA_DIR: z.string().min(1).default('.data'),
  AUTH_TOKEN_URL: z.url({ protocol: /^https?$/ }).optional(),
  SERVICE_CLIENT_ID: z
    .string()
    .regex(/^[A-Za-z0-9._:-]{1,200}$/)
    .optional(),
  SERVICE_CLIENT_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
});

/**
 * Everything a Ketenregie service needs from the platform. Extend it with the service's own
 * variables: `platformConfigSchema.extend({ MY_VAR: z.string() })`.
 */
export const platformConfigSchema = z.object({
  ...httpConfigSchema.shape,
  ...modeConfigSchema.shape,
  ...databaseConfigSchema.shape,
  ...temporalConfigSchema.shape,
  ...authConfigSchema.shape,
  ...registerConfigSchema.shape,
});

/** Parsed {@link platformConfigSchema}. */
export type PlatformConfig = z.output<typeof platformConfigSchema>;
