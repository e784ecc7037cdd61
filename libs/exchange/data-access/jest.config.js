module.exports = {
  displayName: 'exchange-data-access',
  preset: '../../../jest.preset.js',
};
