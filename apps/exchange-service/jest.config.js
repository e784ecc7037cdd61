module.exports = {
  displayName: 'exchange-service',
  preset: '../../jest.preset.js',
};
