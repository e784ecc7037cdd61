import 'reflect-metadata';
import { bootstrapService, loadConfig } from '@ketenregie/shared-platform';
import { AppModule } from './app/app.module';
import { exchangeServiceConfigSchema } from './app/exchange-service.config';

async function main(): Promise<void> {
  const config = loadConfig(exchangeServiceConfigSchema, process.env, { service: 'exchange-service' });
  await bootstrapService(AppModule.register(config), {
    name: 'exchange-service',
    port: config.PORT,
    host: config.HOST,
    logLevel: config.LOG_LEVEL,
    openApi: { title: 'exchange-service', description: 'Warme overdrachten, verwijzingen, partner inboxes and CloudEvents webhooks' },
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`exchange-service failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
