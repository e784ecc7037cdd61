import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { testCluster } from '@ketenregie/shared-embedded-postgres';

/** The database server integration tests run against: PostgreSQL, always. */
export type DatabaseBackend = 'postgres';

/** A fresh, private database for one test run. */
export interface TestDatabase {
  readonly backend: DatabaseBackend;
  /** Connection URL of a database of its own. */
  readonly url: string;
  /** A unique schema name, not yet created, for `DatabaseModule`/`openDatabase`. */
  readonly schema: string;
}

/** A {@link TestDatabase} that must be disposed of. */
export interface DisposableTestDatabase extends TestDatabase {
  /** Drops the database. */
  dispose(): Promise<void>;
}

/**
 * The server of `DATABASE_URL` in the test environment. Test tooling reads it directly: this
 * lib must not depend on `shared-platform`, whose own database tests use it.
 */
function serverUrlOf(env: Record<string, string | undefined>): string | undefined {
  const url = env['DATABASE_URL'];
  if (!url) return undefined;
  if (!/^postgres(ql)?:\/\/.+/.test(url)) throw new Error('DATABASE_URL must be a postgres:// URL');
  return url;
}

/**
 * The PostgreSQL server test databases are made on: the one `DATABASE_URL` names (CI sets
 * `postgres://postgres@127.0.0.1:5432/test`), else the embedded cluster of this test process.
 */
export async function testServerUrl(env: Record<string, string | undefined> = process.env): Promise<string> {
  return serverUrlOf(env) ?? (await testCluster()).url;
}

/**
 * Backends to test against: PostgreSQL only (the server of {@link testServerUrl}). Kept as a
 * list so suites declared per backend need no change.
 */
export function testDatabaseBackends(env: Record<string, string | undefined> = process.env): DatabaseBackend[] {
  serverUrlOf(env);
  return ['postgres'];
}

function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
}

/**
 * Creates a fresh database `kt_…` on the server of {@link testServerUrl}, a copy of its
 * template database (`CREATE DATABASE … TEMPLATE template1`: milliseconds), falling back to a
 * unique schema in that database when the role may not create databases.
 */
export async function createTestDatabase(
  backend: DatabaseBackend = 'postgres',
  env: Record<string, string | undefined> = process.env,
): Promise<DisposableTestDatabase> {
  const schema = uniqueName('t');
  const serverUrl = await testServerUrl(env);
  const name = uniqueName('kt');
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE template1`);
  } catch (error) {
    if ((error as { code?: string }).code !== '42501') throw error;
    return createSchema(backend, serverUrl, schema);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    backend,
    url: url.toString(),
    schema,
    dispose: async () => {
      const client = new Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

function createSchema(backend: DatabaseBackend, serverUrl: string, schema: string): DisposableTestDatabase {
  return {
    backend,
    url: serverUrl,
    schema,
    dispose: async () => {
      const client = new Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}

/** Runs `fn` with a fresh database and disposes of it afterwards. */
export async function withTestDatabase<T>(backend: DatabaseBackend, fn: (db: TestDatabase) => Promise<T>): Promise<T> {
  const db = await createTestDatabase(backend);
  try {
    return await fn(db);
  } finally {
    await db.dispose();
  }
}

/** Options of {@link describeEachDatabase}. */
export interface DescribeEachDatabaseOptions {
  /** Timeout of creating and disposing of the database (default 120 s: the first start of the embedded cluster on a busy machine). */
  readonly setupTimeoutMs?: number;
}

/**
 * Declares the suite `fn` once per backend of {@link testDatabaseBackends} (`name [postgres]`).
 * `fn` receives the database of its run; read its properties inside hooks and tests (they are
 * set in `beforeAll`). Each run gets its own database, removed in `afterAll`.
 */
export function describeEachDatabase(name: string, fn: (db: TestDatabase) => void, options: DescribeEachDatabaseOptions = {}): void {
  const timeout = options.setupTimeoutMs ?? 120_000;
  for (const backend of testDatabaseBackends()) {
    describe(`${name} [${backend}]`, () => {
      let current: DisposableTestDatabase | undefined;
      const need = (): DisposableTestDatabase => {
        if (!current) throw new Error('The test database is only available inside hooks and tests');
        return current;
      };
      const handle: TestDatabase = {
        backend,
        get url() {
          return need().url;
        },
        get schema() {
          return need().schema;
        },
      };
      beforeAll(async () => {
        current = await createTestDatabase(backend);
      }, timeout);
      afterAll(async () => {
        await current?.dispose();
        current = undefined;
      }, timeout);
      fn(handle);
    });
  }
}
