'use strict';
/**
 * Builds the portal (apps/portal) for `npm start` and the tests that start the stack, through
 * Nx, whose cache skips the build when nothing it depends on changed since the last one.
 */
const path = require('node:path');
const { StartError, spawnChild } = require('./processes');

const NX = require.resolve('nx/bin/nx.js');

/**
 * Starts `nx run portal:build` in the background.
 * @returns {{ handle: ReturnType<typeof spawnChild>, done: Promise<string> }} `done` resolves with a
 *   summary line, or rejects with a StartError naming the log file.
 */
function buildPortal({ root, env, logDir, echo, timeoutMs }) {
  const handle = spawnChild({
    name: 'portal-build',
    command: process.execPath,
    args: [NX, 'run', 'portal:build', '--outputStyle=stream'],
    // Always the production bundle, whatever the caller runs under (Jest sets NODE_ENV=test, which
    // would give Vite React's development build).
    env: { ...env, NODE_ENV: 'production', NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
    cwd: root,
    logFile: path.join(logDir, 'portal-build.log'),
    echo,
  });
  const started = Date.now();
  const done = (async () => {
    const timer = setTimeout(() => handle.kill(), timeoutMs);
    const info = await handle.exited;
    clearTimeout(timer);
    if (info.code !== 0) throw new StartError(`building the portal failed (${info.signal ?? `exit ${info.code}`})`, { logFile: handle.logFile });
    return `dist/apps/portal (${((Date.now() - started) / 1000).toFixed(1)}s, unchanged sources come from the Nx cache)`;
  })();
  return { handle, done };
}

module.exports = { buildPortal };
