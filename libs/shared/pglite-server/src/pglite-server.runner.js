// Child process serving PGlite over the PostgreSQL wire protocol: the embedded database of
// startEmbeddedPostgres() (a data directory, locked) and the throw-away one of the tests (in
// memory, from an initialised data directory cached once per machine and PGlite version:
// initdb takes seconds on a busy 2-core machine). Plain CommonJS so it runs under bare `node`
// (PGlite's dynamic imports do not work inside Jest's VM, and its synchronous WASM execution
// would block the host's event loop).
'use strict';
const { mkdir, open, readFile, rename, rm, writeFile } = require('node:fs/promises');
const { dirname, join } = require('node:path');
const { tmpdir } = require('node:os');
const { randomBytes } = require('node:crypto');
const { createSocketServer } = require('./session-queue');

const options = JSON.parse(process.argv[2] || '{}');
const lockFile = options.dataDir ? `${options.dataDir.replace(/[\\/]+$/, '')}.lock` : undefined;
let stopping;
/** Whether this process holds the lock file (only then does it remove it). */
let ownsLock = false;

function send(message) {
  if (process.connected) process.send(message);
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

async function acquireLock() {
  await mkdir(dirname(lockFile), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lockFile, 'wx');
      ownsLock = true;
      await handle.writeFile(String(process.pid));
      await handle.close();
      return;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      const pid = Number((await readFile(lockFile, 'utf8').catch(() => '')).trim());
      if (pid > 0 && isAlive(pid)) throw new Error(`The embedded database ${options.dataDir} is in use by process ${pid} (lock file ${lockFile})`);
      await rm(lockFile, { force: true });
    }
  }
  throw new Error(`Could not lock the embedded database (${lockFile})`);
}

/** The cached dump of a new data directory, made on first use. */
async function template(PGlite) {
  const pkg = join(dirname(require.resolve('@electric-sql/pglite')), '..', 'package.json');
  const { version } = JSON.parse(await readFile(pkg, 'utf8'));
  const file = join(tmpdir(), `ketenregie-pglite-template-${version}.tar`);
  try {
    return new Blob([await readFile(file)]);
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
  }
  const db = await PGlite.create('memory://');
  const bytes = Buffer.from(await (await db.dumpDataDir('none')).arrayBuffer());
  await db.close();
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(tmp, bytes);
  await rename(tmp, file);
  return new Blob([bytes]);
}

async function main() {
  if (options.dataDir) {
    await mkdir(options.dataDir, { recursive: true });
    await acquireLock();
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  const loadDataDir = options.loadDataDirFile ? new Blob([await readFile(options.loadDataDirFile)]) : options.template ? await template(PGlite) : undefined;
  const db = await PGlite.create({ dataDir: options.dataDir || 'memory://', ...(loadDataDir ? { loadDataDir } : {}) });
  const server = createSocketServer(PGLiteSocketServer, {
    db,
    host: options.host || '127.0.0.1',
    port: options.port ?? 5432,
    maxConnections: options.maxConnections || 64,
  });
  await server.start();
  const stop = () =>
    (stopping ??= (async () => {
      await server.stop();
      await db.close();
      if (ownsLock) await rm(lockFile, { force: true });
    })());
  process.on('message', (message) => {
    if (message && message.type === 'stop') stop().then(() => process.exit(0), () => process.exit(1));
  });
  // The parent died or let go: do not outlive it.
  process.on('disconnect', () => stop().then(() => process.exit(0), () => process.exit(1)));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stop().then(() => process.exit(0), () => process.exit(1)));
  send({ type: 'ready', port: Number(server.getServerConn().split(':').pop()) });
}

main().catch(async (error) => {
  send({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  if (ownsLock) await rm(lockFile, { force: true });
  process.exit(1);
});
