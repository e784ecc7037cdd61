import 'reflect-metadata';
import { Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { OrganisatieRegisterService } from '@ketenregie/monitoring-application';
import { databaseConfigSchema, httpConfigSchema, loadConfig } from '@ketenregie/shared-platform';
import { Logger } from 'nestjs-pino';
import { DEMO_ORGANISATIES, DEMO_STUURGROEPEN } from './seed/demo-region';
import { SeedModule } from './seed/seed.module';

/** Seed step of `npm start`: registers the demo region; a no-op when it is already there. */
async function main(): Promise<void> {
  const config = loadConfig(databaseConfigSchema.extend(httpConfigSchema.pick({ LOG_LEVEL: true }).shape), process.env, { service: 'monitor-service seed' });
  const app = await NestFactory.createApplicationContext(SeedModule.register(config), { bufferLogs: true, abortOnError: false });
  app.useLogger(app.get(Logger));
  try {
    const result = await app.get(OrganisatieRegisterService).registerMissing(DEMO_ORGANISATIES, DEMO_STUURGROEPEN);
    new NestLogger('DemoRegionSeed').log(result, 'Demo region registered');
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`monitor-service seed failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
