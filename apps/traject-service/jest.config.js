module.exports = {
  displayName: 'traject-service',
  preset: '../../jest.preset.js',
  testTimeout: 180_000,
};
