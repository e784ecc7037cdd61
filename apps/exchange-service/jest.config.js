module.exports = {
  displayName: 'exchange-service',
  preset: '../../jest.preset.js',
  // Each test starts the service (migrations, Nest) against PostgreSQL; that takes seconds on a busy box.
  testTimeout: 60_000,
  // request-filtering-agent and oauth4webapi (the service identity) ship ES modules only; Jest runs CommonJS.
  transformIgnorePatterns: ['/node_modules/(?!(request-filtering-agent|oauth4webapi)/)'],
};
