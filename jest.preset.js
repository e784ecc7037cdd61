// Shared Jest preset: SWC transform (with decorator metadata for NestJS), Nx's resolver, which
// maps the tsconfig.base.json path aliases to library sources, and the Node environment with
// one embedded PostgreSQL cluster per process for the database tests (started on first use).
const nxPreset = require('@nx/jest/preset').default;
const { SWC_OPTIONS } = require('./tools/build/swc-options');

module.exports = {
  ...nxPreset,
  testEnvironment: require.resolve('./libs/shared/embedded-postgres/src/jest-environment.ts'),
  transform: {
    '^.+\\.[tj]s$': ['@swc/jest', { ...SWC_OPTIONS, sourceMaps: 'inline' }],
  },
  // Dependencies that ship ES modules only (oauth4webapi: the service identity in shared-platform;
  // request-filtering-agent: exchange-service's webhooks); the SWC transform turns them into
  // CommonJS for Jest in every project that loads them.
  transformIgnorePatterns: ['/node_modules/(?!(oauth4webapi|request-filtering-agent)/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  coverageReporters: ['text-summary'],
  reporters: ['default', require.resolve('./tools/test/summary-reporter.js')],
};
