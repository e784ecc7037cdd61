module.exports = {
  displayName: 'start',
  preset: '../../jest.preset.js',
};
