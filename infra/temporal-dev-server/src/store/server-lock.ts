import { open, readFile, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { Client } from 'pg';

/**
 * One server per database. Task matching, long polls and the run cache live in the server's
 * process, so a second server on the same store would hand out tasks twice; it must refuse to
 * start instead.
 */

/** Key of the session-level advisory lock a server holds on its database for its lifetime. */
export const SERVER_LOCK = 7_233_001;
/** How long a start waits for a lock whose holder is gone but not yet noticed by the database. */
const STALE_WAIT_MS = 30_000;
const APPLICATION = 'temporal-dev-server';

/** Another server uses the same database. */
export class ServerLockedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ServerLockedError';
  }
}

/** The advisory lock, held by one connection of its own (not the pool's). */
export interface HeldLock {
  release(): Promise<void>;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the session-level advisory lock {@link SERVER_LOCK} on a connection of its own and keeps
 * it until {@link HeldLock.release} or the process dies: a `kill -9`ed server's connection closes
 * with it, and the database drops the lock when it notices. The connection is named after the
 * server's host and pid, so a refused start says which server holds the database, and a start
 * on the same host waits while the holder's process is already dead (its connection not yet
 * closed).
 *
 * @param onLost called if the connection breaks while held (the lock is gone with it).
 * @throws ServerLockedError when another server holds the lock.
 */
export async function acquireServerLock(url: string, onLost: (error: Error) => void): Promise<HeldLock> {
  const host = hostname();
  const client = new Client({ connectionString: url, application_name: `${APPLICATION} ${host} ${process.pid}`, keepAlive: true });
  let releasing = false;
  client.on('error', (error) => {
    if (!releasing) onLost(error);
  });
  await client.connect();
  const deadline = Date.now() + STALE_WAIT_MS;
  try {
    for (;;) {
      const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [SERVER_LOCK]);
      if (rows[0]?.ok) break;
      const holder = await lockHolder(client);
      const sameHost = holder?.host === host;
      const dead = sameHost && holder?.pid !== undefined && !isAlive(holder.pid);
      if (!holder || (dead && Date.now() < deadline) || (!holder.pid && Date.now() < deadline)) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        continue;
      }
      const who = holder.pid ? `process ${holder.pid} on ${holder.host}` : `database session ${holder.backendPid}`;
      throw new ServerLockedError(
        `another temporal dev server (${who}, connected since ${holder.since}) uses schema temporal of this database; ` +
          'run one server per database (stop it, or give this one another database)',
      );
    }
  } catch (error) {
    releasing = true;
    await client.end().catch(() => undefined);
    throw error;
  }
  return {
    release: async () => {
      releasing = true;
      await client.end().catch(() => undefined);
    },
  };
}

async function lockHolder(client: Client): Promise<{ host?: string; pid?: number; backendPid: number; since: string } | undefined> {
  const { rows } = await client.query<{ pid: number; application_name: string | null; backend_start: Date | null }>(
    `SELECT l.pid, a.application_name, a.backend_start
       FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1 AND l.classid = 0 AND l.objid = $1
        AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    [SERVER_LOCK],
  );
  const row = rows[0];
  if (!row) return undefined;
  const [name, host, pid] = (row.application_name ?? '').split(' ');
  const since = row.backend_start ? row.backend_start.toISOString() : 'an unknown time';
  return name === APPLICATION && host && Number(pid) > 0 ? { host, pid: Number(pid), backendPid: row.pid, since } : { backendPid: row.pid, since };
}

/**
 * The lock of an embedded cluster's directory (`--db-filename`): a file next to it
 * (`<dir>.server.lock`) holding the server's pid, taken before the cluster starts. The cluster's
 * own lock names its runner process, which outlives a killed server briefly while it shuts the
 * cluster down, so it cannot tell a second server (refused at once) from a restart (which waits
 * for the runner). A lock file whose process is gone is taken over.
 *
 * @throws ServerLockedError when a live process holds it.
 */
export async function acquireDirectoryLock(dataDir: string): Promise<HeldLock> {
  const file = `${dataDir.replace(/[\\/]+$/, '')}.server.lock`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return { release: () => rm(file, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number((await readFile(file, 'utf8').catch(() => '')).trim());
      if (pid > 0 && pid !== process.pid && isAlive(pid)) {
        throw new ServerLockedError(
          `another temporal dev server (process ${pid}) uses the embedded database ${dataDir} (lock file ${file}); run one server per database`,
        );
      }
      await rm(file, { force: true });
    }
  }
  throw new ServerLockedError(`could not take the lock file ${file} of the embedded database ${dataDir}`);
}
