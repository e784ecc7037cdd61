module.exports = {
  displayName: 'e2e',
  preset: '../../jest.preset.js',
  // One stack at a time: the whole suite shares it.
  maxWorkers: 1,
};
