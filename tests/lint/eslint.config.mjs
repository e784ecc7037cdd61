import baseConfig from '../../eslint.config.mjs';

export default [
  ...baseConfig,
  // Files that break a rule on purpose; src/boundaries.spec.ts lints them.
  { ignores: ['fixtures/**'] },
];
