module.exports = {
  displayName: 'traject-domain',
  preset: '../../../jest.preset.js',
};
