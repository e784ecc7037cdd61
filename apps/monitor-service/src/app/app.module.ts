import { DynamicModule, Module } from '@nestjs/common';
import { KluisModule, kluisDataConverter, Sleutelkluis, sleutelkluisVanConfig } from '@ketenregie/shared-crypto';
import { MONITORING_MIGRATIONS, MONITORING_SCHEMA, registerMonitoringMetrics } from '@ketenregie/monitoring-data-access';
import { serviceBasisModules, TemporalClientModule, temporalVerbinding } from '@ketenregie/shared-platform';
import type { ConvenantMonitor, FeedBron, PilotWorkflows } from '@ketenregie/monitoring-application';
import type { MonitorServiceConfig } from './monitor-service.config';
import { ConvenantenController } from './convenanten.controller';
import { IndicatorenController } from './indicatoren.controller';
import { OrganisatiesController } from './organisaties.controller';
import { PilotsController, StuurgroepMeldingenController } from './pilots.controller';
import { ProjectieModule } from './projectie.module';
import { RegistryModule } from './registry.module';
import { StuurgroepenController } from './stuurgroepen.controller';

/** monitor-service: the organisation registry and stuurgroepen convenanten. */
@Module({})
export class AppModule {
  static register(
    config: MonitorServiceConfig,
    overrides: { feedBronnen?: readonly FeedBron[]; pilotWorkflows?: PilotWorkflows; convenantMonitor?: ConvenantMonitor } = {},
  ): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ...serviceBasisModules(config, {
          schema: MONITORING_SCHEMA,
          migrations: MONITORING_MIGRATIONS,
          applicationName: 'monitor-service',
          metrics: registerMonitoringMetrics,
        }),
        RegistryModule,
        ...(overrides.pilotWorkflows && overrides.convenantMonitor
          ? []
          : [
              // Workflow payloads are encrypted (docs/privacy.md); the stuurgroep's workflows hold no deelnemer, so the system key.
              KluisModule.forRoot(sleutelkluisVanConfig(config, { applicationName: 'monitor-service-kluis' })),
              TemporalClientModule.forRoot(temporalVerbinding(config), {
                inject: [Sleutelkluis],
                useFactory: (s: Sleutelkluis) => kluisDataConverter(s, async () => undefined),
              }),
            ]),
        ProjectieModule.register(config, {
          bronnen: overrides.feedBronnen,
          pilotWorkflows: overrides.pilotWorkflows,
          convenantMonitor: overrides.convenantMonitor,
        }),
      ],
      controllers: [
        OrganisatiesController,
        StuurgroepenController,
        ConvenantenController,
        IndicatorenController,
        PilotsController,
        StuurgroepMeldingenController,
      ],
    };
  }
}
