import { DynamicModule, Module } from '@nestjs/common';
import { BESLUITEN_PATH, VERWERKINGEN_PATH } from '@ketenregie/consent-contracts';
import {
  PLAATSING_BESLUITEN,
  PLAATSING_FEED,
  PlaatsingFeedService,
  PLAATSING_REPOSITORY,
  PLAATSING_VERWERKINGSLOG,
  PLAATSING_WORKFLOWS,
  PlaatsingService,
  TRAJECT_POORT,
  VACATURE_REPOSITORY,
  WERKGEVER_REPOSITORY,
  WERKGEVERSSERVICEPUNT,
} from '@ketenregie/plaatsing-application';
import type { BesluitPoort, PlaatsingWorkflowPoort, TrajectPoort } from '@ketenregie/plaatsing-application';
import {
  PLAATSING_SCHEMA,
  plaatsingMigraties,
  SqlPlaatsingRepository,
  SqlVacatureRepository,
  SqlWerkgeverRepository,
  registerPlaatsingMetrics,
} from '@ketenregie/plaatsing-data-access';
import { BETROKKENHEID_POORT, dienstIdentiteit, HttpBesluiten, HttpBetrokkenheid, HttpVerwerkingslog, ToegangModule } from '@ketenregie/shared-platform';
import type { BetrokkenheidPoort, OrganisatieRegister, VerwerkingslogPoort } from '@ketenregie/shared-platform';
import { kluisDienstModules, Sleutelkluis } from '@ketenregie/shared-crypto';
import { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { besluitOnbereikbaar, HttpTraject } from './http-clients';
import { PlaatsingenController, VacaturesController, WerkgeversController, WerkgeversoverzichtController } from './plaatsing.controllers';
import { PlaatsingFeedController } from './plaatsing-feed.controller';
import type { PlaatsingServiceConfig } from './plaatsing-service.config';
import { TemporalPlaatsingen } from './temporal-plaatsingen';

/** What tests replace: the other contexts and the workflow engine. */
export interface PlaatsingOverrides {
  readonly workflows?: PlaatsingWorkflowPoort;
  readonly betrokkenheid?: BetrokkenheidPoort;
  readonly trajecten?: TrajectPoort;
  readonly besluiten?: BesluitPoort;
  readonly verwerkingslog?: VerwerkingslogPoort;
  readonly register?: OrganisatieRegister;
}

/** plaatsing-service: the werkgever lane (employers, vacancies, proposals, placements, the employer's overview). */
@Module({})
export class AppModule {
  static register(config: PlaatsingServiceConfig, o: PlaatsingOverrides = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ...kluisDienstModules(config, {
          schema: PLAATSING_SCHEMA,
          migrations: plaatsingMigraties,
          applicationName: 'plaatsing-service',
          metrics: registerPlaatsingMetrics,
          // A placement's workflow payloads go under its deelnemer's key, found from the placement's row (docs/privacy.md).
          tabellen: { plaatsing: PLAATSING_SCHEMA },
          temporal: !o.workflows,
        }),
        ToegangModule.forRoot(o.register ? { register: o.register } : { monitorServiceUrl: config.MONITOR_SERVICE_URL }),
      ],
      providers: [
        {
          provide: WERKGEVER_REPOSITORY,
          useFactory: (ds: DataSource, s: Sleutelkluis) => new SqlWerkgeverRepository(ds, s),
          inject: [DataSource, Sleutelkluis],
        },
        { provide: VACATURE_REPOSITORY, useFactory: (ds: DataSource) => new SqlVacatureRepository(ds), inject: [DataSource] },
        {
          provide: PLAATSING_REPOSITORY,
          useFactory: (ds: DataSource, s: Sleutelkluis) => new SqlPlaatsingRepository(ds, s),
          inject: [DataSource, Sleutelkluis],
        },
        { provide: PLAATSING_FEED, useExisting: PLAATSING_REPOSITORY },
        o.workflows
          ? { provide: PLAATSING_WORKFLOWS, useValue: o.workflows }
          : { provide: PLAATSING_WORKFLOWS, useFactory: (client: Client) => new TemporalPlaatsingen(client), inject: [Client] },
        { provide: BETROKKENHEID_POORT, useValue: o.betrokkenheid ?? new HttpBetrokkenheid(config.TRAJECT_SERVICE_URL) },
        { provide: TRAJECT_POORT, useValue: o.trajecten ?? new HttpTraject(config.TRAJECT_SERVICE_URL) },
        { provide: PLAATSING_BESLUITEN, useValue: o.besluiten ?? new HttpBesluiten(`${config.CONSENT_SERVICE_URL}${BESLUITEN_PATH}`, besluitOnbereikbaar) },
        {
          provide: PLAATSING_VERWERKINGSLOG,
          useValue:
            o.verwerkingslog ??
            new HttpVerwerkingslog(`${config.CONSENT_SERVICE_URL}${VERWERKINGEN_PATH}`, dienstIdentiteit(config, 'ketenregie-plaatsing-service')),
        },
        {
          provide: WERKGEVERSSERVICEPUNT,
          useValue: { naam: config.WERKGEVERSSERVICEPUNT_NAAM, telefoon: config.WERKGEVERSSERVICEPUNT_TELEFOON, email: config.WERKGEVERSSERVICEPUNT_EMAIL },
        },
        PlaatsingService,
        PlaatsingFeedService,
      ],
      controllers: [WerkgeversController, VacaturesController, PlaatsingenController, WerkgeversoverzichtController, PlaatsingFeedController],
    };
  }
}
