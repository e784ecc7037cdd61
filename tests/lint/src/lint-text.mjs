// Lints virtual files with ESLint's Node API exactly as `nx lint` does: from the owning
// project's directory, with that project's eslint.config.mjs. Runs as a plain Node process
// because ESLint loads its configuration with dynamic import(), which Jest's VM does not allow.
// Input (stdin): [{ cwd, filePath, code }]. Output (stdout): [{ filePath, messages: [{ ruleId, line, message }] }].
import { ESLint } from 'eslint';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const cases = JSON.parse(Buffer.concat(chunks).toString('utf8'));

const engines = new Map();
const results = [];
for (const { cwd, filePath, code } of cases) {
  if (!engines.has(cwd)) engines.set(cwd, new ESLint({ cwd }));
  const [result] = await engines.get(cwd).lintText(code, { filePath });
  results.push({
    filePath,
    messages: result.messages.map((m) => ({ ruleId: m.ruleId, line: m.line, message: m.message, fatal: m.fatal ?? false })),
  });
}
process.stdout.write(JSON.stringify(results));
