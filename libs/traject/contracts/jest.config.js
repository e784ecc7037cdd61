module.exports = {
  displayName: 'traject-contracts',
  preset: '../../../jest.preset.js',
};
