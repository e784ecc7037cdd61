import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

/** The launcher of the Temporal-compatible dev server. */
export const SERVER_BIN = resolve(__dirname, '..', '..', '..', 'infra', 'temporal-dev-server', 'bin', 'temporal-dev-server');

/** A dev server process the test can kill with SIGKILL and start again on the same port. */
export interface ChaosServer {
  readonly address: string;
  /** SIGKILL; resolves when the process is gone. */
  kill(): Promise<void>;
  /** Starts the server again (same port, same store); resolves once it has recovered. */
  restart(): Promise<number>;
  /** SIGTERM; resolves when the process is gone. */
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Starts `temporal-dev-server server start-dev` with `storeArgs` on a free port, logging to
 * `logFile`, and waits for its `temporal dev server ready` line (store opened, runs recovered).
 */
export async function startChaosServer(storeArgs: string[], logFile: string): Promise<ChaosServer> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const launch = () =>
    new Promise<number>((done, fail) => {
      const started = Date.now();
      const proc = spawn(process.execPath, [SERVER_BIN, 'server', 'start-dev', '--port', String(port), '--log-level', 'info', ...storeArgs], {
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      child = proc;
      const log = createWriteStream(logFile, { flags: 'a' });
      let ready = false;
      let buffered = '';
      const timer = setTimeout(() => fail(new Error('the dev server was not ready within 60 s')), 60_000);
      proc.stderr?.on('data', (chunk: Buffer) => {
        log.write(chunk);
        if (ready) return;
        buffered += chunk.toString('utf8');
        if (buffered.includes('temporal dev server ready')) {
          ready = true;
          buffered = '';
          clearTimeout(timer);
          done(Date.now() - started);
        }
      });
      proc.once('exit', (code, signal) => {
        clearTimeout(timer);
        log.end();
        if (!ready) fail(new Error(`the dev server exited during start-up (${code ?? signal})`));
      });
    });
  const stopWith = (signal: NodeJS.Signals) =>
    new Promise<void>((done) => {
      const current = child;
      if (!current || current.exitCode !== null || current.signalCode !== null) return done();
      current.once('exit', () => done());
      current.kill(signal);
    });
  await launch();
  return { address: `127.0.0.1:${port}`, kill: () => stopWith('SIGKILL'), restart: launch, stop: () => stopWith('SIGTERM') };
}
