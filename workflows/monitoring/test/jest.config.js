module.exports = {
  displayName: 'monitoring-workflows-test',
  preset: '../../../jest.preset.js',
  // Bundling and time-skipping runs against the dev server take longer than unit tests.
  testTimeout: 300_000,
};
