import { parseArgs as parseCommandLine } from 'node:util';
import pino from 'pino';
import { RealClock, VirtualClock } from './clock/clock';
import { Engine } from './engine/engine';
import { parseSearchAttributeType } from './model/search-attributes';
import { startGrpcServer } from './server/grpc-server';
import { DeferredStore } from './store/deferred-store';
import { InMemoryStore } from './store/in-memory-store';
import { PgStore } from './store/pg-store';
import { acquireDirectoryLock } from './store/server-lock';
import type { Store } from './store/store';
import type { SearchAttributeType } from './visibility';

/** Parsed command line of the launcher. */
export interface ServerConfig {
  mode: 'dev' | 'time-skipping';
  host: string;
  port: number;
  namespaces: string[];
  searchAttributes: Record<string, SearchAttributeType>;
  logLevel: string;
  /** Directory of an embedded PostgreSQL cluster of its own, run by a child process (`startEmbeddedPostgres`). */
  dbFilename?: string;
  /** PostgreSQL server; wins over `dbFilename`. */
  databaseUrl?: string;
  /** Where the store choice came from (logged at start). */
  storeSource: 'flag' | 'TEMPORAL_DEV_SERVER_DATABASE_URL' | 'DATABASE_URL' | 'default';
  /** Retention of closed runs in ms, overriding the namespaces' retention. */
  retentionMs?: number;
}

const DURATION_UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `500ms`, `30s`, `15m`, `24h`, `7d` (a bare number is milliseconds). */
export function parseDuration(text: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)?$/.exec(text.trim());
  if (!match) throw new Error(`invalid duration ${text}`);
  return Number(match[1]) * (DURATION_UNITS[match[2] ?? 'ms'] ?? 1);
}

function postgresUrl(value: string, source: string): string {
  if (!/^postgres(ql)?:\/\/.+/.test(value)) throw new Error(`${source} must be a postgres:// URL`);
  return value;
}

/**
 * Parses both launch forms the Temporal SDK uses:
 * `server start-dev --port P --namespace N --ip IP [--db-filename F] [--search-attribute name=Type]...`
 * and the test-server form `<port>` (time skipping on, always in memory). Unknown flags are ignored.
 *
 * Store of the dev form, first match wins: a flag (`--database-url`, then `--db-filename`, then
 * `--in-memory`), env `TEMPORAL_DEV_SERVER_DATABASE_URL`, env `DATABASE_URL`, memory.
 * A URL must be `postgres://`; anything else stops the start.
 */
export function parseArgs(argv: string[], env: Record<string, string | undefined> = process.env): ServerConfig {
  const config: ServerConfig = {
    mode: 'dev',
    host: '127.0.0.1',
    port: 7233,
    namespaces: ['default'],
    searchAttributes: {},
    logLevel: 'warn',
    storeSource: 'default',
  };
  if (argv[0] !== 'server') {
    config.mode = 'time-skipping';
    config.host = '0.0.0.0';
    if (argv[0] !== undefined && /^\d+$/.test(argv[0])) config.port = Number(argv[0]);
    return config;
  }
  // Node's own parser; flags this server does not know (the SDK passes more) are ignored.
  const { values } = parseCommandLine({
    args: argv.slice(2),
    strict: false,
    options: {
      port: { type: 'string', short: 'p' },
      ip: { type: 'string' },
      namespace: { type: 'string', short: 'n', multiple: true },
      'db-filename': { type: 'string', short: 'f' },
      'database-url': { type: 'string' },
      'in-memory': { type: 'boolean' },
      retention: { type: 'string' },
      'log-level': { type: 'string' },
      'search-attribute': { type: 'string', multiple: true },
    },
  });
  const stringFlag = (name: string): string | undefined => {
    const value = values[name];
    return typeof value === 'string' ? value : undefined;
  };
  const listFlag = (name: string): string[] => {
    const value = values[name];
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  };
  const port = stringFlag('port');
  if (port !== undefined) config.port = Number(port);
  config.host = stringFlag('ip') ?? config.host;
  const namespaces = listFlag('namespace');
  const dbFilename = stringFlag('db-filename');
  if (dbFilename !== undefined) config.dbFilename = dbFilename;
  const databaseUrl = stringFlag('database-url');
  if (databaseUrl !== undefined) config.databaseUrl = postgresUrl(databaseUrl, '--database-url');
  const inMemory = values['in-memory'] === true;
  const retention = stringFlag('retention');
  if (retention !== undefined) config.retentionMs = parseDuration(retention);
  config.logLevel = stringFlag('log-level') ?? config.logLevel;
  for (const spec of listFlag('search-attribute')) {
    const separator = spec.indexOf('=');
    const type = parseSearchAttributeType(spec.slice(separator + 1));
    if (separator <= 0 || !type) throw new Error(`invalid --search-attribute ${spec}`);
    config.searchAttributes[spec.slice(0, separator)] = type;
  }
  config.namespaces = [...new Set(['default', ...namespaces])];
  if (config.databaseUrl || config.dbFilename || inMemory) {
    config.storeSource = 'flag';
  } else if (env['TEMPORAL_DEV_SERVER_DATABASE_URL']) {
    config.databaseUrl = postgresUrl(env['TEMPORAL_DEV_SERVER_DATABASE_URL'], 'TEMPORAL_DEV_SERVER_DATABASE_URL');
    config.storeSource = 'TEMPORAL_DEV_SERVER_DATABASE_URL';
  } else if (env['DATABASE_URL']) {
    config.databaseUrl = postgresUrl(env['DATABASE_URL'], 'DATABASE_URL');
    config.storeSource = 'DATABASE_URL';
  }
  return config;
}

