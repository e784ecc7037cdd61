// Build step of `npx nx run worker:build`: bundles the workflow code of every registration
// (`bundleWorkflowCode`) into `<dir>/<taskQueue>.js`, which the built worker loads
// (`workflowBundle: { codePath }`) instead of bundling TypeScript at start.
// Usage: node -r @swc-node/register apps/worker/src/build-workflow-bundles.ts <dir>
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { DefaultLogger } from '@temporalio/worker';
import { startTracing } from '@ketenregie/shared-platform';
import { registrations } from './app/registrations';
import { WORKSPACE_TSCONFIG } from './app/worker-app.module';
import { buildWorkflowBundles } from './app/workflow-bundles';
import { tracingPlugin } from './app/worker-observability';

async function main(): Promise<void> {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: build-workflow-bundles.ts <output directory>');
  const out = resolve(dir);
  rmSync(out, { recursive: true, force: true });
  const started = Date.now();
  // The OpenTelemetry plugin adds its workflow interceptor modules to the bundle, as it does when a worker bundles from source.
  const bundles = await buildWorkflowBundles(registrations, out, WORKSPACE_TSCONFIG, new DefaultLogger('WARN'), [
    tracingPlugin(startTracing({ service: 'worker' })),
  ]);
  process.stdout.write(`workflow bundles (${Object.keys(bundles).join(', ')}) in ${out}, ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
