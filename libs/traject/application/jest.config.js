module.exports = {
  displayName: 'traject-application',
  preset: '../../../jest.preset.js',
};
