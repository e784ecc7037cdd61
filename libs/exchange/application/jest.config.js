module.exports = {
  displayName: 'exchange-application',
  preset: '../../../jest.preset.js',
};
