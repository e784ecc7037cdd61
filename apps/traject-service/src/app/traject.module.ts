import { DynamicModule, Module } from '@nestjs/common';
import { ToegangModule } from '@ketenregie/shared-platform';
import type { ToegangOptions, VerwerkingslogPoort } from '@ketenregie/shared-platform';
import {
  DEELNEMER_OPSLAG,
  PLAATSING_TAKEN,
  PROGRAMMA_OPSLAG,
  ProgrammaService,
  TAKEN_OPSLAG,
  TRAJECT_FEED,
  TRAJECT_OPSLAG,
  TRAJECT_VERWERKINGSLOG,
  TRAJECT_WORKFLOWS,
  TrajectFeedService,
  TrajectService,
  DEELNEMER_WISSING,
  WissingService,
} from '@ketenregie/traject-application';
import type { DeelnemerWissing, PlaatsingTakenPoort, TrajectWorkflows } from '@ketenregie/traject-application';
import { DeelnemerKluis, SqlDeelnemerRepository, SqlProgrammaRepository, SqlTakenRepository, SqlTrajectRepository } from '@ketenregie/traject-data-access';
import type { Gegevenskluis } from '@ketenregie/shared-crypto';
import { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { TemporalTrajectWorkflows } from './temporal-traject-workflows';
import {
  CaseloadOverdrachtenController,
  DeelnemersController,
  ProgrammasController,
  SignalenController,
  TakenController,
  TrajectenController,
} from './traject.controllers';
import { TrajectFeedController } from './traject-feed.controller';
import { WissingController } from './wissing.controller';
import { CodecController } from './codec.controller';

/** What the traject module needs from the configuration. */
export interface TrajectModuleOptions {
  /** The blind-index key, and the single key of deelnemer rows from before per-deelnemer keys (see `deelnemerKluis`). */
  readonly kluis: DeelnemerKluis;
  /** The per-deelnemer key store every personal field, overview and timeline event is encrypted with. */
  readonly sleutels: Gegevenskluis & DeelnemerWissing;
  /** Tests replace the Temporal-backed port. */
  readonly workflows?: TrajectWorkflows;
  /** consent-service's processing log (reads by organisations other than the lead); without it such reads are refused. */
  readonly verwerkingslog?: VerwerkingslogPoort;
  /** Where the access policy finds organisation types (the registry). */
  readonly toegang: ToegangOptions;
  /** The werkgever lane's tasks for the task list; without it the list holds traject tasks only. */
  readonly plaatsingTaken?: PlaatsingTakenPoort;
}

/** No processing log configured (e.g. the seed, which only starts trajecten): a read that needs a log line is refused. */
const GEEN_VERWERKINGSLOG: VerwerkingslogPoort = {
  meld: () => Promise.reject(new Error('No processing log is configured')),
};

/** The traject context's use cases wired to TypeORM and Temporal (needs `DatabaseModule` and, without `workflows`, `TemporalClientModule`). */
@Module({})
export class TrajectModule {
  static register(options: TrajectModuleOptions): DynamicModule {
    return {
      module: TrajectModule,
      imports: [ToegangModule.forRoot(options.toegang)],
      providers: [
        {
          provide: DEELNEMER_OPSLAG,
          useFactory: (ds: DataSource) => new SqlDeelnemerRepository(ds, options.kluis, options.sleutels),
          inject: [DataSource],
        },
        { provide: TRAJECT_OPSLAG, useFactory: (ds: DataSource) => new SqlTrajectRepository(ds, options.sleutels), inject: [DataSource] },
        { provide: TAKEN_OPSLAG, useFactory: (ds: DataSource) => new SqlTakenRepository(ds), inject: [DataSource] },
        { provide: TRAJECT_FEED, useFactory: (ds: DataSource) => new SqlTrajectRepository(ds), inject: [DataSource] },
        TrajectFeedService,
        options.workflows
          ? { provide: TRAJECT_WORKFLOWS, useValue: options.workflows }
          : {
              provide: TRAJECT_WORKFLOWS,
              useFactory: (client: Client, ds: DataSource) => {
                const programmas = new SqlProgrammaRepository(ds);
                return new TemporalTrajectWorkflows(client, async (code, versie) => (await programmas.versie(code, versie))?.definitie);
              },
              inject: [Client, DataSource],
            },
        { provide: PROGRAMMA_OPSLAG, useFactory: (ds: DataSource) => new SqlProgrammaRepository(ds), inject: [DataSource] },
        { provide: TRAJECT_VERWERKINGSLOG, useValue: options.verwerkingslog ?? GEEN_VERWERKINGSLOG },
        ...(options.plaatsingTaken ? [{ provide: PLAATSING_TAKEN, useValue: options.plaatsingTaken }] : []),
        { provide: DEELNEMER_WISSING, useValue: options.sleutels },
        TrajectService,
        ProgrammaService,
        WissingService,
      ],
      controllers: [
        ProgrammasController,
        DeelnemersController,
        TrajectenController,
        TakenController,
        SignalenController,
        CaseloadOverdrachtenController,
        TrajectFeedController,
        WissingController,
        CodecController,
      ],
    };
  }
}
