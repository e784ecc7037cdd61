import { TRAJECT_PRELOAD_MODULES, TRAJECT_SIDE_EFFECT_FREE_MODULES } from '@ketenregie/traject-contracts';
import { TsconfigPathsPlugin } from 'tsconfig-paths-webpack-plugin';

/** Workflows entry of the traject task queue. */
export const WORKFLOWS_PATH = `${__dirname}/../src/index.ts`;

/** Root tsconfig whose `paths` map `@ketenregie/*` to library sources. */
export const TSCONFIG_PATH = `${__dirname}/../../../tsconfig.base.json`;

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

/** The traject bundle as the worker builds it (`traject.registration.ts`): shared zod, only the library modules it uses. */
export const BUNDLE_OPTIONS = {
  workflowsPath: WORKFLOWS_PATH,
  preloadModules: [...TRAJECT_PRELOAD_MODULES],
  webpackConfigHook: <C extends WebpackConfig>(config: C): C => {
    const c = webpackConfigHook(config);
    return {
      ...c,
      optimization: { ...c.optimization, sideEffects: 'flag' },
      module: { ...c.module, rules: [...(c.module?.rules ?? []), ...TRAJECT_SIDE_EFFECT_FREE_MODULES.map((test) => ({ test, sideEffects: false }))] },
    };
  },
};
