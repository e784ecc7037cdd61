module.exports = {
  displayName: 'shared-crypto',
  preset: '../../../jest.preset.js',
};
