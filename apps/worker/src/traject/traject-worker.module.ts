import { Module } from '@nestjs/common';
import { BEWAARTERMIJN_KLOK, TAKEN_OPSLAG, TRAJECT_OPSLAG, TRAJECT_TRANSACTIES, TrajectActiviteitenService } from '@ketenregie/traject-application';
import { TRAJECT_MIGRATIONS, TRAJECT_SCHEMA, SqlTakenRepository, SqlTrajectRepository, SqlTrajectTransacties } from '@ketenregie/traject-data-access';
import { Sleutelkluis } from '@ketenregie/shared-crypto';
import { DataSource } from 'typeorm';
import { workerDataSourceProviders } from '../app/worker-data-source';
import { TemporalBewaartermijnKlok } from './temporal-bewaartermijn-klok';
import { TrajectActivitiesAdapter } from './traject.activities';

const TRAJECT_DATA_SOURCE = Symbol('TRAJECT_DATA_SOURCE');

/**
 * What the traject activities need inside the worker: the `traject` schema (migrated on start)
 * the use cases and the deelnemer's retention clock. The database URL comes from the worker's one validated configuration.
 */
@Module({
  providers: [
    ...workerDataSourceProviders(TRAJECT_DATA_SOURCE, { schema: TRAJECT_SCHEMA, migrations: TRAJECT_MIGRATIONS }),
    {
      provide: TRAJECT_OPSLAG,
      useFactory: (ds: DataSource, s: Sleutelkluis) => new SqlTrajectRepository(ds, s),
      inject: [TRAJECT_DATA_SOURCE, Sleutelkluis],
    },
    { provide: TAKEN_OPSLAG, useFactory: (ds: DataSource) => new SqlTakenRepository(ds), inject: [TRAJECT_DATA_SOURCE] },
    {
      provide: TRAJECT_TRANSACTIES,
      useFactory: (ds: DataSource, s: Sleutelkluis) => new SqlTrajectTransacties(ds, s),
      inject: [TRAJECT_DATA_SOURCE, Sleutelkluis],
    },
    // The end of a traject starts the deelnemer's retention period (consent context's workflow).
    { provide: BEWAARTERMIJN_KLOK, useClass: TemporalBewaartermijnKlok },
    TrajectActiviteitenService,
    TrajectActivitiesAdapter,
  ],
  exports: [TrajectActivitiesAdapter],
})
export class TrajectWorkerModule {}
