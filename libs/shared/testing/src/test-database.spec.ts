import { Client } from 'pg';
import { createTestDatabase, describeEachDatabase, testDatabaseBackends, withTestDatabase } from './test-database';

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
  it('always includes PGlite and adds PostgreSQL when DATABASE_URL is set', () => {
    expect(testDatabaseBackends({})).toEqual(['pglite']);
    expect(testDatabaseBackends({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test' })).toEqual(['pglite', 'postgres']);
    expect(() => testDatabaseBackends({ DATABASE_URL: 'mysql://x' })).toThrow(/postgres:\/\//);
  });

  it('refuses the postgres backend without DATABASE_URL', async () => {
    await expect(createTestDatabase('postgres', {})).rejects.toThrow(/DATABASE_URL/);
  });
});

describeEachDatabase('describeEachDatabase', (db) => {
  it('hands each run a working, empty database and a unique schema name', async () => {
    expect(db.schema).toMatch(/^t_[a-z0-9]+_[0-9a-f]{8}$/);
    expect(await scalar<number>(db.url, `SELECT count(*)::int FROM information_schema.schemata WHERE schema_name = $1`, [db.schema])).toBe(0);
    expect(await scalar<number>(db.url, 'SELECT 40 + 2')).toBe(42);
  });

  it('names the backend it runs on', async () => {
    const version = await scalar<string>(db.url, 'SELECT version()');
    expect(version).toMatch(/PostgreSQL/);
    expect(['pglite', 'postgres']).toContain(db.backend);
  });
});

const serverUrl = process.env['DATABASE_URL'];
(serverUrl ? describe : describe.skip)('on real PostgreSQL (DATABASE_URL set)', () => {
  it('creates a database of its own per run and drops it afterwards', async () => {
    let name = '';
    await withTestDatabase('postgres', async (db) => {
      name = await scalar<string>(db.url, 'SELECT current_database()');
      expect(name).toMatch(/^kt_/);
    });
    expect(await scalar<number>(serverUrl as string, 'SELECT count(*)::int FROM pg_database WHERE datname = $1', [name])).toBe(0);
  }, 60_000);
});
