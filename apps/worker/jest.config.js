module.exports = {
  displayName: 'worker',
  preset: '../../jest.preset.js',
  // oauth4webapi ships ES modules only; let the SWC transform turn it into CommonJS for Jest.
  transformIgnorePatterns: ['/node_modules/(?!oauth4webapi/)'],
};
