module.exports = {
  displayName: 'shared-access-policy',
  preset: '../../../jest.preset.js',
};
