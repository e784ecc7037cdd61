import { bundleWorkflowCode } from '@temporalio/worker';
import type { BundleOptions, WorkerOptions } from '@temporalio/worker';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TsconfigPathsPlugin } from 'tsconfig-paths-webpack-plugin';
import type { WorkerRegistration } from './worker-registration';

/**
 * Prebuilt workflow bundles: task queue → path of the bundle's JavaScript. A production worker
 * loads these (`workflowBundle: { codePath }`) instead of bundling TypeScript at start.
 */
export type WorkflowBundles = Readonly<Record<string, string>>;

/** File of a task queue's bundle inside a bundle directory. */
export function workflowBundleFile(dir: string, taskQueue: string): string {
  return join(dir, `${taskQueue}.js`);
}

/**
 * How a registration's workflow code is bundled, the same at build time and when a worker bundles
 * from source: workspace `paths` through the tsconfig, the preloaded modules, and library modules
 * without side effects left out when no workflow uses them.
 */
export function workflowBundlerOptions(registration: WorkerRegistration, tsconfigPath: string): NonNullable<WorkerOptions['bundlerOptions']> {
  return {
    ...(registration.preloadModules ? { preloadModules: [...registration.preloadModules] } : {}),
    webpackConfigHook: (config) => ({
      ...config,
      resolve: {
        ...config.resolve,
        plugins: [...(config.resolve?.plugins ?? []), new TsconfigPathsPlugin({ configFile: tsconfigPath })],
      },
      ...(registration.sideEffectFreeModules
        ? {
            optimization: { ...config.optimization, sideEffects: 'flag' as const },
            module: {
              ...config.module,
              rules: [...(config.module?.rules ?? []), ...registration.sideEffectFreeModules.map((test) => ({ test, sideEffects: false }))],
            },
          }
        : {}),
    }),
  };
}

/** Bundles every registration's workflow code (`bundleWorkflowCode`) into `<dir>/<taskQueue>.js`; returns the bundles written. */
export async function buildWorkflowBundles(
  registrations: readonly WorkerRegistration[],
  dir: string,
  tsconfigPath: string,
  logger?: BundleOptions['logger'],
  plugins: NonNullable<BundleOptions['plugins']> = [],
): Promise<WorkflowBundles> {
  mkdirSync(dir, { recursive: true });
  const bundles: Record<string, string> = {};
  for (const registration of registrations) {
    if (!registration.workflowsPath) continue;
    const { code } = await bundleWorkflowCode({
      workflowsPath: registration.workflowsPath,
      ...workflowBundlerOptions(registration, tsconfigPath),
      ...(logger ? { logger } : {}),
      plugins: [...plugins],
    });
    const file = workflowBundleFile(dir, registration.taskQueue);
    writeFileSync(file, code);
    bundles[registration.taskQueue] = file;
  }
  return bundles;
}

/**
 * The prebuilt bundles in `dir` for the registrations with workflow code, or `undefined` when the
 * directory does not exist (a worker run from source bundles at start). A directory that lacks one
 * task queue's bundle is a broken build: that is an error, not a silent fallback to source.
 */
export function prebuiltWorkflowBundles(registrations: readonly WorkerRegistration[], dir: string): WorkflowBundles | undefined {
  if (!existsSync(dir)) return undefined;
  const bundles: Record<string, string> = {};
  for (const { taskQueue, workflowsPath } of registrations) {
    if (!workflowsPath) continue;
    const file = workflowBundleFile(dir, taskQueue);
    if (!existsSync(file))
      throw new Error(`the prebuilt workflow bundle of task queue ${taskQueue} is missing: ${file} (rebuild with npx nx run worker:build)`);
    bundles[taskQueue] = file;
  }
  return bundles;
}
