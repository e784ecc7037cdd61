import 'reflect-metadata';
import { bootstrapService, loadConfig } from '@ketenregie/shared-platform';
import { AppModule } from './app/app.module';
import { consentServiceConfigSchema } from './app/consent-service.config';

async function main(): Promise<void> {
  const config = loadConfig(consentServiceConfigSchema, process.env, { service: 'consent-service' });
  await bootstrapService(AppModule.register(config), {
    name: 'consent-service',
    port: config.PORT,
    host: config.HOST,
    logLevel: config.LOG_LEVEL,
    openApi: { title: 'consent-service', description: 'Consent registry, disclosure decisions, the processing log and inzage' },
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`consent-service failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
