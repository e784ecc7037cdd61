module.exports = {
  displayName: 'consent-domain',
  preset: '../../../jest.preset.js',
};
