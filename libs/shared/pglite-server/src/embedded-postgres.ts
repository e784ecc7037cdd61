import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';

/** Options of {@link startEmbeddedPostgres}. */
export interface EmbeddedPostgresOptions {
  /** Directory the database persists in; `undefined` keeps it in memory. */
  readonly dataDir?: string;
  /** TCP port (default 5432; 0 picks a free one). */
  readonly port?: number;
  /** Interface to bind (default 127.0.0.1). */
  readonly host?: string;
  /** Concurrent client connections accepted (default 64; every service's pool shares them). */
  readonly maxConnections?: number;
  /**
   * A data directory dump (`PGlite#dumpDataDir('none')`) to start from when the directory is
   * empty, skipping initdb.
   */
  readonly loadDataDirFile?: string;
  /**
   * Without `dataDir`: start from an initialised data directory cached in the temp directory
   * once per machine and PGlite version (initdb takes seconds on a busy 2-core machine).
   */
  readonly template?: boolean;
  /** How long to wait for the server (default 120 s: initdb of a new directory on a busy machine). */
  readonly startTimeoutMs?: number;
}

/** A running embedded database. */
export interface EmbeddedPostgres {
  /** Connection URL for `pg`/TypeORM (`DATABASE_URL`). */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  /** Process id of the database process. */
  readonly pid: number;
  /** Closes client connections, flushes and closes the database, releases the lock. Idempotent. */
  stop(): Promise<void>;
}

/** The child process that serves PGlite over the wire protocol (pglite-server.runner.js). */
const RUNNER = join(__dirname, 'pglite-server.runner.js');

/**
 * Serves a PGlite database (PostgreSQL compiled to WebAssembly, persisted under `dataDir`)
 * over the PostgreSQL wire protocol, so services reach it through the ordinary `pg` driver
 * with the same code as a real server. It runs in a child process of its own: PGlite executes
 * synchronously and would otherwise stall the caller's event loop, and the child stops when
 * its parent exits.
 *
 * The socket server (`PGLiteSocketServer`) multiplexes many client connections onto PGlite's
 * single session and gives it to one connection from an exchange's first message until the
 * exchange, or the transaction it opened, has ended (`SessionQueue`, session-queue.js).
 * Session state (`SET`, `search_path`) is shared by every connection, which is why the
 * platform qualifies every table with its schema. A `<dataDir>.lock` file holding the process
 * id stops a second process from opening the same directory.
 */
export function startEmbeddedPostgres(options: EmbeddedPostgresOptions = {}): Promise<EmbeddedPostgres> {
  const host = options.host ?? '127.0.0.1';
  const child = fork(RUNNER, [JSON.stringify({ ...options, host })], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv: [],
  });
  return new Promise<EmbeddedPostgres>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The embedded database did not start within ${options.startTimeoutMs ?? 120_000} ms`));
    }, options.startTimeoutMs ?? 120_000);
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`The embedded database process exited during start-up (code ${code})`));
    };
    child.once('exit', onExit);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('message', (message: { type?: string; port?: number; message?: string }) => {
      if (message?.type === 'error') {
        clearTimeout(timer);
        child.off('exit', onExit);
        reject(new Error(`The embedded database could not start: ${message.message}`));
      } else if (message?.type === 'ready' && typeof message.port === 'number') {
        clearTimeout(timer);
        child.off('exit', onExit);
        const port = message.port;
        resolve({
          url: `postgres://postgres@${host.includes(':') ? `[${host}]` : host}:${port}/postgres`,
          host,
          port,
          pid: child.pid ?? -1,
          stop: memoize(() => stopChild(child)),
        });
      }
    });
  });
}

function memoize(fn: () => Promise<void>): () => Promise<void> {
  let result: Promise<void> | undefined;
  return () => (result ??= fn());
}

function stopChild(child: ChildProcess, timeoutMs = 15_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    if (child.connected) child.send({ type: 'stop' });
    else child.kill('SIGTERM');
  });
}
