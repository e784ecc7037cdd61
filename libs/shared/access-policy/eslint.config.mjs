import { builtinModules } from 'node:module';
import baseConfig from '../../../eslint.config.mjs';

/** The access policy is pure: no Nest, no TypeORM, no I/O, no Node built-ins. */
export default [
  ...baseConfig,
  {
    files: ['**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...builtinModules, ...builtinModules.map((m) => `node:${m}`)].map((name) => ({
            name,
            message: 'The access policy is pure: no Node built-ins.',
          })),
          patterns: [{ group: ['@nestjs/*', 'typeorm', 'pg', '@temporalio/*'], message: 'The access policy is pure: no framework or I/O.' }],
        },
      ],
    },
  },
];
