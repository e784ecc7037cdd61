#!/usr/bin/env node
// `npm test`: lint and test every Nx project, then print one closing summary line.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '../..');
const resultsDir = path.join(root, 'tmp/test-results');
fs.rmSync(resultsDir, { recursive: true, force: true });

const started = Date.now();
// Formatting (Prettier, .prettierrc): `npm run format` fixes what this check finds.
const format = spawnSync(process.execPath, [require.resolve('prettier/bin/prettier.cjs'), '--check', '.', '--log-level=warn'], { cwd: root, stdio: 'inherit' });
const nx = spawnSync(
  process.execPath,
  [require.resolve('nx/bin/nx.js'), 'run-many', '-t', 'lint', 'test', '--outputStyle=stream', '--parallel=1', ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit', env: { ...process.env, NX_DAEMON: 'false' } },
);

const totals = { passed: 0, failed: 0, skipped: 0 };
const perProject = [];
if (fs.existsSync(resultsDir)) {
  for (const file of fs.readdirSync(resultsDir)) {
    const r = JSON.parse(fs.readFileSync(path.join(resultsDir, file), 'utf8'));
    totals.passed += r.passed;
    totals.failed += r.failed;
    totals.skipped += r.skipped;
    perProject.push(`${r.project}: ${r.passed} passed, ${r.failed} failed`);
  }
}
const nxCode = nx.status === null ? 1 : nx.status;
const code = nxCode !== 0 ? nxCode : format.status === 0 ? 0 : 1;
if (format.status !== 0) console.log('\nformat: Prettier found unformatted files (npm run format:check lists them, npm run format fixes them)');
console.log(`\n${perProject.sort().join('\n')}`);
console.log(`test run took ${Math.round((Date.now() - started) / 1000)} s, exit code ${code}`);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(code === 0 && totals.failed > 0 ? 1 : code);
