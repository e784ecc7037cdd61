module.exports = {
  displayName: 'monitoring-application',
  preset: '../../../jest.preset.js',
};
