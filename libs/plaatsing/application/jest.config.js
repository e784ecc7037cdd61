module.exports = {
  displayName: 'plaatsing-application',
  preset: '../../../jest.preset.js',
};
