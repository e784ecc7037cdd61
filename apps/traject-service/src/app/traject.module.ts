import { DynamicModule, Module } from '@nestjs/common';
import { DEELNEMER_OPSLAG, TAKEN_OPSLAG, TRAJECT_OPSLAG, TRAJECT_WORKFLOWS, TrajectService } from '@ketenregie/traject-application';
import type { TrajectWorkflows } from '@ketenregie/traject-application';
import { DeelnemerKluis, TypeOrmDeelnemerRepository, TypeOrmTakenRepository, TypeOrmTrajectRepository } from '@ketenregie/traject-data-access';
import { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { TemporalTrajectWorkflows } from './temporal-traject-workflows';
import { CaseloadOverdrachtenController, DeelnemersController, ProgrammasController, TakenController, TrajectenController } from './traject.controllers';

/** What the traject module needs from the configuration. */
export interface TrajectModuleOptions {
  /** Encrypts every personal field of a deelnemer (see `deelnemerKluis`). */
  readonly kluis: DeelnemerKluis;
  /** Tests replace the Temporal-backed port. */
  readonly workflows?: TrajectWorkflows;
}

/** The traject context's use cases wired to TypeORM and Temporal (needs `DatabaseModule` and, without `workflows`, `TemporalClientModule`). */
@Module({})
export class TrajectModule {
  static register(options: TrajectModuleOptions): DynamicModule {
    return {
      module: TrajectModule,
      providers: [
        { provide: DEELNEMER_OPSLAG, useFactory: (ds: DataSource) => new TypeOrmDeelnemerRepository(ds, options.kluis), inject: [DataSource] },
        { provide: TRAJECT_OPSLAG, useFactory: (ds: DataSource) => new TypeOrmTrajectRepository(ds), inject: [DataSource] },
        { provide: TAKEN_OPSLAG, useFactory: (ds: DataSource) => new TypeOrmTakenRepository(ds), inject: [DataSource] },
        options.workflows
          ? { provide: TRAJECT_WORKFLOWS, useValue: options.workflows }
          : { provide: TRAJECT_WORKFLOWS, useFactory: (client: Client) => new TemporalTrajectWorkflows(client), inject: [Client] },
        TrajectService,
      ],
      controllers: [ProgrammasController, DeelnemersController, TrajectenController, TakenController, CaseloadOverdrachtenController],
    };
  }
}
