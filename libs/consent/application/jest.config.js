module.exports = {
  displayName: 'consent-application',
  preset: '../../../jest.preset.js',
};
