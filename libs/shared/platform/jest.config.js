module.exports = {
  displayName: 'shared-platform',
  preset: '../../../jest.preset.js',
};
