module.exports = {
  displayName: 'temporal-dev-server',
  preset: '../../jest.preset.js',
  testTimeout: 60000,
  maxWorkers: 1,
};
