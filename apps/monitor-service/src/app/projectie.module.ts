import { DynamicModule, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  AfsprakenService,
  CONVENANT_MONITOR,
  ConvenantService,
  FEED_BRONNEN,
  IndicatorService,
  IndicatorBerekening,
  INZET_REPOSITORY,
  InzetService,
  PROJECTIE_INSTELLINGEN,
  PROJECTIE_REPOSITORY,
  PILOT_REPOSITORY,
  PILOT_WORKFLOWS,
  PilotService,
  ProjectieService,
  type ConvenantMonitor,
  type FeedBron,
  type PilotWorkflows,
} from '@ketenregie/monitoring-application';
import { SqlInzetRepository, SqlPilotRepository, SqlProjectieRepository } from '@ketenregie/monitoring-data-access';
import { Client } from '@temporalio/client';
import { TemporalConvenantMonitor, TemporalPilotWorkflows } from './temporal-pilot-workflows';
import { dienstIdentiteit } from '@ketenregie/shared-platform';
import type { MonitorServiceConfig } from './monitor-service.config';
import { RegistryModule } from './registry.module';
import { EXCHANGE_FEED, HttpFeed, PLAATSING_FEED, TOESTEMMING_FEED, TRAJECT_FEED } from './feed.client';

/** Convenanten, the indicator projection fed by the contexts' feeds, the indicators read from it, and the pilots (with their workflows). */
@Module({})
export class ProjectieModule {
  static register(
    config: MonitorServiceConfig,
    overrides: { bronnen?: readonly FeedBron[]; pilotWorkflows?: PilotWorkflows; convenantMonitor?: ConvenantMonitor } = {},
  ): DynamicModule {
    const { bronnen, pilotWorkflows, convenantMonitor } = overrides;
    return {
      module: ProjectieModule,
      imports: [RegistryModule],
      providers: [
        { provide: PROJECTIE_REPOSITORY, useFactory: (ds: DataSource) => new SqlProjectieRepository(ds), inject: [DataSource] },
        {
          provide: FEED_BRONNEN,
          useFactory: (): readonly FeedBron[] => {
            if (bronnen) return bronnen;
            const identiteit = dienstIdentiteit(config, 'ketenregie-monitor-service');
            return [
              new HttpFeed(TRAJECT_FEED, config.TRAJECT_SERVICE_URL, identiteit),
              new HttpFeed(TOESTEMMING_FEED, config.CONSENT_SERVICE_URL, identiteit),
              new HttpFeed(EXCHANGE_FEED, config.EXCHANGE_SERVICE_URL, identiteit),
              new HttpFeed(PLAATSING_FEED, config.PLAATSING_SERVICE_URL, identiteit),
            ];
          },
        },
        {
          provide: PROJECTIE_INSTELLINGEN,
          useValue: { actief: config.MONITOR_FEED_ACTIEF, intervalMs: config.MONITOR_FEED_INTERVAL_MS, paginaGrootte: config.MONITOR_FEED_PAGINA },
        },
        { provide: PILOT_REPOSITORY, useFactory: (ds: DataSource) => new SqlPilotRepository(ds), inject: [DataSource] },
        { provide: INZET_REPOSITORY, useFactory: (ds: DataSource) => new SqlInzetRepository(ds), inject: [DataSource] },
        pilotWorkflows
          ? { provide: PILOT_WORKFLOWS, useValue: pilotWorkflows }
          : { provide: PILOT_WORKFLOWS, useFactory: (client: Client) => new TemporalPilotWorkflows(client), inject: [Client] },
        convenantMonitor
          ? { provide: CONVENANT_MONITOR, useValue: convenantMonitor }
          : { provide: CONVENANT_MONITOR, useFactory: (client: Client) => new TemporalConvenantMonitor(client), inject: [Client] },
        ConvenantService,
        ProjectieService,
        IndicatorBerekening,
        IndicatorService,
        AfsprakenService,
        InzetService,
        PilotService,
      ],
      exports: [ProjectieService, IndicatorBerekening, IndicatorService, AfsprakenService, InzetService, PilotService, ConvenantService],
    };
  }
}
