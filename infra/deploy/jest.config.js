module.exports = {
  displayName: 'deploy',
  preset: '../../jest.preset.js',
  testTimeout: 60000,
};
