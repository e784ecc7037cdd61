// Lints virtual files with ESLint's Node API exactly as `nx lint` does: from the owning
// project's directory, with that project's eslint.config.mjs. Runs as a plain Node process
// because ESLint loads its configuration with dynamic import(), which Jest's VM does not allow.
// Two differences, both needed because the files need not exist on disk: the type-aware rules
// check them in a program with the workspace's compiler options (they belong to no
// tsconfig.json yet), and files under ignored fixture folders are linted too.
// Input (stdin): [{ cwd, filePath, code }]. Output (stdout): [{ filePath, messages: [{ ruleId, line, message }] }].
import { ESLint } from 'eslint';
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../../..');
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const cases = JSON.parse(Buffer.concat(chunks).toString('utf8'));

// A case may also lint new text for a project file that exists (to close an import cycle); the
// project service already knows such a file, and naming it as a default-project file too is an
// error. Fixture files exist too but belong to no tsconfig.json.
const knownToAProject = (filePath) => existsSync(filePath) && !filePath.includes('/fixtures/');
const virtualFiles = cases.filter((c) => !knownToAProject(c.filePath)).map((c) => relative(root, c.filePath));
const overrideConfig = {
  files: ['**/*.ts'],
  languageOptions: {
    parserOptions: {
      projectService: {
        allowDefaultProject: virtualFiles,
        defaultProject: join(root, 'tsconfig.base.json'),
        maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING: virtualFiles.length,
      },
      tsconfigRootDir: root,
    },
  },
};

const engines = new Map();
const results = [];
for (const { cwd, filePath, code } of cases) {
  if (!engines.has(cwd)) engines.set(cwd, new ESLint({ cwd, ignore: false, overrideConfig }));
  const [result] = await engines.get(cwd).lintText(code, { filePath });
  results.push({
    filePath,
    messages: result.messages.map((m) => ({ ruleId: m.ruleId, line: m.line, message: m.message, fatal: m.fatal ?? false })),
  });
}
process.stdout.write(JSON.stringify(results));
