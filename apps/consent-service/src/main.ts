import 'reflect-metadata';
import { runService } from '@ketenregie/shared-platform';
import { AppModule } from './app/app.module';
import { consentServiceConfigSchema } from './app/consent-service.config';

runService({
  name: 'consent-service',
  configSchema: consentServiceConfigSchema,
  module: (config) => AppModule.register(config),
  openApi: { title: 'consent-service', description: 'Consent registry, disclosure decisions, the processing log and inzage' },
});
