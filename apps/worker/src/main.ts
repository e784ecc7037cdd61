import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { exitOnSignals, gracefulShutdown, loadConfig, startTracing } from '@ketenregie/shared-platform';
import { Runtime } from '@temporalio/worker';
import { Logger } from 'nestjs-pino';
import { join } from 'node:path';
import { registrationsFor } from './app/registrations';
import { TemporalSdkLogger } from './app/temporal-logger';
import { WorkerAppModule } from './app/worker-app.module';
import { workerConfigSchema } from './app/worker.config';
import { TemporalWorkerHost } from './app/worker-host.service';
import { activityMetrics, freeLoopbackPort, startWorkerHttp, tracingPlugin } from './app/worker-observability';
import { prebuiltWorkflowBundles } from './app/workflow-bundles';

/**
 * The production build (`npx nx run worker:build`) writes the workflow bundles next to `main.js`;
 * run from source there are none and each worker bundles its workflow code at start.
 */
const WORKFLOW_BUNDLE_DIR = join(__dirname, 'workflow-bundles');

async function main(): Promise<void> {
  const config = loadConfig(workerConfigSchema, process.env, { service: 'worker' });
  const tracing = startTracing({ service: 'worker', ...(config.OTEL_EXPORTER_OTLP_ENDPOINT ? { otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT } : {}) });
  const sdkMetricsPort = config.TEMPORAL_METRICS_PORT ?? (await freeLoopbackPort());
  // The process owns its lifecycle: SIGINT/SIGTERM turn readiness off and close the application,
  // whose shutdown hook shuts the workers down (Worker.shutdown) and awaits them. The SDK must not
  // react to the signals itself. Its own metrics go to a loopback Prometheus exporter that the
  // worker's /metrics forwards.
  Runtime.install({
    logger: new TemporalSdkLogger(),
    shutdownSignals: [],
    telemetryOptions: { metrics: { prometheus: { bindAddress: `127.0.0.1:${sdkMetricsPort}` } } },
  });
  const registrations = registrationsFor(config.WORKER_TASK_QUEUES);
  const workflowBundles = prebuiltWorkflowBundles(registrations, WORKFLOW_BUNDLE_DIR);
  const app = await NestFactory.createApplicationContext(
    WorkerAppModule.register(
      config,
      registrations,
      undefined,
      {},
      { workflowBundles, plugins: [tracingPlugin(tracing)], activityInterceptors: [activityMetrics] },
    ),
    { bufferLogs: true, abortOnError: false },
  );
  const logger = app.get(Logger);
  app.useLogger(logger);
  app.flushLogs();
  const host = app.get(TemporalWorkerHost);
  const server = await startWorkerHttp({
    host: config.WORKER_HTTP_HOST,
    port: config.WORKER_HTTP_PORT,
    access: config.METRICS_TOKEN ? { token: config.METRICS_TOKEN } : {},
    sdkMetricsUrl: `http://127.0.0.1:${sdkMetricsPort}/metrics`,
    ready: () => host.state === 'running',
  });
  const shutdown = gracefulShutdown(app, {
    drainMs: config.SHUTDOWN_DRAIN_MS,
    timeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    server,
    log: (message, details) => logger.log(details ?? {}, message),
  });
  exitOnSignals(shutdown);
  host.terminated().catch(async (error: unknown) => {
    logger.fatal({ err: error }, 'A Temporal worker stopped unexpectedly; shutting down');
    await shutdown().catch(() => undefined);
    process.exit(1);
  });
  const address = server.address();
  process.send?.({ type: 'ready', taskQueues: host.taskQueues, httpPort: typeof address === 'object' && address ? address.port : undefined });
}

main().catch((error: unknown) => {
  process.stderr.write(`worker failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
