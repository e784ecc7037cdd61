import { DynamicModule, Logger, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import { assertSchemaName } from './schema';

/** Name of the migrations table inside each service's schema. */
export const MIGRATIONS_TABLE = 'migrations';

type Constructor = abstract new (...args: never[]) => unknown;

/** How a service reaches its own schema. */
export interface DatabaseOptions {
  /** `postgres://…` of PostgreSQL: the embedded cluster of `npm start`, or your own (`DATABASE_URL`). */
  readonly url: string;
  /** The service's own schema; entities and the migrations table live in it. */
  readonly schema: string;
  /** Entity classes: none in the house style (repositories write SQL); kept for TypeORM. */
  readonly entities?: MixedList<Constructor | string | EntitySchema>;
  readonly migrations: MixedList<Constructor | string>;
  /** Pool size per process (default 5). */
  readonly poolSize?: number;
  /** Shown in `pg_stat_activity` (default `ketenregie`). */
  readonly applicationName?: string;
  /** `statement_timeout` of every session in milliseconds (`DATABASE_STATEMENT_TIMEOUT_MS`, default 30 000). */
  readonly statementTimeoutMs?: number;
}

/** The default `statement_timeout` of a session, as `DATABASE_STATEMENT_TIMEOUT_MS` defaults. */
export const DEFAULT_STATEMENT_TIMEOUT_MS = 30_000;

/** The TypeORM options the platform uses: schema-qualified, migrations only, never `synchronize`. */
export function dataSourceOptions(options: DatabaseOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: options.url,
    schema: assertSchemaName(options.schema),
    entities: (options.entities ?? []) as DataSourceOptions['entities'],
    migrations: options.migrations as DataSourceOptions['migrations'],
    migrationsTableName: MIGRATIONS_TABLE,
    migrationsTransactionMode: 'each',
    migrationsRun: false,
    synchronize: false,
    dropSchema: false,
    // Migrations own the schema, extensions included; generated uuids use the built-in gen_random_uuid().
    installExtensions: false,
    uuidExtension: 'pgcrypto',
    logging: false,
    extra: {
      max: options.poolSize ?? 5,
      application_name: options.applicationName ?? 'ketenregie',
      connectionTimeoutMillis: 10_000,
      statement_timeout: options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS,
    },
  };
}

/**
 * Creates the schema when missing and applies pending migrations, holding a PostgreSQL advisory
 * lock per schema so two instances of a service never migrate at the same time.
 * @returns the names of the migrations applied now.
 */
export async function migrate(dataSource: DataSource): Promise<string[]> {
  const schema = assertSchemaName(String((dataSource.options as { schema?: string }).schema));
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    // Waiting for another instance's migrations may take longer than one statement may.
    await runner.query('SET statement_timeout = 0');
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [`ketenregie:migrations:${schema}`]);
    try {
      await runner.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((m) => m.name);
    } finally {
      await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [`ketenregie:migrations:${schema}`]);
      await runner.query('RESET statement_timeout');
    }
  } finally {
    await runner.release();
  }
}

/** Opens a data source for `options` and migrates it; for code outside Nest (worker, scripts, tests). */
export async function openDatabase(options: DatabaseOptions): Promise<DataSource> {
  const dataSource = new DataSource(dataSourceOptions(options));
  await dataSource.initialize();
  try {
    await migrate(dataSource);
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  return dataSource;
}

/**
 * TypeORM over `pg` for a Nest service: one data source in the service's schema, migrated at
 * start-up (never `synchronize`). Repositories come from `TypeOrmModule.forFeature([...])` or
 * by injecting `DataSource`.
 */
@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseOptions): DynamicModule {
    const logger = new Logger('DatabaseModule');
    return {
      module: DatabaseModule,
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSourceOptions(options),
          dataSourceFactory: async (opts) => {
            const dataSource = new DataSource(opts as DataSourceOptions);
            await dataSource.initialize();
            try {
              const applied = await migrate(dataSource);
              if (applied.length > 0) logger.log({ schema: options.schema, applied }, 'Applied database migrations');
            } catch (error) {
              await dataSource.destroy();
              throw error;
            }
            return dataSource;
          },
        }),
      ],
      exports: [TypeOrmModule],
    };
  }
}
