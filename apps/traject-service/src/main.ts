import 'reflect-metadata';
import { bootstrapService, loadConfig } from '@ketenregie/shared-platform';
import { AppModule } from './app/app.module';
import { trajectServiceConfigSchema } from './app/traject-service.config';

async function main(): Promise<void> {
  const config = loadConfig(trajectServiceConfigSchema, process.env, { service: 'traject-service' });
  await bootstrapService(AppModule.register(config), {
    name: 'traject-service',
    port: config.PORT,
    host: config.HOST,
    logLevel: config.LOG_LEVEL,
    openApi: { title: 'traject-service', description: 'Deelnemers, programmas, trajecten (durable workflows) and the task list' },
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`traject-service failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
