import { Client } from 'pg';
import { createTestDatabase, describeEachDatabase, testDatabaseBackends, testServerUrl, withTestDatabase } from './test-database';

async function scalar<T>(url: string, sql: string, params: unknown[] = []): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return Object.values((await client.query(sql, params)).rows[0])[0] as T;
  } finally {
    await client.end();
  }
}

describe('testDatabaseBackends', () => {
  it('is PostgreSQL only, and refuses a DATABASE_URL that is not postgres://', () => {
    expect(testDatabaseBackends({})).toEqual(['postgres']);
    expect(testDatabaseBackends({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test' })).toEqual(['postgres']);
    expect(() => testDatabaseBackends({ DATABASE_URL: 'mysql://x' })).toThrow(/postgres:\/\//);
  });
});

describeEachDatabase('describeEachDatabase', (db) => {
  it('hands each run a working, empty database and a unique schema name', async () => {
    expect(db.schema).toMatch(/^t_[a-z0-9]+_[0-9a-f]{8}$/);
    expect(await scalar<number>(db.url, `SELECT count(*)::int FROM information_schema.schemata WHERE schema_name = $1`, [db.schema])).toBe(0);
    expect(await scalar<number>(db.url, 'SELECT 40 + 2')).toBe(42);
  });

  it('runs on PostgreSQL: the server of DATABASE_URL, else the embedded cluster (PostgreSQL 18)', async () => {
    const version = await scalar<string>(db.url, 'SELECT version()');
    expect(version).toMatch(/^PostgreSQL \d+/);
    if (!process.env['DATABASE_URL']) expect(version).toMatch(/^PostgreSQL 18\./);
    expect(db.backend).toBe('postgres');
  });
});

describe('test databases', () => {
  it('creates a database of its own per run and drops it afterwards', async () => {
    const serverUrl = await testServerUrl();
    let name = '';
    await withTestDatabase('postgres', async (db) => {
      name = await scalar<string>(db.url, 'SELECT current_database()');
      expect(name).toMatch(/^kt_/);
    });
    expect(await scalar<number>(serverUrl, 'SELECT count(*)::int FROM pg_database WHERE datname = $1', [name])).toBe(0);
  }, 60_000);

  it('shares one server between the test databases of a process', async () => {
    const [a, b] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    try {
      expect(new URL(a.url).port).toBe(new URL(b.url).port);
      expect(new URL(a.url).pathname).not.toBe(new URL(b.url).pathname);
    } finally {
      await Promise.all([a.dispose(), b.dispose()]);
    }
  }, 60_000);
});
