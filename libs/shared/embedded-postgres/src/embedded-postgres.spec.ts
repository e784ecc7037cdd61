import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres';

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Alive and not a zombie. */
function isAlive(pid: number): boolean {
  try {
    const state = execFileSync('ps', ['-o', 'stat=', '-p', String(pid)], { encoding: 'utf8' }).trim();
    return state !== '' && !state.startsWith('Z');
  } catch {
    return false;
  }
}

async function gone(pid: number): Promise<void> {
  while (isAlive(pid)) await new Promise((resolve) => setTimeout(resolve, 50));
}

/** Process id of the runner (the child of this process) of a cluster. */
function runnerOf(dataDir: string): number {
  return Number(readFileSync(join(dataDir, 'runner.pid'), 'utf8'));
}

describe('startEmbeddedPostgres', () => {
  let parent: string;
  const running: EmbeddedPostgres[] = [];

  beforeAll(async () => {
    parent = await mkdtemp(join(tmpdir(), 'kr-embedded-postgres-'));
    // Run as root (CI), the cluster runs as the system user postgres, which must get through.
    await chmod(parent, 0o711);
  });

  afterAll(async () => {
    await Promise.all(running.map((db) => db.stop()));
    await rm(parent, { recursive: true, force: true });
  });

  it('runs PostgreSQL 18 on 127.0.0.1 with a generated password, keeps the data across a restart, and refuses a second start on the directory', async () => {
    const dataDir = join(parent, 'db');
    const first = await startEmbeddedPostgres({ dataDir, port: 0 });
    running.push(first);
    const url = new URL(first.url);
    expect(url.hostname).toBe('127.0.0.1');
    expect(decodeURIComponent(url.password)).toBe(readFileSync(join(dataDir, 'password'), 'utf8').trim());
    expect(url.password.length).toBeGreaterThanOrEqual(32);
    expect((await query<{ version: string }>(first.url, 'SELECT version()'))[0]?.version).toMatch(/^PostgreSQL 18\./);
    expect(await query(first.url, `SELECT setting FROM pg_settings WHERE name IN ('listen_addresses', 'unix_socket_directories') ORDER BY name`)).toEqual([
      { setting: '127.0.0.1' },
      { setting: '' },
    ]);
    // No trust: without the password, or with a wrong one, PostgreSQL refuses.
    const anonymous = new URL(first.url);
    anonymous.password = '';
    await expect(query(anonymous.toString(), 'SELECT 1')).rejects.toThrow();
    anonymous.password = 'wrong';
    await expect(query(anonymous.toString(), 'SELECT 1')).rejects.toThrow(/password authentication failed/);

    await query(
      first.url,
      `CREATE SCHEMA demo; CREATE TABLE demo.organisatie (id text PRIMARY KEY); INSERT INTO demo.organisatie VALUES ('gemeente-dommeldal')`,
    );
    await expect(startEmbeddedPostgres({ dataDir, port: 0 })).rejects.toMatchObject({ code: 'IN_USE', message: expect.stringContaining('in use by process') });
    await first.stop();
    expect(isAlive(first.pid)).toBe(false);
    expect(existsSync(join(dataDir, 'runner.pid'))).toBe(false);

    const second = await startEmbeddedPostgres({ dataDir, port: 0 });
    running.push(second);
    expect(second.url).toBe(first.url.replace(`:${first.port}/`, `:${second.port}/`));
    expect(await query(second.url, 'SELECT id FROM demo.organisatie')).toEqual([{ id: 'gemeente-dommeldal' }]);
    await second.stop();
    await second.stop(); // idempotent
  }, 240_000);

  it('starts again after kill -9 of the runner and PostgreSQL, and stops a PostgreSQL that outlived its runner', async () => {
    const dataDir = join(parent, 'killed');
    const first = await startEmbeddedPostgres({ dataDir, port: 0 });
    running.push(first);
    await query(first.url, `CREATE TABLE kept (v int); INSERT INTO kept VALUES (1)`);
    // Everything killed at once: postmaster.pid and runner.pid stay behind.
    process.kill(runnerOf(dataDir), 'SIGKILL');
    process.kill(first.pid, 'SIGKILL');
    await first.exited;
    await gone(first.pid);
    expect(existsSync(join(dataDir, 'cluster', 'postmaster.pid'))).toBe(true);

    const second = await startEmbeddedPostgres({ dataDir, port: 0 });
    running.push(second);
    expect(await query(second.url, 'SELECT v FROM kept')).toEqual([{ v: 1 }]);
    // Only the runner killed: PostgreSQL keeps running without an owner; the next start stops it.
    process.kill(runnerOf(dataDir), 'SIGKILL');
    await second.exited;
    expect(isAlive(second.pid)).toBe(true);

    const third = await startEmbeddedPostgres({ dataDir, port: 0 });
    running.push(third);
    expect(isAlive(second.pid)).toBe(false);
    expect(await query(third.url, 'SELECT v FROM kept')).toEqual([{ v: 1 }]);
    await third.stop();
  }, 240_000);

  it('refuses a directory that holds something else, saying how to move on', async () => {
    const dataDir = join(parent, 'earlier');
    mkdirSync(dataDir);
    writeFileSync(join(dataDir, 'PG_VERSION'), '17\n');
    await expect(startEmbeddedPostgres({ dataDir, port: 0 })).rejects.toMatchObject({
      code: 'FOREIGN',
      message: expect.stringContaining('Move it away or delete it'),
    });
  }, 120_000);

  it('without a data directory: a throw-away cluster that leaves nothing behind', async () => {
    const db = await startEmbeddedPostgres({ port: 0 });
    running.push(db);
    const [{ setting }] = await query<{ setting: string }>(db.url, `SELECT setting FROM pg_settings WHERE name = 'data_directory'`);
    expect(setting.startsWith(tmpdir())).toBe(true);
    expect(await query(db.url, `SELECT current_setting('fsync') AS fsync`)).toEqual([{ fsync: 'off' }]);
    await db.stop();
    expect(existsSync(setting)).toBe(false);
    expect(isAlive(db.pid)).toBe(false);
  }, 120_000);
});
