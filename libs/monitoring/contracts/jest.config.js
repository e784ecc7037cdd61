module.exports = {
  displayName: 'monitoring-contracts',
  preset: '../../../jest.preset.js',
};
