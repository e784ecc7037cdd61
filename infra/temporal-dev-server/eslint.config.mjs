import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import baseConfig from '../../eslint.config.mjs';

/**
 * Layers of the dev server, each importing only those below it:
 * server (gRPC) → engine → store → model. `model` is the run-state data both engine and store
 * use, so the store never needs the engine. Tests may reach across (a store spec builds runs
 * with the engine's state machine).
 */
const layers = [
  {
    target: './src/store',
    from: ['./src/engine', './src/server'],
    message: 'The store keeps runs; it must not import the engine or the gRPC layer (shared types live in src/model).',
  },
  {
    target: './src/model',
    from: ['./src/engine', './src/store', './src/server'],
    message: 'The model is plain data shared by engine and store; it imports neither.',
  },
  { target: './src/engine', from: ['./src/server'], message: 'The engine does not know the gRPC layer above it.' },
];

export default [
  ...baseConfig,
  {
    basePath: import.meta.dirname,
    files: ['**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json'] })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    basePath: import.meta.dirname,
    files: ['src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: import.meta.dirname, zones: layers }],
    },
  },
];
