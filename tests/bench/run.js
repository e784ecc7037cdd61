#!/usr/bin/env node
// Runs the benches: every tests/bench/**/*.bench.ts (only those whose path contains one of the
// arguments, if any), one after another, each in its own Node process through @swc-node/register.
// Exits non-zero if a bench fails or nothing matched.
const { spawnSync } = require('node:child_process');
const { readdirSync } = require('node:fs');
const { join, relative } = require('node:path');

const root = __dirname;
const filters = process.argv.slice(2);

function findBenches(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : findBenches(path);
    return entry.name.endsWith('.bench.ts') ? [path] : [];
  });
}

const benches = findBenches(root)
  .map((path) => relative(root, path))
  .filter((path) => filters.length === 0 || filters.some((f) => path.includes(f)))
  .sort();

if (benches.length === 0) {
  console.error(`no bench matches ${filters.length ? filters.join(', ') : '*.bench.ts'} in ${root}`);
  process.exit(1);
}

let failed = 0;
for (const bench of benches) {
  console.log(`\n=== ${bench} ===`);
  const started = Date.now();
  const run = spawnSync(process.execPath, ['-r', '@swc-node/register', join(root, bench)], {
    stdio: 'inherit',
    env: { ...process.env, SWC_NODE_PROJECT: join(root, 'tsconfig.json') },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (run.status === 0) {
    console.log(`=== ${bench}: done in ${seconds} s ===`);
  } else {
    failed++;
    console.error(`=== ${bench}: FAILED (${run.status ?? run.signal}) after ${seconds} s ===`);
  }
}
process.exit(failed === 0 ? 0 : 1);
