module.exports = {
  displayName: 'exchange-contracts',
  preset: '../../../jest.preset.js',
};
