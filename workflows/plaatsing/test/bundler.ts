import { PLAATSING_PRELOAD_MODULES, PLAATSING_SIDE_EFFECT_FREE_MODULES } from '@ketenregie/plaatsing-contracts';
import { TsconfigPathsPlugin } from 'tsconfig-paths-webpack-plugin';

/** Root tsconfig whose `paths` map `@ketenregie/*` to library sources. */
const TSCONFIG_PATH = `${__dirname}/../../../tsconfig.base.json`;

interface WebpackConfig {
  resolve?: { plugins?: unknown[] };
  optimization?: object;
  module?: { rules?: unknown[] };
}

/** Resolves the tsconfig path aliases inside the workflow bundle (the Temporal bundler ignores `paths`). */
export function webpackConfigHook<C extends WebpackConfig>(config: C): C {
  return {
    ...config,
    resolve: { ...config.resolve, plugins: [...(config.resolve?.plugins ?? []), new TsconfigPathsPlugin({ configFile: TSCONFIG_PATH })] },
  };
}

/** The plaatsing bundle as the worker builds it (`plaatsing.registration.ts`). */
export const BUNDLE_OPTIONS = {
  workflowsPath: `${__dirname}/../src/index.ts`,
  preloadModules: [...PLAATSING_PRELOAD_MODULES],
  webpackConfigHook: <C extends WebpackConfig>(config: C): C => {
    const c = webpackConfigHook(config);
    return {
      ...c,
      optimization: { ...c.optimization, sideEffects: 'flag' },
      module: { ...c.module, rules: [...(c.module?.rules ?? []), ...PLAATSING_SIDE_EFFECT_FREE_MODULES.map((test) => ({ test, sideEffects: false }))] },
    };
  },
};
