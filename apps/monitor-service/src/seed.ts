import 'reflect-metadata';
import { Logger as NestLogger } from '@nestjs/common';
import { OrganisatieRegisterService } from '@ketenregie/monitoring-application';
import { databaseConfigSchema, httpConfigSchema, loadConfig, runJob } from '@ketenregie/shared-platform';
import { DEMO_ORGANISATIES, DEMO_STUURGROEPEN } from './seed/demo-region';
import { SeedModule } from './seed/seed.module';

/** Seed step of `npm start`: registers the demo region; a no-op when it is already there. */
runJob('monitor-service seed', () => {
  const config = loadConfig(databaseConfigSchema.extend(httpConfigSchema.pick({ LOG_LEVEL: true }).shape), process.env, { service: 'monitor-service seed' });
  return {
    module: SeedModule.register(config),
    work: async (app) => {
      const result = await app.get(OrganisatieRegisterService).registerMissing(DEMO_ORGANISATIES, DEMO_STUURGROEPEN);
      new NestLogger('DemoRegionSeed').log(result, 'Demo region registered');
    },
  };
});
