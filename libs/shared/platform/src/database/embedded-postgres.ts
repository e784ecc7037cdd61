import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Options of {@link startEmbeddedPostgres}. */
export interface EmbeddedPostgresOptions {
  /** Directory the database persists in; `undefined` keeps it in memory (tests). */
  readonly dataDir?: string;
  /** TCP port (default 5432; 0 picks a free one). */
  readonly port?: number;
  /** Interface to bind (default 127.0.0.1). */
  readonly host?: string;
  /** Concurrent client connections accepted (default 64; all services' pools share them). */
  readonly maxConnections?: number;
}

/** A running embedded database. */
export interface EmbeddedPostgres {
  /** Connection URL for `pg`/TypeORM (`DATABASE_URL`). */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  /** Closes client connections, flushes and closes the database, releases the lock. */
  stop(): Promise<void>;
}

/**
 * Serves a PGlite database (PostgreSQL in WebAssembly, persisted under `dataDir`) over the
 * PostgreSQL wire protocol, so services use it through the ordinary `pg` driver with the same
 * code as against a real server. The socket server multiplexes many client connections onto
 * PGlite's single session and keeps an open transaction exclusive to the connection that
 * started it. Session-level settings (`SET`, `search_path`) are shared by all connections,
 * which is why the platform never relies on them.
 *
 * A `<dataDir>.lock` file holding the process id keeps a second process from opening the same
 * directory (which would corrupt it).
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions = {}): Promise<EmbeddedPostgres> {
  const host = options.host ?? '127.0.0.1';
  const lockFile = options.dataDir ? `${options.dataDir.replace(/[\\/]+$/, '')}.lock` : undefined;
  if (options.dataDir && lockFile) {
    await mkdir(options.dataDir, { recursive: true });
    await acquireLock(lockFile);
  }
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
    const db = await PGlite.create(options.dataDir ?? 'memory://');
    const server = new PGLiteSocketServer({ db, host, port: options.port ?? 5432, maxConnections: options.maxConnections ?? 64 });
    try {
      await server.start();
    } catch (error) {
      await db.close();
      throw error;
    }
    const port = Number(server.getServerConn().split(':').pop());
    let stopped: Promise<void> | undefined;
    return {
      url: `postgres://postgres@${host.includes(':') ? `[${host}]` : host}:${port}/postgres`,
      host,
      port,
      stop: () =>
        (stopped ??= (async () => {
          await server.stop();
          await db.close();
          if (lockFile) await rm(lockFile, { force: true });
        })()),
    };
  } catch (error) {
    if (lockFile) await rm(lockFile, { force: true });
    throw error;
  }
}

async function acquireLock(lockFile: string): Promise<void> {
  await mkdir(dirname(lockFile), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lockFile, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number((await readFile(lockFile, 'utf8').catch(() => '')).trim());
      if (pid > 0 && isAlive(pid)) {
        throw new Error(`The embedded database is in use by process ${pid} (lock file ${lockFile})`);
      }
      await rm(lockFile, { force: true }); // stale lock of a process that died
    }
  }
  throw new Error(`Could not lock the embedded database (${lockFile})`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
