import baseConfig, { depConstraints, noBuiltinImports } from '../../../eslint.config.mjs';

/**
 * The kernel is imported by Temporal workflows, so it stays pure: no other workspace library
 * (it sits below shared-platform), no runtime package and no Node built-in, all rejected at
 * lint time rather than by the workflow bundler. Test files may use fast-check.
 */
const kernelConstraint = {
  sourceTag: 'scope:shared',
  onlyDependOnLibsWithTags: [],
  allowedExternalImports: ['fast-check'],
};

export default [
  ...baseConfig,
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': ['error', { enforceBuildableLibDependency: false, allow: [], depConstraints: [kernelConstraint, ...depConstraints] }],
    },
  },
  {
    files: ['**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': noBuiltinImports('The kernel runs inside Temporal workflows: no Node built-ins.'),
    },
  },
];
