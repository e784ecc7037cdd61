module.exports = {
  displayName: 'plaatsing-workflows',
  preset: '../../jest.preset.js',
  // Workflow runs (bundling, dev server) live in the nested `test/` project.
  roots: ['<rootDir>/src'],
};
