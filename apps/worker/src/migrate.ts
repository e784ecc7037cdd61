import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@ketenregie/shared-platform';
import { registrations } from './app/registrations';
import { WorkerAppModule } from './app/worker-app.module';
import { workerConfigSchema } from './app/worker.config';

/**
 * The migration job (`node dist/apps/worker/migrate.js`, a Kubernetes Job before a rollout): with
 * the worker's configuration it creates the data source of every context the worker hosts, which
 * migrates that schema under its advisory lock, and exits. No Temporal worker starts. (The key
 * store's schema `kluis` migrates on its first use, by whichever app that is.) Services and
 * the worker still migrate at start-up; after this job they find nothing left to do.
 */
async function main(): Promise<void> {
  const config = loadConfig(workerConfigSchema, process.env, { service: 'migrate' });
  const started = Date.now();
  const app = await NestFactory.createApplicationContext(WorkerAppModule.register(config, registrations, undefined, {}, { migrateOnly: true }), {
    logger: ['error', 'warn'],
    abortOnError: false,
  });
  await app.close();
  process.stdout.write(`${JSON.stringify({ level: 'info', service: 'migrate', msg: 'database schemas migrated', ms: Date.now() - started })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`migrate failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
