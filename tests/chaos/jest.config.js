module.exports = {
  displayName: 'chaos',
  preset: '../../jest.preset.js',
  maxWorkers: 1,
};
