import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '@ketenregie/shared-pglite-server';

/** The database servers integration tests run against. */
export type DatabaseBackend = 'pglite' | 'postgres';

/** A fresh, private database for one test run. */
export interface TestDatabase {
  readonly backend: DatabaseBackend;
  /** Connection URL (a database of its own on PostgreSQL; an in-memory PGlite server otherwise). */
  readonly url: string;
  /** A unique schema name, not yet created, for `DatabaseModule`/`openDatabase`. */
  readonly schema: string;
}

/** A {@link TestDatabase} that must be disposed of. */
export interface DisposableTestDatabase extends TestDatabase {
  /** Drops the database (PostgreSQL) or stops the server (PGlite). */
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
 * Backends to test against: always `pglite`, plus `postgres` when `DATABASE_URL` is set
 * (CI sets `postgres://postgres@127.0.0.1:5432/test`).
 */
export function testDatabaseBackends(env: Record<string, string | undefined> = process.env): DatabaseBackend[] {
  return serverUrlOf(env) ? ['pglite', 'postgres'] : ['pglite'];
}

function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
}

/**
 * Creates a fresh database on `backend`. PostgreSQL: a new database `kt_…` on the server of
 * `DATABASE_URL` (falling back to a unique schema in that database when the role may not
 * create databases). PGlite: a new in-memory instance served on a free port.
 */
export async function createTestDatabase(
  backend: DatabaseBackend,
  env: Record<string, string | undefined> = process.env,
): Promise<DisposableTestDatabase> {
  const schema = uniqueName('t');
  if (backend === 'pglite') {
    // A fresh in-memory PGlite served over the wire protocol on a free port, in a child process.
    const server = await startEmbeddedPostgres({ template: true, port: 0 });
    return { backend, url: server.url, schema, dispose: () => server.stop() };
  }
  const serverUrl = serverUrlOf(env);
  if (!serverUrl) throw new Error('DATABASE_URL is not set: the postgres backend is not available');
  return createPostgresDatabase(serverUrl, schema);
}

async function createPostgresDatabase(serverUrl: string, schema: string): Promise<DisposableTestDatabase> {
  const name = uniqueName('kt');
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } catch (error) {
    await admin.end();
    if ((error as { code?: string }).code !== '42501') throw error;
    return createPostgresSchema(serverUrl, schema);
  }
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    backend: 'postgres',
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

async function createPostgresSchema(serverUrl: string, schema: string): Promise<DisposableTestDatabase> {
  return {
    backend: 'postgres',
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

/** Runs `fn` with a fresh database on `backend` and disposes of it afterwards. */
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
  /** Timeout of creating and disposing of the database (default 120 s: PGlite on a busy CI box). */
  readonly setupTimeoutMs?: number;
}

/**
 * Declares the suite `fn` once per backend of {@link testDatabaseBackends} (`name [pglite]`,
 * `name [postgres]`). `fn` receives the database of its run; read its properties inside
 * hooks and tests (they are set in `beforeAll`). Each run gets its own database, removed in
 * `afterAll`.
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
