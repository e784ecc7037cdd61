import { DynamicModule, Module } from '@nestjs/common';
import { VERWERKINGEN_PATH } from '@ketenregie/consent-contracts';
import { KluisModule, Sleutelkluis, kluisDataConverter, sleutelkluisVanConfig } from '@ketenregie/shared-crypto';
import { dienstIdentiteit, HttpVerwerkingslog, serviceBasisModules, TemporalClientModule, temporalVerbinding } from '@ketenregie/shared-platform';
import type { OrganisatieRegister, VerwerkingslogPoort } from '@ketenregie/shared-platform';
import type { PlaatsingTakenPoort, TrajectWorkflows } from '@ketenregie/traject-application';
import { TRAJECT_SCHEMA, trajectMigraties, trajectWorkflowDeelnemer, registerTrajectMetrics } from '@ketenregie/traject-data-access';
import { DataSource } from 'typeorm';
import { HttpPlaatsingTaken } from './http-plaatsing-taken';
import { deelnemerKluis } from './traject-service.config';
import type { TrajectServiceConfig } from './traject-service.config';
import { TrajectModule } from './traject.module';

/** traject-service: deelnemers, programmas, trajecten and the task list. */
@Module({})
export class AppModule {
  /**
   * @param overrides tests pass a workflow port over their own Temporal test environment, a
   * schema of their own and possibly a processing log; the service itself runs in
   * {@link TRAJECT_SCHEMA} with the Temporal client and consent-service's processing log.
   */
  static register(
    config: TrajectServiceConfig,
    overrides: {
      readonly workflows?: TrajectWorkflows;
      readonly schema?: string;
      readonly verwerkingslog?: VerwerkingslogPoort;
      readonly register?: OrganisatieRegister;
      /** The per-deelnemer key store (tests: one of their own); by default the one of the configuration. */
      readonly sleutels?: Sleutelkluis;
      /** The werkgever lane's tasks (tests: a double); by default plaatsing-service's API. */
      readonly plaatsingTaken?: PlaatsingTakenPoort;
    } = {},
  ): DynamicModule {
    const temporal = temporalVerbinding(config);
    const kluis = deelnemerKluis(config);
    const sleutels = overrides.sleutels ?? sleutelkluisVanConfig(config, { applicationName: 'traject-service-kluis' });
    return {
      module: AppModule,
      imports: [
        ...serviceBasisModules(config, {
          schema: overrides.schema ?? TRAJECT_SCHEMA,
          migrations: trajectMigraties(kluis, sleutels),
          applicationName: 'traject-service',
          poolSize: 10,
          metrics: registerTrajectMetrics,
          temporal: overrides.workflows ? false : temporal,
        }),
        KluisModule.forRoot(sleutels),
        ...(overrides.workflows
          ? []
          : [
              TemporalClientModule.forRoot(temporal, {
                inject: [Sleutelkluis, DataSource],
                useFactory: (s: Sleutelkluis, ds: DataSource) => kluisDataConverter(s, trajectWorkflowDeelnemer(ds)),
              }),
            ]),
        TrajectModule.register({
          kluis,
          sleutels,
          workflows: overrides.workflows,
          verwerkingslog:
            overrides.verwerkingslog ??
            new HttpVerwerkingslog(`${config.CONSENT_SERVICE_URL}${VERWERKINGEN_PATH}`, dienstIdentiteit(config, 'ketenregie-traject-service')),
          toegang: overrides.register ? { register: overrides.register } : { monitorServiceUrl: config.MONITOR_SERVICE_URL },
          plaatsingTaken: overrides.plaatsingTaken ?? new HttpPlaatsingTaken(config.PLAATSING_SERVICE_URL),
        }),
      ],
    };
  }
}
