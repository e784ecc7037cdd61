import { EmbeddedSigner, type Identity } from '@ketenregie/shared-platform';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { type AddressInfo, createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';

/** The workspace root. */
export const ROOT = resolve(__dirname, '../../..');

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createNetServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => done(port));
    });
  });
}

/** Signs bench tokens and serves its key set, as the embedded gateway does for the services. */
export interface BenchAuth {
  readonly jwksUrl: string;
  token(identity: Identity): Promise<string>;
  close(): Promise<void>;
}

export async function startAuth(): Promise<BenchAuth> {
  const dir = mkdtempSync(join(tmpdir(), 'ketenregie-bench-auth-'));
  const signer = await EmbeddedSigner.loadOrCreate({ dataDir: dir });
  const server: Server = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(signer.jwks()));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    jwksUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/auth/jwks.json`,
    token: (identity) => signer.sign(identity),
    close: async () => {
      await new Promise((done) => server.close(done));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A Ketenregie app (`apps/<name>/src/main.ts`) running as its own process, as in `npm start`. */
export interface AppProcess {
  readonly name: string;
  readonly logFile: string;
  readonly pid: number;
  stop(): Promise<void>;
}

/**
 * Starts `apps/<name>/src/main.ts` under `@swc-node/register` with `env` and waits until
 * `ready()` resolves (a readiness probe or the worker's IPC `ready` message).
 */
export async function startApp(name: string, env: NodeJS.ProcessEnv, ready: 'ipc' | { url: string }, timeoutMs = 120_000): Promise<AppProcess> {
  const logFile = join(tmpdir(), `ketenregie-bench-${name}-${process.pid}.log`);
  const log = openSync(logFile, 'w');
  // e.g. BENCH_WORKER_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' profiles the worker until it stops.
  const nodeArgs = (process.env[`BENCH_${name.replace(/-/g, '_').toUpperCase()}_NODE_ARGS`] ?? '').split(' ').filter(Boolean);
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, '-r', '@swc-node/register', join(ROOT, 'apps', name, 'src', 'main.ts')], {
    cwd: ROOT,
    env: { ...process.env, ...env, SWC_NODE_PROJECT: join(ROOT, 'tsconfig.base.json') },
    stdio: ['ignore', log, log, 'ipc'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const failed = exited.then(() => {
    throw new Error(`${name} exited during start-up; see ${logFile}:\n${readFileSync(logFile, 'utf8').slice(-2000)}`);
  });
  const timeout = new Promise<never>((_, fail) =>
    setTimeout(() => fail(new Error(`${name} not ready after ${timeoutMs} ms; see ${logFile}`)), timeoutMs).unref(),
  );
  const isReady =
    ready === 'ipc'
      ? new Promise<void>((done) => child.on('message', (m: { type?: string }) => m?.type === 'ready' && done()))
      : (async () => {
          for (;;) {
            const ok = await fetch(ready.url).then(
              (r) => r.ok,
              () => false,
            );
            if (ok) return;
            await new Promise((r) => setTimeout(r, 200));
          }
        })();
  try {
    await Promise.race([isReady, failed, timeout]);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  failed.catch(() => undefined);
  return {
    name,
    logFile,
    pid: child.pid as number,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * The organisation registry the services read organisation types from (access decisions): the
 * demo region seeded into `env.DATABASE_URL`, served by a real monitor-service. Pass its `url` to
 * the services as `MONITOR_SERVICE_URL`.
 */
export async function startRegister(env: NodeJS.ProcessEnv): Promise<AppProcess & { readonly url: string }> {
  const seed = spawn(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'apps', 'monitor-service', 'src', 'seed.ts')], {
    cwd: ROOT,
    env: { ...process.env, ...env, SWC_NODE_PROJECT: join(ROOT, 'tsconfig.base.json') },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const code = await new Promise<number | null>((done) => seed.once('exit', done));
  if (code !== 0) throw new Error(`the monitor-service seed exited with ${code}`);
  const port = await freePort();
  const app = await startApp('monitor-service', { ...env, PORT: String(port) }, { url: `http://127.0.0.1:${port}/health/live` });
  return { ...app, url: `http://127.0.0.1:${port}` };
}

/** Runs `op` `n` times with `c` concurrent callers; rate and latency percentiles in ms. */
export async function load(
  n: number,
  c: number,
  op: (i: number) => Promise<void>,
): Promise<{ n: number; perSecond: number; p50: number; p95: number; p99: number }> {
  const latencies: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: c }, async () => {
      for (;;) {
        const i = next++;
        if (i >= n) return;
        const s = performance.now();
        await op(i);
        latencies.push(performance.now() - s);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const sorted = latencies.sort((a, b) => a - b);
  const pct = (p: number) => +(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0).toFixed(2);
  return { n, perSecond: +(n / seconds).toFixed(1), p50: pct(0.5), p95: pct(0.95), p99: pct(0.99) };
}

/** JSON over HTTP with a bearer token; throws on a non-2xx answer. */
export async function json<T>(method: string, url: string, token: string, body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (response.status >= 300) throw new Error(`${method} ${url}: ${response.status} ${text.slice(0, 500)}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Which PostgreSQL a bench runs on: `PostgreSQL 18.4, embedded` or `PostgreSQL 15.x, DATABASE_URL`. */
export async function databaseLabel(url: string, env: Record<string, string | undefined> = process.env): Promise<string> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    return `PostgreSQL ${rows[0]?.server_version.split(' ')[0]}, ${env['DATABASE_URL'] ? 'DATABASE_URL' : 'embedded'}`;
  } finally {
    await client.end();
  }
}

/** The nine-digit numbers from 100000000 up that pass the elfproef (fictional BSNs), in order. */
export function* bsns(): Generator<string> {
  for (let n = 100_000_000; n < 999_999_999; n++) {
    const s = String(n);
    let som = 0;
    for (let i = 0; i < 8; i++) som += Number(s[i]) * (9 - i);
    if ((som - Number(s[8])) % 11 === 0) yield s;
  }
}
