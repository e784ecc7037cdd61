import { TsconfigPathsPlugin } from 'tsconfig-paths-webpack-plugin';

/** Workflows entry of the monitoring task queue. */
export const WORKFLOWS_PATH = `${__dirname}/../src/index.ts`;

/** Root tsconfig whose `paths` map `@ketenregie/*` to library sources. */
export const TSCONFIG_PATH = `${__dirname}/../../../tsconfig.base.json`;

interface WebpackConfig {
  resolve?: { plugins?: unknown[] };
}

/** Resolves the tsconfig path aliases inside the workflow bundle (the Temporal bundler ignores `paths`). */
export function webpackConfigHook<C extends WebpackConfig>(config: C): C {
  return {
    ...config,
    resolve: { ...config.resolve, plugins: [...(config.resolve?.plugins ?? []), new TsconfigPathsPlugin({ configFile: TSCONFIG_PATH })] },
  };
}
