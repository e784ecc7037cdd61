module.exports = {
  displayName: 'plaatsing-service',
  preset: '../../jest.preset.js',
  // Each test starts the service (migrations, Nest) against PostgreSQL; that takes seconds on a busy box.
  testTimeout: 60_000,
};
