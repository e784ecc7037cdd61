import 'reflect-metadata';
import { runService } from '@ketenregie/shared-platform';
import { AppModule } from './app/app.module';
import { plaatsingServiceConfigSchema } from './app/plaatsing-service.config';

runService({
  name: 'plaatsing-service',
  configSchema: plaatsingServiceConfigSchema,
  module: (config) => AppModule.register(config),
  openApi: { title: 'plaatsing-service', description: 'Werkgever lane: werkgevers, vacatures, voordrachten, plaatsingen and the werkgeversoverzicht' },
});
