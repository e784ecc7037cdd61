import pino from 'pino';
import { RealClock, VirtualClock } from './clock/clock';
import { Engine } from './engine/engine';
import { parseSearchAttributeType } from './engine/search-attributes';
import { startGrpcServer } from './server/grpc-server';
import { InMemoryStore } from './store/in-memory-store';
import type { SearchAttributeType } from './visibility';

/** Parsed command line of the launcher. */
export interface ServerConfig {
  mode: 'dev' | 'time-skipping';
  host: string;
  port: number;
  namespaces: string[];
  searchAttributes: Record<string, SearchAttributeType>;
  logLevel: string;
  dbFilename?: string;
}

/**
 * Parses both launch forms the Temporal SDK uses:
 * `server start-dev --port P --namespace N --ip IP [--db-filename F] [--search-attribute name=Type]...`
 * and the test-server form `<port>` (time skipping on). Unknown flags are ignored.
 */
export function parseArgs(argv: string[]): ServerConfig {
  const config: ServerConfig = {
    mode: 'dev',
    host: '127.0.0.1',
    port: 7233,
    namespaces: ['default'],
    searchAttributes: {},
    logLevel: 'warn',
  };
  if (argv[0] !== 'server') {
    config.mode = 'time-skipping';
    config.host = '0.0.0.0';
    if (argv[0] !== undefined && /^\d+$/.test(argv[0])) config.port = Number(argv[0]);
    return config;
  }
  const namespaces: string[] = [];
  for (let i = 2; i < argv.length; i++) {
    const flag = argv[i] ?? '';
    const [name, inline] = flag.includes('=') && flag.startsWith('--') ? [flag.slice(0, flag.indexOf('=')), flag.slice(flag.indexOf('=') + 1)] : [flag, undefined];
    const value = (): string => inline ?? argv[++i] ?? '';
    switch (name) {
      case '--port':
      case '-p':
        config.port = Number(value());
        break;
      case '--ip':
        config.host = value();
        break;
      case '--namespace':
      case '-n':
        namespaces.push(value());
        break;
      case '--db-filename':
      case '-f':
        config.dbFilename = value();
        break;
      case '--log-level':
        config.logLevel = value();
        break;
      case '--search-attribute': {
        const spec = value();
        const separator = spec.indexOf('=');
        const type = parseSearchAttributeType(spec.slice(separator + 1));
        if (separator <= 0 || !type) throw new Error(`invalid --search-attribute ${spec}`);
        config.searchAttributes[spec.slice(0, separator)] = type;
        break;
      }
      default:
        break;
    }
  }
  config.namespaces = [...new Set(['default', ...namespaces])];
  return config;
}

/** Starts a server from a parsed configuration. */
export async function runServer(config: ServerConfig): Promise<{ port: number; stop(): Promise<void> }> {
  const logger = pino(
    { level: process.env['TEMPORAL_DEV_SERVER_LOG_LEVEL'] ?? config.logLevel, base: { service: 'temporal-dev-server' } },
    pino.destination(2),
  );
  const clock = config.mode === 'time-skipping' ? new VirtualClock() : new RealClock();
  const engine = new Engine({ store: new InMemoryStore(), clock, logger });
  await engine.start(config.namespaces, config.searchAttributes);
  if (config.dbFilename) logger.warn({ dbFilename: config.dbFilename }, 'persistence is not available yet; state is kept in memory');
  const { server, port } = await startGrpcServer({ engine, logger, host: config.host, port: config.port, testService: config.mode === 'time-skipping' });
  logger.info({ port, host: config.host, mode: config.mode }, 'temporal dev server listening');
  return {
    port,
    stop: async () => {
      engine.stop();
      await new Promise<void>((resolve) => server.tryShutdown(() => resolve()));
    },
  };
}

/** Entry point used by `bin/temporal-dev-server`. */
export async function main(argv: string[]): Promise<void> {
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
