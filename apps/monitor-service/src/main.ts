import 'reflect-metadata';
import { bootstrapService, loadConfig } from '@ketenregie/shared-platform';
import { AppModule } from './app/app.module';
import { monitorServiceConfigSchema } from './app/monitor-service.config';

async function main(): Promise<void> {
  const config = loadConfig(monitorServiceConfigSchema, process.env, { service: 'monitor-service' });
  await bootstrapService(AppModule.register(config), {
    name: 'monitor-service',
    port: config.PORT,
    logLevel: config.LOG_LEVEL,
    openApi: { title: 'monitor-service', description: 'Organisation registry and stuurgroepen of the partnership' },
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`monitor-service failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
