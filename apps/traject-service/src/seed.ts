import 'reflect-metadata';
import { Logger as NestLogger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DatabaseModule, loadConfig, LoggingModule, TemporalClientModule } from '@ketenregie/shared-platform';
import { TrajectService } from '@ketenregie/traject-application';
import { BsnKluis, TRAJECT_ENTITIES, TRAJECT_MIGRATIONS, TRAJECT_SCHEMA, TypeOrmDeelnemerRepository, TypeOrmTrajectRepository } from '@ketenregie/traject-data-access';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { trajectServiceConfigSchema } from './app/traject-service.config';
import { TrajectModule } from './app/traject.module';
import { zaaiDemoTrajecten } from './seed/demo-trajecten';

/** Seed step of `npm start`: demo deelnemers with a running traject each; a no-op when they exist. */
async function main(): Promise<void> {
  const config = loadConfig(trajectServiceConfigSchema, process.env, { service: 'traject-service seed' });
  const temporal = { address: config.TEMPORAL_ADDRESS, namespace: config.TEMPORAL_NAMESPACE };

  @Module({
    imports: [
      LoggingModule.forRoot({ service: 'traject-service seed', level: config.LOG_LEVEL }),
      DatabaseModule.forRoot({ url: config.DATABASE_URL, schema: TRAJECT_SCHEMA, entities: TRAJECT_ENTITIES, migrations: TRAJECT_MIGRATIONS, applicationName: 'traject-seed' }),
      TemporalClientModule.forRoot(temporal),
      TrajectModule.register({ bsnSleutelId: config.TRAJECT_BSN_SLEUTEL_ID, bsnSleutel: config.TRAJECT_BSN_SLEUTEL, bsnIndexSleutel: config.TRAJECT_BSN_INDEX_SLEUTEL }),
    ],
  })
  class SeedModule {}

  const app = await NestFactory.createApplicationContext(SeedModule, { bufferLogs: true, abortOnError: false });
  app.useLogger(app.get(Logger));
  try {
    const ds = app.get(DataSource);
    const kluis = new BsnKluis(config.TRAJECT_BSN_SLEUTEL_ID, { [config.TRAJECT_BSN_SLEUTEL_ID]: Buffer.from(config.TRAJECT_BSN_SLEUTEL, 'base64') }, Buffer.from(config.TRAJECT_BSN_INDEX_SLEUTEL, 'base64'));
    const deelnemers = new TypeOrmDeelnemerRepository(ds, kluis);
    const trajecten = new TypeOrmTrajectRepository(ds);
    const result = await zaaiDemoTrajecten(app.get(TrajectService), {
      vindOpBsn: (bsn) => deelnemers.vindOpBsn(bsn),
      heeftTraject: async (id) => (await trajecten.vanDeelnemer(id)).length > 0,
    });
    new NestLogger('DemoTrajectenSeed').log(result, 'Demo trajecten registered');
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`traject-service seed failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
