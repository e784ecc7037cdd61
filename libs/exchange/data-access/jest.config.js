module.exports = {
  displayName: 'exchange-data-access',
  preset: '../../../jest.preset.js',
  // Lease expiry is tested against the database clock in real time.
  testTimeout: 30_000,
};
