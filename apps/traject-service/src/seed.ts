import 'reflect-metadata';
import { Logger as NestLogger, Module } from '@nestjs/common';
import { KluisModule, kluisDataConverter, Sleutelkluis, sleutelkluisVanConfig } from '@ketenregie/shared-crypto';
import { DatabaseModule, loadConfig, LoggingModule, runJob, TemporalClientModule, temporalVerbinding } from '@ketenregie/shared-platform';
import { TrajectService } from '@ketenregie/traject-application';
import { TRAJECT_SCHEMA, trajectMigraties, trajectWorkflowDeelnemer, SqlDeelnemerRepository, SqlTrajectRepository } from '@ketenregie/traject-data-access';
import { DataSource } from 'typeorm';
import { deelnemerKluis, trajectServiceConfigSchema } from './app/traject-service.config';
import { TrajectModule } from './app/traject.module';
import { zaaiDemoTrajecten } from './seed/demo-trajecten';

/** Seed step of `npm start`: demo deelnemers with a running traject each; a no-op when they exist. */
runJob('traject-service seed', () => {
  const config = loadConfig(trajectServiceConfigSchema, process.env, { service: 'traject-service seed' });
  const temporal = temporalVerbinding(config);
  const kluis = deelnemerKluis(config);
  const sleutels = sleutelkluisVanConfig(config, { applicationName: 'traject-seed-kluis' });

  @Module({
    imports: [
      LoggingModule.forRoot({ service: 'traject-service seed', level: config.LOG_LEVEL }),
      DatabaseModule.forRoot({
        url: config.DATABASE_URL,
        schema: TRAJECT_SCHEMA,
        migrations: trajectMigraties(kluis, sleutels),
        applicationName: 'traject-seed',
      }),
      KluisModule.forRoot(sleutels),
      TemporalClientModule.forRoot(temporal, {
        inject: [Sleutelkluis, DataSource],
        useFactory: (s: Sleutelkluis, ds: DataSource) => kluisDataConverter(s, trajectWorkflowDeelnemer(ds)),
      }),
      TrajectModule.register({ kluis, sleutels, toegang: { monitorServiceUrl: config.MONITOR_SERVICE_URL } }),
    ],
  })
  class SeedModule {}

  return {
    module: SeedModule,
    work: async (app) => {
      const ds = app.get(DataSource);
      const deelnemers = new SqlDeelnemerRepository(ds, kluis, sleutels);
      const trajecten = new SqlTrajectRepository(ds, sleutels);
      const result = await zaaiDemoTrajecten(app.get(TrajectService), {
        vindOpBsn: (bsn) => deelnemers.vindOpBsn(bsn),
        heeftTraject: async (id) => (await trajecten.vanDeelnemer(id)).length > 0,
      });
      new NestLogger('DemoTrajectenSeed').log(result, 'Demo trajecten registered');
    },
  };
});
