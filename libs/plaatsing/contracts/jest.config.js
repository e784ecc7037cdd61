module.exports = {
  displayName: 'plaatsing-contracts',
  preset: '../../../jest.preset.js',
};
