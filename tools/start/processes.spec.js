'use strict';
const os = require('node:os');
const path = require('node:path');
const fs = require('node:fs');
const { spawnChild, waitForHttp, freePort } = require('./processes');
const { optionsFromEnv, redactUrl } = require('./stack');

const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'start-spec-'));
afterAll(() => fs.rmSync(logDir, { recursive: true, force: true }));

const nodeChild = (name, script) =>
  spawnChild({ name, command: process.execPath, args: ['-e', script], env: process.env, cwd: logDir, logFile: path.join(logDir, `${name}.log`), node: true });

describe('child processes', () => {
  it('fails a readiness wait as soon as the child exits, naming it and its log', async () => {
    const handle = nodeChild('crashes', 'console.error("boom"); process.exit(3)');
    const port = await freePort();
    await expect(waitForHttp(handle, `http://127.0.0.1:${port}/health/ready`, 30_000)).rejects.toMatchObject({
      message: 'crashes stopped before it was ready (exit code 3)',
      logFile: path.join(logDir, 'crashes.log'),
    });
    expect(fs.readFileSync(path.join(logDir, 'crashes.log'), 'utf8')).toContain('boom');
  });

  it("fails a readiness wait that times out with the last lines of the child's log in the message", async () => {
    const handle = nodeChild('slow', 'console.log("still migrating"); setInterval(() => {}, 1000)');
    const port = await freePort();
    const error = await waitForHttp(handle, `http://127.0.0.1:${port}/health/ready`, 1_500).catch((e) => e);
    await handle.stop();
    expect(error.message).toMatch(/^slow: timed out after 2s waiting for http:\/\/127\.0\.0\.1:\d+\/health\/ready/);
    expect(error.message).toContain('still migrating');
  });

  it('waits for an IPC ready message', async () => {
    const handle = nodeChild('ready', 'setTimeout(() => process.send({ type: "ready", url: "x" }), 100); setInterval(() => {}, 1000)');
    await expect(handle.waitForMessage((m) => m.type === 'ready', 10_000)).resolves.toEqual({ type: 'ready', url: 'x' });
    expect(await handle.stop()).toMatchObject({ signal: 'SIGTERM' });
  });

  it('stops a child that ignores SIGTERM with SIGKILL after the grace period', async () => {
    const handle = nodeChild('stubborn', 'process.on("SIGTERM", () => {}); process.send({ type: "ready" }); setInterval(() => {}, 1000)');
    await handle.waitForMessage((m) => m.type === 'ready', 10_000);
    const started = Date.now();
    expect(await handle.stop(300)).toMatchObject({ signal: 'SIGKILL' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
  });

  it('stops an orphaned child when the orchestrator disappears (IPC channel closes)', async () => {
    const handle = nodeChild('orphan', 'process.on("SIGTERM", () => { console.log("graceful"); process.exit(0); }); setInterval(() => {}, 1000)');
    handle.child.disconnect();
    expect(await handle.exited).toMatchObject({ code: 0 });
    expect(fs.readFileSync(path.join(logDir, 'orphan.log'), 'utf8')).toContain('graceful');
  });
});

describe('orchestrator settings', () => {
  it('rejects a port that is not a number', () => {
    expect(() => optionsFromEnv({ KETENREGIE_PORT: 'eighty' })).toThrow('KETENREGIE_PORT must be a port number, got "eighty"');
    expect(optionsFromEnv({ KETENREGIE_PORT: '9090' }).gatewayPort).toBe(9090);
    expect(optionsFromEnv({}).gatewayPort).toBe(8080);
  });

  it('never prints a database password', () => {
    expect(redactUrl('postgres://app:geheim@db.example:5432/ketenregie')).toBe('postgres://app:***@db.example:5432/ketenregie');
  });
});

describe('startStack', () => {
  const { startStack, freePorts } = require('./stack');

  it('says clearly when the Temporal dev server is missing, before any service starts', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'start-spec-stack-'));
    const log = [];
    try {
      const ports = await freePorts();
      await expect(
        startStack({
          env: { PATH: process.env.PATH, DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none' },
          dataDir,
          ...ports,
          temporalBin: 'infra/nowhere/temporal-dev-server',
          log: (line) => log.push(line),
        }),
      ).rejects.toThrow(
        'the Temporal dev server is missing: infra/nowhere/temporal-dev-server does not exist. Set TEMPORAL_ADDRESS=host:port to use a running Temporal server instead.',
      );
      expect(log.some((line) => /\[1\/7\] database +ready in .*: external PostgreSQL postgres:\/\/postgres@127\.0\.0\.1:1\/none/.test(line))).toBe(true);
      expect(log.some((line) => line.includes('services'))).toBe(false);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
