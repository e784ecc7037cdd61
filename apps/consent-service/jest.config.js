module.exports = {
  displayName: 'consent-service',
  preset: '../../jest.preset.js',
};
