'use strict';
/**
 * The Ketenregie stack as one ordered list of steps: embedded database → Temporal dev server →
 * services → worker → gateway → demo seed, with the portal built alongside. `npm start` (start.js) and the e2e tests both use
 * `startStack`; only ports, data directory and environment differ.
 */
const fs = require('node:fs');
const path = require('node:path');
const { StartError, spawnChild, waitForHttp, waitForTcp, freePort, tcpOpen } = require('./processes');
const { buildPortal } = require('./portal');

const ROOT = path.resolve(__dirname, '..', '..');

/**
 * The HTTP services behind the gateway. Adding a service is one line here (and one route
 * entry in apps/gateway/src/app/route-table.ts); `urlEnv` is how the gateway finds it.
 */
const SERVICES = [
  { name: 'consent-service', entry: 'apps/consent-service/src/main.ts', port: 8082, urlEnv: 'CONSENT_SERVICE_URL' },
  { name: 'monitor-service', entry: 'apps/monitor-service/src/main.ts', port: 8084, urlEnv: 'MONITOR_SERVICE_URL' },
  { name: 'exchange-service', entry: 'apps/exchange-service/src/main.ts', port: 8083, urlEnv: 'EXCHANGE_SERVICE_URL' },
  { name: 'traject-service', entry: 'apps/traject-service/src/main.ts', port: 8081, urlEnv: 'TRAJECT_SERVICE_URL' },
  { name: 'plaatsing-service', entry: 'apps/plaatsing-service/src/main.ts', port: 8085, urlEnv: 'PLAATSING_SERVICE_URL' },
];

/**
 * Demo data, loaded after the stack is up. Every step is idempotent (stable ids, insert only
 * what is missing), so running it on every start seeds the region exactly once. The traject
 * issue appends its deelnemers step here.
 */
const SEED_STEPS = [
  { name: 'demo region: organisaties and stuurgroep', entry: 'apps/monitor-service/src/seed.ts', service: 'monitor-service' },
  { name: 'demo deelnemers and trajecten', entry: 'apps/traject-service/src/seed.ts', service: 'traject-service' },
];

const WORKER = { name: 'worker', entry: 'apps/worker/src/main.ts' };
const GATEWAY = { name: 'gateway', entry: 'apps/gateway/src/main.ts' };
/** Mirrors EMBEDDED_JWKS_PATH of @ketenregie/shared-platform (this file is plain JS and cannot import it). */
const EMBEDDED_JWKS_PATH = '/auth/jwks.json';
const TEMPORAL_BIN = 'infra/temporal-dev-server/bin/temporal-dev-server';
/**
 * Mirrors EMBEDDED_PSEUDONIEM_SLEUTEL of @ketenregie/consent-data-access: consent-service and the
 * worker both write the processing log, so they must pseudonymise with one key.
 */
const EMBEDDED_PSEUDONIEM_SLEUTEL = Buffer.from('ketenregie-embedded-pseudonymisation-key-not-secret', 'utf8').toString('base64');

const DEFAULTS = {
  gatewayPort: 8080,
  pgPort: 5433,
  temporalPort: 7233,
  // The worker's own HTTP listener: /metrics and /health/*.
  workerPort: 9464,
  // The worker bundles one workflow bundle per task queue (traject, exchange, consent, plaatsing) one after
  // another before it is ready: on a loaded two-core machine that took more than 90 s.
  timeouts: { database: 60_000, temporal: 60_000, service: 90_000, worker: 180_000, gateway: 60_000, seed: 90_000, portal: 240_000 },
};

/**
 * Orchestrator settings from the environment (the orchestrator's own variables; every app
 * validates its own configuration when it starts).
 */
function optionsFromEnv(env) {
  const int = (name, fallback) => {
    if (env[name] === undefined || env[name] === '') return fallback;
    const value = Number(env[name]);
    if (!Number.isInteger(value) || value < 1 || value > 65535) throw new StartError(`${name} must be a port number, got "${env[name]}"`);
    return value;
  };
  return {
    dataDir: path.resolve(ROOT, env.KETENREGIE_DATA_DIR || '.data'),
    gatewayPort: int('KETENREGIE_PORT', DEFAULTS.gatewayPort),
    pgPort: int('KETENREGIE_PG_PORT', DEFAULTS.pgPort),
    temporalPort: int('KETENREGIE_TEMPORAL_PORT', DEFAULTS.temporalPort),
  };
}

