#!/usr/bin/env node
/*
 * The npm registry reachable from our machines and CI serves only the platform builds of native
 * packages for the platforms we run on (e.g. @swc/core-linux-x64-gnu, not -darwin-arm64).
 * `npm install` then leaves the other platforms' optional dependencies out of package-lock.json,
 * and `npm ci` refuses such a lock file ("Missing: @swc/core-darwin-arm64@ from lock file").
 *
 * This script writes the missing entries (version, os, cpu, optional) into the lock file, as npm
 * itself would with a complete registry. npm skips them on install because their os/cpu does not
 * match. It runs as the root `postinstall`, after npm has written the lock file, and is idempotent.
 */
const fs = require('node:fs');
const path = require('node:path');

const lockPath = path.join(__dirname, '../../package-lock.json');
const OS = ['darwin', 'linux', 'win32', 'freebsd', 'android', 'openharmony', 'sunos', 'aix', 'netbsd', 'openbsd'];
const CPU = ['arm64', 'x64', 'arm', 'ia32', 'ppc64', 's390x', 'riscv64', 'loong64', 'wasm32'];

/** Reads os/cpu from a platform package name such as `@swc/core-linux-arm-gnueabihf`. */
function platformOf(name) {
  const parts = name.split('/').pop().split('-');
  const os = parts.find((p) => OS.includes(p));
  const cpu = parts.find((p) => CPU.includes(p));
  if (!os || !cpu) return undefined;
  const entry = { os: [os], cpu: [cpu] };
  if (parts.includes('musl') || parts.includes('musleabihf')) entry.libc = ['musl'];
  else if (os === 'linux' && parts.some((p) => p.startsWith('gnu'))) entry.libc = ['glibc'];
  return entry;
}

function complete(lock) {
  const added = [];
  for (const [location, entry] of Object.entries(lock.packages ?? {})) {
    const optional = entry.optionalDependencies ?? {};
    const base = location === '' ? 'node_modules/' : `${location}/node_modules/`;
    for (const [name, range] of Object.entries(optional)) {
      const nested = `${base}${name}`;
      const hoisted = `node_modules/${name}`;
      if (lock.packages[nested] || lock.packages[hoisted]) continue;
      const platform = platformOf(name);
      if (!platform || !/^\d+\.\d+\.\d+[^\s]*$/.test(range)) continue;
      lock.packages[hoisted] = { version: range, ...platform, optional: true };
      added.push(`${name}@${range}`);
    }
  }
  return added;
}

const lock = JSON.parse(fs.readFileSync(lockPath, 'utf8'));
const added = complete(lock);
if (added.length > 0) {
  const sorted = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
  lock.packages = sorted;
  fs.writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
  console.log(`package-lock.json: added ${added.length} platform entries npm could not fetch`);
}
