module.exports = {
  displayName: 'consent-data-access',
  preset: '../../../jest.preset.js',
};
