import type { ChildProcess } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, DefaultLogger, makeTelemetryFilterString, Runtime, Worker, type WorkerOptions } from '@temporalio/worker';
import type { SearchAttributeType } from '@temporalio/common';
import { activities } from './activities';

/** Path of the launcher, as given to `executable: { type: 'existing-path' }`. */
export const SERVER_BIN = path.resolve(__dirname, '..', 'bin', 'temporal-dev-server');

let installedRuntime = false;

/** Keeps the SDK's and core's logs quiet in tests (errors only). */
function quietRuntime(): void {
  if (installedRuntime) return;
  installedRuntime = true;
  Runtime.install({
    logger: new DefaultLogger('ERROR'),
    telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: 'ERROR', other: 'ERROR' }) } },
  });
}

/** A dev-server environment (real clock) launched from the bin through `createLocal`. */
export async function startLocalEnv(options: { searchAttributes?: { name: string; type: SearchAttributeType }[] } = {}): Promise<TestWorkflowEnvironment> {
  quietRuntime();
  return TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'existing-path', path: SERVER_BIN },
      // In memory even when DATABASE_URL is set: every test file launches a server of its own.
      extraArgs: ['--in-memory'],
      searchAttributes: options.searchAttributes?.map(({ name, type }) => ({ name, type })) as never,
    },
  });
}

/** A time-skipping environment launched from the bin through `createTimeSkipping`. */
export async function startTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  quietRuntime();
  return TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: SERVER_BIN } } });
}

let bundlePath: Promise<string> | undefined;

/**
 * Path of the test workflows' bundle. Built once and cached in the temp directory, keyed by the
 * workflow source and SDK version, so test files (and worker processes) share one build.
 */
export function testWorkflowBundlePath(): Promise<string> {
  bundlePath ??= (async () => {
    const workflowsPath = require.resolve('./workflows');
    const sdkVersion = (require('@temporalio/workflow/package.json') as { version: string }).version;
    const key = crypto.createHash('sha1').update(fs.readFileSync(workflowsPath)).update(sdkVersion).digest('hex').slice(0, 16);
    const file = path.join(os.tmpdir(), `temporal-dev-server-test-workflows-${key}.js`);
    if (!fs.existsSync(file)) {
      const { code } = await bundleWorkflowCode({ workflowsPath, logger: new DefaultLogger('ERROR') });
      const temporary = `${file}.${process.pid}`;
      fs.writeFileSync(temporary, code);
      fs.renameSync(temporary, file);
    }
    return file;
  })();
  return bundlePath;
}

/** The test workflows' bundle (see {@link testWorkflowBundlePath}). */
export async function testWorkflowBundle(): Promise<{ codePath: string }> {
  return { codePath: await testWorkflowBundlePath() };
}

/** Creates a worker on `taskQueue` with the shared bundle and the test activities. */
export async function createWorker(env: TestWorkflowEnvironment, taskQueue: string, options: Partial<WorkerOptions> = {}): Promise<Worker> {
  return Worker.create({
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    taskQueue,
    workflowBundle: await testWorkflowBundle(),
    activities,
    ...options,
  });
}

/** Runs `fn` while a worker on `taskQueue` polls, then shuts the worker down. */
export async function withWorker<T>(env: TestWorkflowEnvironment, taskQueue: string, fn: () => Promise<T>, options: Partial<WorkerOptions> = {}): Promise<T> {
  const worker = await createWorker(env, taskQueue, options);
  return worker.runUntil(fn);
}

let counter = 0;
/** A unique id for workflows and task queues in a test. */
export function uniqueId(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}`;
}

/** A dev server launched from the bin by a test itself (so the test can kill and restart it). */
export interface SpawnedServer {
  readonly address: string;
  readonly port: number;
  /** The process id of the running server. */
  pid(): number | undefined;
  /** SIGKILL, and wait until the process is gone. */
  kill(): Promise<void>;
  /** Starts the server again on the same port with the same arguments; resolves once it answers. */
  restart(): Promise<void>;
  /** SIGTERM, and wait until the process is gone. */
  stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  const net = await import('node:net');
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Launches `temporal-dev-server server start-dev` on a free port with `args` (e.g. a database)
 * and waits until it has opened its store (the log line `temporal dev server ready`).
 */
export async function spawnDevServer(args: string[], options: { logFile?: string; env?: NodeJS.ProcessEnv } = {}): Promise<SpawnedServer> {
  const { spawn } = await import('node:child_process');
  const port = await freePort();
  let child: ChildProcess | undefined;
  const launch = () =>
    new Promise<void>((resolve, reject) => {
      const started = spawn(process.execPath, [SERVER_BIN, 'server', 'start-dev', '--port', String(port), '--log-level', 'info', ...args], {
        stdio: ['ignore', 'ignore', 'pipe'],
        env: options.env ?? process.env,
      });
      child = started;
      let buffered = '';
      let ready = false;
      const log = options.logFile ? fs.createWriteStream(options.logFile, { flags: 'a' }) : undefined;
      const timer = setTimeout(() => reject(new Error('dev server not ready within 60 s')), 60_000);
      started.stderr?.on('data', (chunk: Buffer) => {
        log?.write(chunk);
        if (ready) return;
        buffered += chunk.toString('utf8');
        if (buffered.includes('temporal dev server ready')) {
          ready = true;
          clearTimeout(timer);
          buffered = '';
          resolve();
        }
      });
      started.once('exit', (code, signal) => {
        clearTimeout(timer);
        log?.end();
        reject(new Error(`dev server exited (${code ?? signal}): ${buffered.trim().split('\n').slice(-3).join('\n')}`));
      });
    });
  const waitExit = (signal: NodeJS.Signals) =>
    new Promise<void>((resolve) => {
      const current = child;
      if (!current || current.exitCode !== null || current.signalCode !== null) return resolve();
      current.once('exit', () => resolve());
      current.kill(signal);
    });
  await launch();
  return {
    address: `127.0.0.1:${port}`,
    port,
    pid: () => child?.pid,
    kill: () => waitExit('SIGKILL'),
    restart: launch,
    stop: () => waitExit('SIGTERM'),
  };
}
