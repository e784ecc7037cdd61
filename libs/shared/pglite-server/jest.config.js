module.exports = {
  displayName: 'shared-pglite-server',
  preset: '../../../jest.preset.js',
};
