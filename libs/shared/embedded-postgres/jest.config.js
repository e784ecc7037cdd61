module.exports = {
  displayName: 'shared-embedded-postgres',
  preset: '../../../jest.preset.js',
};
