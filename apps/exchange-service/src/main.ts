import 'reflect-metadata';
import { runService } from '@ketenregie/shared-platform';
import { AppModule } from './app/app.module';
import { exchangeServiceConfigSchema } from './app/exchange-service.config';

runService({
  name: 'exchange-service',
  configSchema: exchangeServiceConfigSchema,
  module: (config) => AppModule.register(config),
  openApi: { title: 'exchange-service', description: 'Warme overdrachten, verwijzingen, partner inboxes and CloudEvents webhooks' },
});
