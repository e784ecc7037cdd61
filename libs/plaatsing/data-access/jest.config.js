module.exports = {
  displayName: 'plaatsing-data-access',
  preset: '../../../jest.preset.js',
  testTimeout: 120_000,
};
