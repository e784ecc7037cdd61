module.exports = {
  displayName: 'monitor-service',
  preset: '../../jest.preset.js',
};
