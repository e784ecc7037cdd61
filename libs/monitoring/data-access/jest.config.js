module.exports = {
  displayName: 'monitoring-data-access',
  preset: '../../../jest.preset.js',
};
