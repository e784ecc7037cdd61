import baseConfig, { noBuiltinImports } from '../../../eslint.config.mjs';

/** The access policy is pure: no Nest, no TypeORM, no I/O, no Node built-ins. */
export default [
  ...baseConfig,
  {
    files: ['**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': noBuiltinImports('The access policy is pure: no Node built-ins.', [
        { group: ['@nestjs/*', 'typeorm', 'pg', '@temporalio/*'], message: 'The access policy is pure: no framework or I/O.' },
      ]),
    },
  },
];
