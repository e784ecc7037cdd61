import { DynamicModule, Module } from '@nestjs/common';
import {
  TemporalWorkerHost,
  WORKER_HOST_OPTIONS,
  WORKER_REGISTRATIONS,
  WORKER_RUNTIME,
  WorkerHostOptions,
  WorkerRuntime,
  temporalWorkerRuntime,
} from './worker-host.service';
import type { WorkerRegistration } from './worker-registration';

/** Hosts the given worker registrations; imports each registration's module for its activities. */
@Module({})
export class WorkerHostModule {
  static register(options: WorkerHostOptions, registrations: readonly WorkerRegistration[], runtime: WorkerRuntime = temporalWorkerRuntime): DynamicModule {
    const imports = registrations.flatMap((r) => (r.module ? [r.module] : []));
    return {
      module: WorkerHostModule,
      imports,
      providers: [
        { provide: WORKER_HOST_OPTIONS, useValue: options },
        { provide: WORKER_REGISTRATIONS, useValue: registrations },
        { provide: WORKER_RUNTIME, useValue: runtime },
        TemporalWorkerHost,
      ],
      exports: [TemporalWorkerHost],
    };
  }
}
