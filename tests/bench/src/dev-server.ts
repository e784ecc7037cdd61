import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The launcher `npm ci` provides; see infra/temporal-dev-server. */
export const LAUNCHER = resolve(__dirname, '../../../infra/temporal-dev-server/bin/temporal-dev-server');

export interface RunningDevServer {
  address: string;
  pid: number;
  /** Milliseconds from spawn until the port accepted connections. */
  startupMs: number;
  logFile: string;
  /** Resident set size of the server process in MiB (Linux /proc), or undefined elsewhere. */
  rssMiB(): number | undefined;
  /** CPU time (user + system) the server process has used so far in ms (Linux /proc), or undefined. */
  cpuMs(): number | undefined;
  stop(): Promise<void>;
}

export interface DevServerOptions {
  namespace?: string;
  /** Extra launcher flags, e.g. `['--search-attribute', 'Gemeente=Keyword']`. */
  extraArgs?: string[];
  /** Port to listen on, e.g. the one of a killed server so that its clients reconnect (default: a free one). */
  port?: number;
}

/** Starts our Temporal dev server in its `server start-dev` form (on a free port unless given one). */
export async function startDevServer(options: DevServerOptions = {}): Promise<RunningDevServer> {
  if (!existsSync(LAUNCHER)) {
    throw new Error(`dev server launcher not found at ${LAUNCHER}`);
  }
  const port = options.port ?? (await freePort());
  const logFile = join(tmpdir(), `ketenregie-bench-dev-server-${port}.log`);
  const log = openSync(logFile, 'w');
  const started = performance.now();
  // BENCH_SERVER_NODE_ARGS, e.g. '--cpu-prof --cpu-prof-dir=/tmp/prof', runs the launcher (a Node
  // script) under `node` with those flags, to profile the server.
  const nodeArgs = process.env['BENCH_SERVER_NODE_ARGS']?.split(' ').filter(Boolean);
  const [command, prefix] = nodeArgs ? [process.execPath, [...nodeArgs, LAUNCHER]] : [LAUNCHER, []];
  const child = spawn(
    command,
    [
      ...prefix,
      'server',
      'start-dev',
      '--ip',
      '127.0.0.1',
      '--port',
      String(port),
      '--namespace',
      options.namespace ?? 'default',
      // Memory unless extraArgs name a database (store flags win over --in-memory), even when
      // DATABASE_URL is set: the server would otherwise read it.
      '--in-memory',
      ...(options.extraArgs ?? []),
    ],
    { stdio: ['ignore', log, log] },
  );
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  await waitForPort(port, child, logFile);
  const startupMs = performance.now() - started;
  return {
    address: `127.0.0.1:${port}`,
    pid: child.pid as number,
    startupMs,
    logFile,
    rssMiB: () => rssMiB(child.pid as number),
    cpuMs: () => cpuMs(child.pid as number),
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess, logFile: string): Promise<void> {
  // A minute: on 2 cores shared with other stacks (load 40) the server can take tens of seconds to start.
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`dev server exited with code ${child.exitCode}:\n${readFileSync(logFile, 'utf8')}`);
    }
    if (await canConnect(port)) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  child.kill('SIGKILL');
  throw new Error(`dev server did not listen on port ${port} within 60 s (log: ${logFile})`);
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = new Socket();
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
    socket.connect(port, '127.0.0.1');
  });
}

function rssMiB(pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+) kB/.exec(status);
    return kb ? Number(kb[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ, 100 on Linux). */
const USER_HZ = 100;

/**
 * CPU time (user + system) in ms used so far by every local process named `postgres` (the
 * server's backends and background workers), or undefined without /proc. Backends that exited
 * in between are not counted, so measure over a span with long-lived connections.
 */
export function postgresCpuMs(): number | undefined {
  try {
    let total = 0;
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      } catch {
        continue;
      }
      if (stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) !== 'postgres') continue;
      total += cpuMs(Number(entry)) ?? 0;
    }
    return total;
  } catch {
    return undefined;
  }
}

function cpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / USER_HZ;
  } catch {
    return undefined;
  }
}
