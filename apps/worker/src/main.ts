import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@ketenregie/shared-platform';
import { Runtime } from '@temporalio/worker';
import { Logger } from 'nestjs-pino';
import { join } from 'node:path';
import { registrationsFor } from './app/registrations';
import { TemporalSdkLogger } from './app/temporal-logger';
import { WorkerAppModule } from './app/worker-app.module';
import { workerConfigSchema } from './app/worker.config';
import { TemporalWorkerHost } from './app/worker-host.service';
import { prebuiltWorkflowBundles } from './app/workflow-bundles';

/**
 * The production build (`npx nx run worker:build`) writes the workflow bundles next to `main.js`;
 * run from source there are none and each worker bundles its workflow code at start.
 */
const WORKFLOW_BUNDLE_DIR = join(__dirname, 'workflow-bundles');

async function main(): Promise<void> {
  const config = loadConfig(workerConfigSchema, process.env, { service: 'worker' });
  // Nest owns the process lifecycle: SIGINT/SIGTERM close the application, whose shutdown
  // hook stops the workers and awaits them. The SDK must not react to the signals itself.
  Runtime.install({ logger: new TemporalSdkLogger(), shutdownSignals: [] });
  const registrations = registrationsFor(config.WORKER_TASK_QUEUES);
  const workflowBundles = prebuiltWorkflowBundles(registrations, WORKFLOW_BUNDLE_DIR);
  const app = await NestFactory.createApplicationContext(WorkerAppModule.register(config, registrations, undefined, {}, { workflowBundles }), {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.flushLogs();
  app.enableShutdownHooks();
  const host = app.get(TemporalWorkerHost);
  host.terminated().catch(async (error: unknown) => {
    app.get(Logger).fatal({ err: error }, 'A Temporal worker stopped unexpectedly; shutting down');
    await app.close();
    process.exit(1);
  });
  process.send?.({ type: 'ready', taskQueues: host.taskQueues });
}

main().catch((error: unknown) => {
  process.stderr.write(`worker failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
