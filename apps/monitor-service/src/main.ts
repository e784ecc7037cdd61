import 'reflect-metadata';
import { runService } from '@ketenregie/shared-platform';
import { AppModule } from './app/app.module';
import { monitorServiceConfigSchema } from './app/monitor-service.config';

runService({
  name: 'monitor-service',
  configSchema: monitorServiceConfigSchema,
  module: (config) => AppModule.register(config),
  openApi: { title: 'monitor-service', description: 'Organisation registry and stuurgroepen of the partnership' },
});
