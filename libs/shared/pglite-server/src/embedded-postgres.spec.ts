import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from './embedded-postgres';

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

describe('startEmbeddedPostgres', () => {
  let parent: string;

  beforeAll(async () => {
    parent = await mkdtemp(join(tmpdir(), 'kr-pglite-'));
  });

  afterAll(async () => {
    await rm(parent, { recursive: true, force: true });
  });

  it('persists data across a restart and locks the directory while running', async () => {
    const dataDir = join(parent, 'db');
    const first = await startEmbeddedPostgres({ dataDir, port: 0 });
    try {
      expect(first.url).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/postgres$/);
      await query(first.url, `CREATE SCHEMA demo; CREATE TABLE demo.organisatie (id text PRIMARY KEY); INSERT INTO demo.organisatie VALUES ('gemeente-helmond')`);
      await expect(startEmbeddedPostgres({ dataDir, port: 0 })).rejects.toThrow(/in use by process/);
      expect((await stat(`${dataDir}.lock`)).isFile()).toBe(true);
    } finally {
      await first.stop();
    }
    await expect(stat(`${dataDir}.lock`)).rejects.toMatchObject({ code: 'ENOENT' });

    const second = await startEmbeddedPostgres({ dataDir, port: 0 });
    try {
      expect(await query(second.url, 'SELECT id FROM demo.organisatie')).toEqual([{ id: 'gemeente-helmond' }]);
    } finally {
      await second.stop();
      await second.stop(); // idempotent
    }
  }, 240_000);

  it('serves several client connections at once, keeping each transaction to itself', async () => {
    const db = await startEmbeddedPostgres({ port: 0 });
    const a = new Client({ connectionString: db.url });
    const b = new Client({ connectionString: db.url });
    try {
      await a.connect();
      await b.connect();
      await a.query('CREATE TABLE t (v int)');
      await a.query('BEGIN');
      await a.query('INSERT INTO t VALUES (1)');
      const seenByB = b.query('SELECT count(*)::int AS n FROM t');
      await a.query('ROLLBACK');
      expect((await seenByB).rows).toEqual([{ n: 0 }]);
    } finally {
      await a.end();
      await b.end();
      await db.stop();
    }
  }, 240_000);
});
