import nx from '@nx/eslint-plugin';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import { builtinModules } from 'node:module';

/**
 * Boundaries of the house (docs/conventions.md):
 * - scope: a context reaches another context only through that context's `contracts`.
 * - type: domain is pure; workflows see their context's contracts and pure domain plus the
 *   kernel (`util`); `platform` (Nest modules, TypeORM, auth, Temporal client) sits under
 *   application, data-access and apps only; `testing` is the database test harness.
 */
const runtimeOnly = ['@nestjs/*', 'typeorm', 'pg', '@temporalio/activity', '@temporalio/client', '@temporalio/worker'];
const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/** `no-restricted-imports` for pure code: no Node built-in (`message` says why), and the `patterns` given. */
export function noBuiltinImports(message, patterns = []) {
  return ['error', { paths: nodeBuiltins.map((name) => ({ name, message })), ...(patterns.length > 0 ? { patterns } : {}) }];
}

export const depConstraints = [
  // scopes
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:infra', onlyDependOnLibsWithTags: ['scope:infra', 'scope:shared'] },
  ...['traject', 'consent', 'exchange', 'plaatsing', 'monitoring'].map((ctx) => ({
    sourceTag: `scope:${ctx}`,
    onlyDependOnLibsWithTags: [`scope:${ctx}`, 'scope:shared', 'type:contracts'],
  })),
  {
    sourceTag: 'scope:platform',
    onlyDependOnLibsWithTags: ['scope:platform', 'scope:shared', 'type:contracts'],
  },
  {
    // The portal runs in the browser and reaches the services only over /api/v1 (a generated client).
    sourceTag: 'scope:portal',
    onlyDependOnLibsWithTags: ['scope:portal', 'scope:shared'],
    bannedExternalImports: [...runtimeOnly, '@temporalio/*', '@ketenregie/shared-platform'],
  },
  {
    // The benches measure contexts' repositories and use cases in-process (as the worker uses them), next to the platform.
    sourceTag: 'scope:bench',
    onlyDependOnLibsWithTags: ['scope:bench', 'scope:platform', 'scope:shared', 'type:contracts', 'type:application', 'type:data-access'],
  },
  {
    // The worker is the composition root of every context's activity adapters (use cases, repositories).
    sourceTag: 'scope:worker',
    onlyDependOnLibsWithTags: ['scope:worker', 'scope:shared', 'type:contracts', 'type:application', 'type:data-access'],
  },
  // types
  {
    sourceTag: 'type:app',
    onlyDependOnLibsWithTags: ['type:application', 'type:data-access', 'type:contracts', 'type:domain', 'type:platform', 'type:testing', 'type:util'],
  },
  { sourceTag: 'type:application', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:platform', 'type:testing', 'type:util'] },
  { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:platform', 'type:testing', 'type:util'] },
  { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', 'type:util'] },
  {
    sourceTag: 'type:domain',
    onlyDependOnLibsWithTags: ['type:domain', 'type:util'],
    bannedExternalImports: [...runtimeOnly, '@temporalio/*'],
  },
  {
    // Workflows stay thin over the pure decision functions of their own context's domain
    // (the scope rules above keep them out of another context's domain).
    sourceTag: 'type:workflow',
    onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', 'type:util'],
    bannedExternalImports: runtimeOnly,
  },
  { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:platform', 'type:testing', 'type:util'] },
  { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:testing', 'type:platform', 'type:util'] },
  { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
  {
    sourceTag: 'type:test',
    onlyDependOnLibsWithTags: [
      'type:app',
      'type:application',
      'type:data-access',
      'type:contracts',
      'type:domain',
      'type:platform',
      'type:testing',
      'type:util',
    ],
  },
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: ['**/dist', '**/node_modules', '**/tmp', '**/.nx', '**/.data', '**/*.d.ts'],
  },
  {
    // import-x/no-cycle follows relative imports inside a project; cycles between projects are
    // the module-boundaries rule's job (it reports circular project dependencies).
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.js', '.mjs'],
      'import-x/ignore': ['node_modules'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.mjs'] })],
    },
  },
  {
    files: ['**/*.ts', '**/*.js'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints,
        },
      ],
      'no-console': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    // Type-aware rules: each file is checked with the program of its project's tsconfig.json.
    // consistent-type-imports leaves files with decorators alone (emitDecoratorMetadata needs
    // the value import for Nest's dependency injection).
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    // Workflow code runs in Temporal's deterministic sandbox: Node built-ins are rejected
    // by the bundler, so reject them here, at lint time.
    // basePath: the patterns are relative to the workspace root also when `nx lint` loads this
    // file through a project's eslint.config.mjs (whose directory would otherwise be the base).
    basePath: import.meta.dirname,
    files: ['workflows/**/*.ts'],
    ignores: ['workflows/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'Workflow code must not use Node built-ins (deterministic sandbox).' })),
          patterns: [
            {
              group: ['@nestjs/*', 'typeorm', 'pg', '@temporalio/activity', '@temporalio/client', '@temporalio/worker'],
              message: 'Workflow code sees activities only through contracts.',
            },
          ],
        },
      ],
    },
  },
  {
    // Scripts, tests and tooling may print.
    basePath: import.meta.dirname,
    files: ['**/*.spec.ts', 'tools/**/*.js', 'tests/**/*.ts', 'tests/**/*.js', '**/bin/**', '**/jest.config.js'],
    rules: { 'no-console': 'off' },
  },
];
