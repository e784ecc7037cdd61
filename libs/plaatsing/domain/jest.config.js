module.exports = {
  displayName: 'plaatsing-domain',
  preset: '../../../jest.preset.js',
};
