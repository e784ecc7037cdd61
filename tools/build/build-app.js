#!/usr/bin/env node
// Production build of one Node app (`apps/<app>/src/main.ts` → `dist/apps/<app>/main.js`):
// webpack with swc-loader, the two build tools the Temporal SDK already brings for its workflow
// bundles. The workspace libraries (`@ketenregie/*`, resolved through tsconfig.base.json's paths)
// are compiled into the bundle; every npm package stays an external `require`, so the image
// installs production dependencies with `npm ci --omit=dev` and runs `node dist/apps/<app>/main.js`
// without a TypeScript loader. More entries of the same app (`apps/<app>/src/<name>.ts`, e.g. the
// worker's `migrate`) become `dist/apps/<app>/<name>.js`.
// Usage: node tools/build/build-app.js <app> [<entry>...]
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const webpack = require('webpack');
const { TsconfigPathsPlugin } = require('tsconfig-paths-webpack-plugin');
const { SWC_OPTIONS } = require('./swc-options');

const ROOT = join(__dirname, '..', '..');
const TSCONFIG = join(ROOT, 'tsconfig.base.json');

/** Bundled: relative and absolute imports and the workspace's own `@ketenregie/*` libraries. Everything else is an npm package, loaded at run time. */
function isExternal(request) {
  return !(request.startsWith('.') || request.startsWith('/') || request.startsWith('@ketenregie/') || request.includes('!'));
}

/** The webpack configuration of one app. */
function appConfig(app, extraEntries = []) {
  const entry = {};
  for (const name of ['main', ...extraEntries]) {
    entry[name] = join(ROOT, 'apps', app, 'src', `${name}.ts`);
    if (!existsSync(entry[name])) throw new Error(`no entry apps/${app}/src/${name}.ts`);
  }
  return {
    mode: 'production',
    target: 'node20',
    context: ROOT,
    entry,
    devtool: 'source-map',
    output: { path: join(ROOT, 'dist', 'apps', app), filename: '[name].js', clean: { keep: /^workflow-bundles\// } },
    // `__dirname` is the output directory at run time (the worker finds its prebuilt workflow bundles next to main.js).
    node: { __dirname: false, __filename: false },
    externalsPresets: { node: true },
    externals: [({ request }, callback) => (request && isExternal(request) ? callback(undefined, `commonjs ${request}`) : callback())],
    resolve: { extensions: ['.ts', '.js', '.json'], plugins: [new TsconfigPathsPlugin({ configFile: TSCONFIG, extensions: ['.ts', '.js'] })] },
    module: { rules: [{ test: /\.ts$/, exclude: /node_modules/, use: { loader: 'swc-loader', options: { ...SWC_OPTIONS, sourceMaps: true } } }] },
    // Class names matter to Nest (providers, logs); the code is not shipped to browsers.
    optimization: { minimize: false, nodeEnv: false },
    performance: { hints: false },
    stats: 'errors-warnings',
  };
}

function build(app, extraEntries = []) {
  return new Promise((resolve, reject) => {
    webpack(appConfig(app, extraEntries), (error, stats) => {
      if (error) return reject(error);
      const output = stats.toString({ colors: false, preset: 'errors-warnings' });
      if (stats.hasErrors()) return reject(new Error(`build of ${app} failed:\n${output}`));
      if (output.trim()) process.stdout.write(`${output}\n`);
      resolve(stats);
    });
  });
}

module.exports = { appConfig, build, isExternal };

if (require.main === module) {
  const [app, ...extraEntries] = process.argv.slice(2);
  if (!app) {
    console.error('usage: node tools/build/build-app.js <app> [<entry>...]');
    process.exit(2);
  }
  const started = Date.now();
  build(app, extraEntries).then(
    () => console.log(`built dist/apps/${app}/{${['main', ...extraEntries].join(',')}}.js in ${((Date.now() - started) / 1000).toFixed(1)} s`),
    (error) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
}
