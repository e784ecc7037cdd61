import 'reflect-metadata';
import { runService } from '@ketenregie/shared-platform';
import { AppModule } from './app/app.module';
import { trajectServiceConfigSchema } from './app/traject-service.config';

runService({
  name: 'traject-service',
  configSchema: trajectServiceConfigSchema,
  module: (config) => AppModule.register(config),
  openApi: { title: 'traject-service', description: 'Deelnemers, programmas, trajecten (durable workflows) and the task list' },
});
