import type { Gegevenskluis } from '@ketenregie/shared-crypto';
import type { DataSource } from 'typeorm';
import { SqlTakenRepository } from './taak.repository';
import { SqlTrajectRepository } from './traject.repository';

/** One transaction with the traject and task repositories bound to it (`TrajectTransacties`). */
export class SqlTrajectTransacties {
  constructor(
    private readonly ds: DataSource,
    private readonly sleutels?: Gegevenskluis,
  ) {}

  binnen<T>(werk: (opslag: { readonly trajecten: SqlTrajectRepository; readonly taken: SqlTakenRepository }) => Promise<T>): Promise<T> {
    return this.ds.transaction((m) => werk({ trajecten: new SqlTrajectRepository(m, this.sleutels), taken: new SqlTakenRepository(m) }));
  }
}
