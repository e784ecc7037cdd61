import { type Provider } from '@nestjs/common';
import { type DatabaseOptions, openDatabase } from '@ketenregie/shared-platform';
import { Sleutelkluis } from '@ketenregie/shared-crypto';
import type { DataSource } from 'typeorm';
import { WORKER_CONFIG, type WorkerConfig } from './worker.config';

/**
 * A context's schema as the worker opens it; `migrations` may need the worker's key store (personal fields encrypted per
 * deelnemer). Its connections are named `worker-<schema>` unless `applicationName` says otherwise.
 */
export interface WorkerDatabase extends Pick<DatabaseOptions, 'schema' | 'applicationName'> {
  readonly migrations: DatabaseOptions['migrations'] | ((sleutels: Sleutelkluis) => DatabaseOptions['migrations']);
}

/**
 * The providers of a context's own data source in the worker, under `token` (a named token, so contexts never share
 * one): opened on the validated configuration's `DATABASE_URL` and migrated on start (advisory-locked against the
 * context's service doing the same), and closed when the worker shuts down (after the workers have stopped).
 */
export function workerDataSourceProviders(token: symbol, database: WorkerDatabase): Provider[] {
  return [
    {
      provide: token,
      useFactory: (config: WorkerConfig, sleutels?: Sleutelkluis) =>
        openDatabase({
          url: config.DATABASE_URL,
          statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
          schema: database.schema,
          migrations: typeof database.migrations === 'function' ? database.migrations(sleutels as Sleutelkluis) : database.migrations,
          applicationName: database.applicationName ?? `worker-${database.schema}`,
        }),
      // Only migrations that encrypt need the key store (a test module of a context without one may leave it out).
      inject: [WORKER_CONFIG, { token: Sleutelkluis, optional: true }],
    },
    {
      provide: Symbol(`${token.description ?? 'DATA_SOURCE'}_AFSLUITER`),
      useFactory: (ds: DataSource) => ({
        async onApplicationShutdown(): Promise<void> {
          if (ds.isInitialized) await ds.destroy();
        },
      }),
      inject: [token],
    },
  ];
}
