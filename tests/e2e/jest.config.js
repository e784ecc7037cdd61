module.exports = {
  displayName: 'e2e',
  preset: '../../jest.preset.js',
  // One stack at a time: the whole suite shares it.
  maxWorkers: 1,
  // A test makes tens of calls through a whole stack; on 2 cores shared with other stacks (load 30)
  // one call can take seconds, so jest's 5 s default fails tests that are merely slow.
  testTimeout: 120_000,
};
