import type { Gegevenskluis } from '@ketenregie/shared-crypto';
import type { DataSource } from 'typeorm';
import { TypeOrmTakenRepository } from './taak.repository';
import { TypeOrmTrajectRepository } from './traject.repository';

/** One transaction with the traject and task repositories bound to it (`TrajectTransacties`). */
export class TypeOrmTrajectTransacties {
  constructor(
    private readonly ds: DataSource,
    private readonly sleutels?: Gegevenskluis,
  ) {}

  binnen<T>(werk: (opslag: { readonly trajecten: TypeOrmTrajectRepository; readonly taken: TypeOrmTakenRepository }) => Promise<T>): Promise<T> {
    return this.ds.transaction((m) => werk({ trajecten: new TypeOrmTrajectRepository(m, this.sleutels), taken: new TypeOrmTakenRepository(m) }));
  }
}