/**
 * Picks free ports for every listener (used by tests so they never clash with `npm start`).
 * @returns {Promise<{ gatewayPort: number, pgPort: number, temporalPort: number, workerPort: number, servicePorts: Record<string, number> }>}
 */
async function freePorts() {
  // The OS may hand out a port it just released again: draw until every listener has its own.
  const taken = new Set();
  const distinct = async () => {
    for (;;) {
      const port = await freePort();
      if (!taken.has(port)) return (taken.add(port), port);
    }
  };
  /** @type {Record<string, number>} */
  const services = {};
  for (const service of SERVICES) services[service.name] = await distinct();
  return { gatewayPort: await distinct(), pgPort: await distinct(), temporalPort: await distinct(), workerPort: await distinct(), servicePorts: services };
}

/** Hides a password in a connection string before it is printed. */
function redactUrl(url) {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}

/** What `npm start` keeps in its data directory; anything else there is not this version's. */
const DATA_DIR_ENTRIES = new Set(['postgres', 'auth', 'logs', 'verwerkingslog-ankers']);

/**
 * Entries of the data directory this version does not use: the embedded database and the dev
 * server's own store of an earlier version (a different database engine, not read by this one).
 */
function unusedDataEntries(dataDir) {
  try {
    return fs.readdirSync(dataDir).filter((entry) => !DATA_DIR_ENTRIES.has(entry) && !entry.startsWith('.'));
  } catch {
    return [];
  }
}

/** A path as the user would type it: relative when under the working directory. */
function shown(file) {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') ? relative : file;
}

function seconds(ms) {
  return `${(ms / 1000).toFixed(1)}s`;
}

/**
 * Starts the whole stack and resolves once every part is ready and seeded.
 *
 * @param {object} options
 * @param {NodeJS.ProcessEnv} [options.env] base environment (default: process.env); DATABASE_URL and
 *   TEMPORAL_ADDRESS in it switch to external services.
 * @param {string} [options.dataDir] where embedded data, keys and logs live.
 * @param {number} [options.gatewayPort] @param {number} [options.pgPort] @param {number} [options.temporalPort] @param {number} [options.workerPort]
 * @param {Record<string, number>} [options.servicePorts] per service name.
 * @param {Partial<typeof DEFAULTS.timeouts>} [options.timeouts] start-up limits per step (ms), e.g. longer on a loaded machine.
 * @param {(line: string) => void} [options.log] progress output (default: silent).
 * @param {boolean} [options.portal] false: do not build the portal (the stack serves the API only).
 * @param {boolean} [options.echo] stream children's output to this terminal instead of log files.
 * @param {AbortSignal} [options.signal] aborting stops whatever has started and rejects.
 * @param {Partial<Record<'database' | 'temporal' | 'service' | 'worker' | 'gateway' | 'seed' | 'portal', number>>} [options.timeouts] how long each
 *   part may take to come up, in ms (a busy machine needs longer).
 * @param {string} [options.temporalBin] launcher of the Temporal dev server (default infra/temporal-dev-server/bin/…).
 * @param {(name: string, how: string, logFile: string) => void} [options.onUnexpectedExit] called when a part
 *   exits on its own after the stack was ready.
 * @returns {Promise<{ url: string, env: NodeJS.ProcessEnv, elapsedMs: number, stop: () => Promise<void>, processes: () => Array<{ name: string, pid: number }>,
 *   metricsUrls: Record<string, string>, restart: (name: string, options?: { kill?: boolean, downMs?: number }) => Promise<{ downMs: number, alsoRestarted: string[] }> }>}
 */
