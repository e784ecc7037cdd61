// The one SWC configuration for TypeScript in this workspace: decorator metadata for NestJS,
// CommonJS, class names kept. The test transform (jest.preset.js) and the production build
// (tools/build/build-app.js) both use it, so tests run the code as it ships.
module.exports.SWC_OPTIONS = {
  jsc: {
    target: 'es2022',
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
};
