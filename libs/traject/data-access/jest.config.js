module.exports = {
  displayName: 'traject-data-access',
  preset: '../../../jest.preset.js',
  testTimeout: 120_000,
};
