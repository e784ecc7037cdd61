module.exports = {
  displayName: 'browser',
  preset: '../../jest.preset.js',
  // One stack and one browser for the whole suite.
  maxWorkers: 1,
};