async function startStack(options = {}) {
  const started = Date.now();
  const baseEnv = { ...(options.env ?? process.env) };
  const fromEnv = optionsFromEnv(baseEnv);
  const dataDir = path.resolve(options.dataDir ?? fromEnv.dataDir);
  const gatewayPort = options.gatewayPort ?? fromEnv.gatewayPort;
  const pgPort = options.pgPort ?? fromEnv.pgPort;
  const temporalPort = options.temporalPort ?? fromEnv.temporalPort;
  const workerPort = options.workerPort ?? DEFAULTS.workerPort;
  const servicePorts = Object.fromEntries(SERVICES.map((s) => [s.name, options.servicePorts?.[s.name] ?? s.port]));
  const timeouts = { ...DEFAULTS.timeouts, ...options.timeouts };
  const log = options.log ?? (() => undefined);
  const logDir = path.join(dataDir, 'logs');
  const unused = baseEnv.DATABASE_URL ? [] : unusedDataEntries(dataDir);
  if (unused.length > 0) {
    const where = (entry) => shown(path.join(dataDir, entry));
    const them = unused.length > 1 ? 'them' : 'it';
    log(
      `  note: ${unused.map(where).join(', ')} ${unused.length > 1 ? 'hold' : 'holds'} data this version does not read (an earlier ` +
        `version's embedded database, see CHANGELOG.md). This version keeps its database in ${where('postgres')}, ` +
        `where its first start seeds a fresh demo region; delete ${them} when you no longer need ${them}.`,
    );
  }
  fs.mkdirSync(logDir, { recursive: true });
  // As root the embedded PostgreSQL runs as the system user postgres, which must pass through
  // the data directory (often a private one: a temp directory of a test).
  if (!baseEnv.DATABASE_URL && process.getuid?.() === 0) fs.chmodSync(dataDir, (fs.statSync(dataDir).mode & 0o7777) | 0o011);

  const gatewayUrl = `http://localhost:${gatewayPort}`;
  const mode = baseEnv.KETENREGIE_MODE || 'embedded';
  const handles = [];
  /** How to start a part again and wait until it is ready, by name (for `restart`). */
  const respawns = new Map();
  const restarting = new Set();
  let stopping = null;

  const stop = () => {
    stopping ??= (async () => {
      for (const handle of [...handles].reverse()) {
        const t0 = Date.now();
        const info = await handle.stop();
        const how = info.signal ? info.signal : `exit ${info.code}`;
        log(`  stopped ${handle.name.padEnd(16)} (${how}, ${seconds(Date.now() - t0)})`);
      }
    })();
    return stopping;
  };

  if (options.signal) {
    if (options.signal.aborted) throw new StartError('start-up aborted');
    options.signal.addEventListener('abort', () => void stop(), { once: true });
  }

  const steps = [];
  /**
   * Adds a step; `withPrevious` runs it alongside the step before it. The worker (bundling
   * workflow code is slow), the gateway and the seed only need the services, so they start
   * together in that order, which keeps time-to-ready low on two cores.
   */
  const step = (title, run, { verb = 'ready', withPrevious = false } = {}) => {
    const entry = { title, run, verb, number: steps.flat().length + 1 };
    if (withPrevious && steps.length > 0) steps[steps.length - 1].push(entry);
    else steps.push([entry]);
  };

  const nodeChild = (name, entry, env, extraArgs = []) => {
    const spec = {
      name,
      command: process.execPath,
      args: ['-r', '@swc-node/register', entry, ...extraArgs],
      env: { ...env, SWC_NODE_PROJECT: path.join(ROOT, 'tsconfig.base.json') },
      cwd: ROOT,
      logFile: path.join(logDir, `${name}.log`),
      node: true,
      echo: options.echo,
    };
    const handle = spawnChild(spec);
    handles.push(handle);
    respawns.set(name, { spec, ready: respawns.get(name)?.ready });
    return handle;
  };
  /** Registers how a started part is known to be ready again after a restart. */
  const readyWhen = (name, ready) => respawns.set(name, { ...respawns.get(name), ready });

  const env = {
    ...baseEnv,
    KETENREGIE_MODE: mode,
    LOG_LEVEL: baseEnv.LOG_LEVEL || 'info',
    TEMPORAL_NAMESPACE: baseEnv.TEMPORAL_NAMESPACE || 'default',
    KETENREGIE_DATA_DIR: dataDir,
  };
  // In embedded mode the gateway signs tokens and publishes its key set (issuer and audience
  // keep the platform defaults); elsewhere AUTH_* point at the organisation's OIDC provider.
  if (mode === 'embedded' && !baseEnv.AUTH_JWKS_URL) env.AUTH_JWKS_URL = `http://127.0.0.1:${gatewayPort}${EMBEDDED_JWKS_PATH}`;
  // consent-service and the worker get the one pseudonymisation key of the processing log.
  if (mode === 'embedded' && !baseEnv.CONSENT_PSEUDONIEM_SLEUTEL) env.CONSENT_PSEUDONIEM_SLEUTEL = EMBEDDED_PSEUDONIEM_SLEUTEL;
  // The processing log's signed anchors belong to this stack's database: kept in its data directory.
  if (!baseEnv.CONSENT_LOG_ANKER_MAP) env.CONSENT_LOG_ANKER_MAP = path.join(dataDir, 'verwerkingslog-ankers');
  // The gateway routes to the services this orchestrator starts, whatever the shell says.
  for (const service of SERVICES) env[service.urlEnv] = `http://127.0.0.1:${servicePorts[service.name]}`;

  step('database', async () => {
    if (baseEnv.DATABASE_URL) return `external PostgreSQL ${redactUrl(baseEnv.DATABASE_URL)} (DATABASE_URL set)`;
    const postgresDir = path.join(dataDir, 'postgres');
    const handle = nodeChild('database', 'tools/start/embedded-postgres.ts', env, ['--data-dir', postgresDir, '--port', String(pgPort), '--host', '127.0.0.1']);
    const ready = await handle.waitForMessage((m) => m && m.type === 'ready', timeouts.database);
    readyWhen('database', (h) => h.waitForMessage((m) => m && m.type === 'ready', timeouts.database));
    env.DATABASE_URL = ready.url;
    return `embedded PostgreSQL in ${shown(postgresDir)} on 127.0.0.1:${pgPort}`;
  });

  step('temporal', async () => {
    if (baseEnv.TEMPORAL_ADDRESS) return `external Temporal at ${baseEnv.TEMPORAL_ADDRESS} (TEMPORAL_ADDRESS set)`;
    const bin = path.resolve(ROOT, options.temporalBin ?? TEMPORAL_BIN);
    if (!fs.existsSync(bin)) {
      throw new StartError(
        `the Temporal dev server is missing: ${path.relative(ROOT, bin)} does not exist. ` +
          'Set TEMPORAL_ADDRESS=host:port to use a running Temporal server instead.',
      );
    }
    // A Node launcher runs under this Node with the orphan guard; anything else is executed as is.
    const isNodeScript = fs.readFileSync(bin, 'utf8').slice(0, 64).startsWith('#!/usr/bin/env node');
    const spec = {
      name: 'temporal',
      command: isNodeScript ? process.execPath : bin,
      node: isNodeScript,
      args: [...(isNodeScript ? [bin] : []), 'server', 'start-dev', '--port', String(temporalPort), '--namespace', env.TEMPORAL_NAMESPACE, '--ip', '127.0.0.1'],
      // Its durable store: schema `temporal` of the services' PostgreSQL (DATABASE_URL's or the
      // embedded one). In the environment, not the arguments: `ps` shows arguments to everyone.
      env: { ...baseEnv, TEMPORAL_DEV_SERVER_DATABASE_URL: env.DATABASE_URL },
      cwd: ROOT,
      logFile: path.join(logDir, 'temporal.log'),
      echo: options.echo,
    };
    const handle = spawnChild(spec);
    handles.push(handle);
    respawns.set('temporal', { spec, ready: (h) => waitForTcp(h, '127.0.0.1', temporalPort, timeouts.temporal) });
    await waitForTcp(handle, '127.0.0.1', temporalPort, timeouts.temporal);
    env.TEMPORAL_ADDRESS = `127.0.0.1:${temporalPort}`;
    return `Temporal dev server on ${env.TEMPORAL_ADDRESS}, namespace ${env.TEMPORAL_NAMESPACE}`;
  });

  step('services', async () => {
    const running = SERVICES.map((service) => {
      const port = servicePorts[service.name];
      const handle = nodeChild(service.name, service.entry, { ...env, PORT: String(port) });
      readyWhen(service.name, (h) => waitForHttp(h, `http://127.0.0.1:${port}/health/ready`, timeouts.service));
      return waitForHttp(handle, `http://127.0.0.1:${port}/health/ready`, timeouts.service).then(() => `${service.name} :${port}`);
    });
    return (await Promise.all(running)).join(', ');
  });

  step('worker', async () => {
    const handle = nodeChild(WORKER.name, WORKER.entry, { ...env, WORKER_HTTP_PORT: String(workerPort) });
    readyWhen(WORKER.name, (h) => h.waitForMessage((m) => m && m.type === 'ready', timeouts.worker));
    const ready = await handle.waitForMessage((m) => m && m.type === 'ready', timeouts.worker);
    const queues = Array.isArray(ready.taskQueues) ? ready.taskQueues : [];
    return queues.length ? `polling ${queues.join(', ')}` : 'connected, no task queues registered yet';
  });

  step(
    'gateway',
    async () => {
      const handle = nodeChild(GATEWAY.name, GATEWAY.entry, { ...env, PORT: String(gatewayPort) });
      readyWhen(GATEWAY.name, (h) => waitForHttp(h, `http://127.0.0.1:${gatewayPort}/health/ready`, timeouts.gateway));
      await waitForHttp(handle, `http://127.0.0.1:${gatewayPort}/health/ready`, timeouts.gateway);
      return `${gatewayUrl} (${mode} mode)`;
    },
    { withPrevious: true },
  );

  step(
    'seed',
    async () => {
      const done = [];
      for (const seed of SEED_STEPS) {
        const handle = spawnChild({
          name: `seed-${seed.service}`,
          command: process.execPath,
          args: ['-r', '@swc-node/register', seed.entry],
          env: { ...env, SWC_NODE_PROJECT: path.join(ROOT, 'tsconfig.base.json') },
          cwd: ROOT,
          logFile: path.join(logDir, `seed.log`),
          // No IPC channel: an open channel would keep this short-lived process from exiting.
          echo: options.echo,
        });
        handles.push(handle);
        const timer = setTimeout(() => handle.kill(), timeouts.seed);
        const info = await handle.exited;
        clearTimeout(timer);
        handles.splice(handles.indexOf(handle), 1);
        if (info.code !== 0) throw new StartError(`seed step "${seed.name}" failed (${info.signal ?? `exit ${info.code}`})`, { logFile: handle.logFile });
        done.push(seed.name);
      }
      return done.join('; ');
    },
    { verb: 'done', withPrevious: true },
  );

  // The portal the gateway serves at `/` builds alongside every other step (Nx skips it when
  // nothing changed); the stack is ready once it is built.
  // `portal: false` leaves it out (tools/portal/api-types.js reads only the API, and regenerates the
  // types the portal's own build needs).
  let portalBuild = null;
  if (options.portal !== false) step('portal', () => portalBuild.done, { verb: 'built', withPrevious: true });

  // A port already taken (often a Ketenregie still running) would make a readiness probe
  // answer for the wrong process: refuse to start instead.
  const wanted = [
    ...(baseEnv.DATABASE_URL ? [] : [['embedded PostgreSQL', pgPort]]),
    ...(baseEnv.TEMPORAL_ADDRESS ? [] : [['Temporal dev server', temporalPort]]),
    ...SERVICES.map((s) => [s.name, servicePorts[s.name]]),
    ['gateway', gatewayPort],
    ['worker', workerPort],
  ];
  const taken = [];
  for (const [what, port] of wanted) if (await tcpOpen('127.0.0.1', port)) taken.push(`${port} (${what})`);
  if (taken.length > 0) {
    throw new StartError(`port${taken.length > 1 ? 's' : ''} already in use: ${taken.join(', ')}. Is another Ketenregie still running?`);
  }

  try {
    if (options.portal !== false) {
      portalBuild = buildPortal({ root: ROOT, env: baseEnv, logDir, echo: options.echo, timeoutMs: timeouts.portal });
      handles.push(portalBuild.handle);
      portalBuild.done.then(
        () => handles.splice(handles.indexOf(portalBuild.handle), 1),
        () => undefined,
      );
    }
    const total = steps.flat().length;
    for (const group of steps) {
      if (stopping) throw new StartError('start-up aborted');
      await Promise.all(
        group.map(async ({ title, run, verb, number }) => {
          const t0 = Date.now();
          log(`  [${number}/${total}] ${title.padEnd(9)} starting…`);
          const detail = await run();
          log(`  [${number}/${total}] ${title.padEnd(9)} ${verb} in ${seconds(Date.now() - t0)}: ${detail}`);
        }),
      );
    }
  } catch (error) {
    await stop();
    if (options.signal?.aborted) throw new StartError('start-up aborted');
    throw error;
  }
  const watch = (handle) =>
    handle.exited.then((info) => {
      if (stopping || restarting.has(handle)) return;
      const how = info.error ? info.error.message : info.signal ? `signal ${info.signal}` : `exit code ${info.code}`;
      options.onUnexpectedExit?.(handle.name, how, handle.logFile);
    });
  for (const handle of handles) watch(handle);
  // Each part runs in a process group of its own (the embedded PostgreSQL in the database's).
  const processes = () => handles.map((handle) => ({ name: handle.name, pid: handle.child.pid }));
  /**
   * Stops one part (SIGKILL with `kill`, else SIGTERM and its graceful shutdown), waits `downMs`,
   * starts it again with the same arguments and waits until it is ready: for failure tests.
   */
  const restart = async (name, { kill = false, downMs = 0 } = {}) => {
    const index = handles.findIndex((h) => h.name === name);
    const respawn = respawns.get(name);
    if (index < 0 || !respawn?.spec || !respawn.ready) throw new StartError(`no restartable part named ${name}`);
    const old = handles[index];
    restarting.add(old);
    const t0 = Date.now();
    if (kill) {
      old.kill();
      await old.exited;
    } else await old.stop();
    if (downMs > 0) await new Promise((resolve) => setTimeout(resolve, downMs));
    const handle = spawnChild(respawn.spec);
    handles[index] = handle;
    await respawn.ready(handle);
    watch(handle);
    // A part that died of this one's absence (the dev server exits when its PostgreSQL goes) starts again too.
    const alsoRestarted = [];
    for (const [i, other] of handles.entries()) {
      const again = respawns.get(other.name);
      if (other === handle || !other.exitInfo || !again?.spec || !again.ready || stopping) continue;
      restarting.add(other);
      const replacement = spawnChild(again.spec);
      handles[i] = replacement;
      await again.ready(replacement);
      watch(replacement);
      alsoRestarted.push(other.name);
    }
    return { downMs: Date.now() - t0, alsoRestarted };
  };
  const metricsUrls = {
    gateway: `http://127.0.0.1:${gatewayPort}/metrics`,
    worker: `http://127.0.0.1:${workerPort}/metrics`,
    ...Object.fromEntries(SERVICES.map((s) => [s.name, `http://127.0.0.1:${servicePorts[s.name]}/metrics`])),
  };
  return { url: gatewayUrl, env, elapsedMs: Date.now() - started, stop, processes, restart, metricsUrls };
}

/**
 * `env` without the settings that point a stack at existing infrastructure (DATABASE_URL,
 * TEMPORAL_*, AUTH_*, KETENREGIE_*, *_SERVICE_URL): the environment of a fresh machine, for tests
 * that start a stack of their own.
 */
function freshMachineEnv(env = process.env) {
  const fresh = { ...env };
  for (const key of Object.keys(fresh)) {
    if (key === 'DATABASE_URL' || key.startsWith('TEMPORAL_') || key.startsWith('AUTH_') || key.startsWith('KETENREGIE_') || key.endsWith('_SERVICE_URL'))
      delete fresh[key];
  }
  return fresh;
}

module.exports = { startStack, freePorts, freshMachineEnv, optionsFromEnv, redactUrl, SERVICES, SEED_STEPS, ROOT, TEMPORAL_BIN };
