#!/usr/bin/env node
'use strict';
/**
 * Makes sure Debian's `chromium` is installed for the browser tests (tests/browser). The
 * project never downloads a browser of its own: when /usr/bin/chromium is missing and we run
 * as root, it installs the distribution package with apt-get; otherwise it says what to run.
 * Exit code 0 when the browser is there afterwards, 1 when it is not.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');

/** Where Debian's chromium package puts its launcher. */
const CHROMIUM_PATH = '/usr/bin/chromium';

/** Installs chromium when needed; returns its path or throws with what to do. */
function ensureChromium({ log = (line) => process.stderr.write(`${line}\n`) } = {}) {
  if (fs.existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = fs.existsSync('/usr/bin/apt-get');
  if (!isRoot || !hasApt) {
    throw new Error(
      `${CHROMIUM_PATH} is missing. The browser tests use Debian's chromium package; install it with ` +
        '`sudo apt-get update && sudo apt-get install -y chromium` and run the tests again.',
    );
  }
  log(`${CHROMIUM_PATH} is missing: installing Debian's chromium package (apt-get)…`);
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'chromium']]) {
    const result = spawnSync('apt-get', args, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (exit ${result.status ?? result.signal}); install chromium by hand.`);
  }
  if (!fs.existsSync(CHROMIUM_PATH)) throw new Error(`apt-get installed chromium, but ${CHROMIUM_PATH} is still missing.`);
  return CHROMIUM_PATH;
}

module.exports = { ensureChromium, CHROMIUM_PATH };

if (require.main === module) {
  try {
    console.log(ensureChromium());
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