/** Starts a server from a parsed configuration. */
export async function runServer(config: ServerConfig): Promise<{ port: number; ready: Promise<void>; stop(): Promise<void> }> {
  const logger = pino(
    { level: process.env['TEMPORAL_DEV_SERVER_LOG_LEVEL'] ?? config.logLevel, base: { service: 'temporal-dev-server' } },
    pino.destination(2),
  );
  const clock = config.mode === 'time-skipping' ? new VirtualClock() : new RealClock();
  const opened = openStore(config, (error) => {
    logger.fatal({ err: error }, 'temporal dev server lost the connection holding its database lock');
    process.exit(1);
  });
  const started = Date.now();
  const engine = new Engine({
    store: new DeferredStore(opened.then((o) => o.store)),
    clock,
    logger,
    retentionMs: config.retentionMs,
    retention: config.mode === 'dev',
  });
  const ready = engine.start(config.namespaces, config.searchAttributes).then(() => {
    const store = config.databaseUrl ? 'postgres' : config.dbFilename ? 'embedded-postgres' : 'memory';
    logger.info({ ms: Date.now() - started, store, storeSource: config.storeSource }, 'temporal dev server ready');
  });
  ready.catch((error: unknown) => {
    logger.fatal({ err: error }, `temporal dev server could not open its store: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
    setImmediate(() => process.exit(1));
  });
  const { server, port } = await startGrpcServer({ engine, logger, host: config.host, port: config.port, testService: config.mode === 'time-skipping', ready });
  logger.info({ port, host: config.host, mode: config.mode }, 'temporal dev server listening');
  return {
    port,
    ready,
    stop: async () => {
      engine.stop();
      await new Promise<void>((resolve) => server.tryShutdown(() => resolve()));
      const { store, release } = await opened;
      await store.close();
      await release();
    },
  };
}

/**
 * Opens the store the configuration asks for: PostgreSQL, an embedded PostgreSQL cluster of its
 * own or memory. A database store is locked for this server (see `server-lock.ts`): a second
 * server on it fails to start.
 */
async function openStore(config: ServerConfig, onLockLost: (error: Error) => void): Promise<{ store: Store; release(): Promise<void> }> {
  if (config.databaseUrl) {
    return { store: await PgStore.open({ url: config.databaseUrl, exclusive: { onLost: onLockLost } }), release: async () => undefined };
  }
  if (config.dbFilename) {
    const lock = await acquireDirectoryLock(config.dbFilename);
    let database: { url: string; stop(): Promise<void> } | undefined;
    try {
      const { startEmbeddedPostgres } = await import('@ketenregie/shared-embedded-postgres');
      // After a kill -9 the previous server's cluster may still be shutting down.
      database = await retryWhileInUse(() => startEmbeddedPostgres({ dataDir: config.dbFilename ?? '', port: 0 }));
      const store = await PgStore.open({ url: database.url, exclusive: { onLost: onLockLost } });
      const opened = database;
      return {
        store,
        release: async () => {
          await opened.stop();
          await lock.release();
        },
      };
    } catch (error) {
      await database?.stop();
      await lock.release();
      throw error;
    }
  }
  return { store: new InMemoryStore(), release: async () => undefined };
}

async function retryWhileInUse<T>(open: () => Promise<T>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await open();
    } catch (error) {
      if ((error as { code?: string }).code !== 'IN_USE' || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** Entry point used by `bin/temporal-dev-server`. */
export async function main(argv: string[]): Promise<void> {
  if (argv[0] === 'workflow' && argv[1] === 'show') {
    // Operator tooling, not the server: a history with its payloads decoded through a codec server.
    const { parseWorkflowShowArgs, workflowShow } = await import('./tooling/workflow-show');
    try {
      process.stdout.write(`${JSON.stringify(await workflowShow(parseWorkflowShowArgs(argv.slice(2))), null, 2)}\n`);
    } catch (error) {
      process.stderr.write(`${(error as Error).message}\n`);
      process.exitCode = 1;
    }
    return;
  }
  const config = parseArgs(argv);
  const running = await runServer(config);
  const shutdown = () => {
    const force = setTimeout(() => process.exit(0), 2000);
    force.unref();
    void running.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}
