'use strict';
/**
 * Child-process plumbing for the start-up orchestrator: spawn a child with its output
 * captured to a log file, wait for readiness (HTTP, TCP or an IPC message), stop it
 * gracefully (SIGTERM, then SIGKILL after a grace period).
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const http = require('node:http');
const path = require('node:path');

const GUARD = path.join(__dirname, 'child-guard.js');

/** Thrown when a step cannot complete; `logFile` points at the child's output. */
class StartError extends Error {
  constructor(message, details = {}) {
    super(message);
    this.name = 'StartError';
    Object.assign(this, details);
  }
}

/**
 * Spawns a child process in its own process group (so the terminal's Ctrl-C reaches only the
 * orchestrator, which then stops children in reverse order) with stdout/stderr appended to
 * `logFile` and an IPC channel for Node children.
 */
function spawnChild({ name, command, args, env, cwd, logFile, node = false, echo = false }) {
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const log = fs.openSync(logFile, 'a');
  fs.writeSync(log, `\n--- ${new Date().toISOString()} ${name}: ${command} ${args.join(' ')}\n`);
  const finalArgs = node ? ['-r', GUARD, ...args] : args;
  const stdio = echo ? ['ignore', 'inherit', 'inherit'] : ['ignore', log, log];
  if (node) stdio.push('ipc');
  const child = spawn(command, finalArgs, { cwd, env, stdio, detached: true });
  fs.closeSync(log);

  const messages = [];
  const listeners = new Set();
  child.on('message', (message) => {
    messages.push(message);
    for (const listener of listeners) listener(message);
  });
  const exited = new Promise((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal }));
    child.on('error', (error) => resolve({ code: null, signal: null, error }));
  });
  let exitInfo = null;
  exited.then((info) => {
    exitInfo = info;
  });

  return {
    name,
    child,
    logFile,
    exited,
    get exitInfo() {
      return exitInfo;
    },
    /** Resolves with the first IPC message matching `predicate`. */
    waitForMessage(predicate, timeoutMs) {
      const seen = messages.find(predicate);
      if (seen) return Promise.resolve(seen);
      return raceWithExit(
        this,
        timeoutMs,
        `an IPC message from ${name}`,
        () =>
          new Promise((resolve) => {
            const listener = (message) => {
              if (predicate(message)) {
                listeners.delete(listener);
                resolve(message);
              }
            };
            listeners.add(listener);
          }),
      );
    },
    /** SIGTERM, then SIGKILL after `graceMs`; resolves when the process has exited. */
    async stop(graceMs = 10_000) {
      if (exitInfo) return exitInfo;
      signalGroup(child, 'SIGTERM');
      const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), graceMs);
      const info = await exited;
      clearTimeout(timer);
      return info;
    },
    kill() {
      if (!exitInfo) signalGroup(child, 'SIGKILL');
    },
  };
}

function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

/** Races `probe()` against the child's exit and a timeout, with a clear error for each. */
async function raceWithExit(handle, timeoutMs, what, probe) {
  let timer;
  let settled = false;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => {
      const message = `${handle.name}: timed out after ${Math.round(timeoutMs / 1000)}s waiting for ${what}`;
      // The log's last lines in the message itself: a test's stack may be gone before anyone reads the log.
      reject(new StartError(`${message}; last lines of ${handle.logFile}:\n${tail(handle.logFile, 20)}`, { logFile: handle.logFile, logInMessage: true }));
    }, timeoutMs);
  });
  const exit = handle.exited.then((info) => {
    const how = info.error ? info.error.message : info.signal ? `signal ${info.signal}` : `exit code ${info.code}`;
    throw new StartError(`${handle.name} stopped before it was ready (${how})`, { logFile: handle.logFile });
  });
  try {
    return await Promise.race([probe(() => settled), timeout, exit]);
  } finally {
    settled = true;
    clearTimeout(timer);
    exit.catch(() => undefined);
  }
}

function httpStatus(url, timeoutMs = 2_000) {
  return new Promise((resolve) => {
    const request = http.get(url, { timeout: timeoutMs }, (response) => {
      response.resume();
      resolve(response.statusCode);
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(0));
  });
}

function tcpOpen(host, port, timeoutMs = 1_000) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (open) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Repeats `check` until it passes or `stopped()` says the wait was given up (exit, timeout). */
async function poll(check, intervalMs, stopped) {
  while (!stopped()) {
    if (await check()) return;
    await sleep(intervalMs);
  }
}

/** Waits until `url` answers 200, failing early when the child exits. */
function waitForHttp(handle, url, timeoutMs, intervalMs = 250) {
  return raceWithExit(handle, timeoutMs, `${url} to answer 200`, (stopped) => poll(async () => (await httpStatus(url)) === 200, intervalMs, stopped));
}

/** Waits until a TCP port accepts connections, failing early when the child exits. */
function waitForTcp(handle, host, port, timeoutMs, intervalMs = 200) {
  return raceWithExit(handle, timeoutMs, `${host}:${port} to accept connections`, (stopped) => poll(() => tcpOpen(host, port), intervalMs, stopped));
}

/** A port that is free right now on 127.0.0.1. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** The last `lines` lines of a log file, for error reports. */
function tail(file, lines = 25) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

module.exports = { StartError, spawnChild, waitForHttp, waitForTcp, tcpOpen, httpStatus, freePort, tail, sleep };
