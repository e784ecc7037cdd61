import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createTestDatabase, type DisposableTestDatabase } from '@ketenregie/shared-testing';
import { PgStore } from './pg-store';
import { acquireDirectoryLock, ServerLockedError } from './server-lock';

describe('server lock on PostgreSQL', () => {
  let database: DisposableTestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
  }, 60_000);

  afterAll(async () => {
    await database?.dispose();
  }, 60_000);

  it('lets one exclusive store open a database at a time, naming the holder, and frees it on close', async () => {
    const lost: Error[] = [];
    const first = await PgStore.open({ url: database.url, exclusive: { onLost: (e) => lost.push(e) } });
    const second = PgStore.open({ url: database.url, exclusive: { onLost: (e) => lost.push(e) } });
    await expect(second).rejects.toBeInstanceOf(ServerLockedError);
    await expect(second).rejects.toThrow(`process ${process.pid} on ${os.hostname()}`);
    await first.close();
    const third = await PgStore.open({ url: database.url, exclusive: { onLost: (e) => lost.push(e) } });
    await third.close();
    expect(lost).toEqual([]);
  });
});

describe('server lock of an embedded cluster directory', () => {
  let dir: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'temporal-dev-server-lock-'));
  });

  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('refuses a directory whose lock file names a live process', async () => {
    fs.writeFileSync(`${dir}/db.server.lock`, String(process.ppid));
    await expect(acquireDirectoryLock(`${dir}/db`)).rejects.toThrow(`another temporal dev server (process ${process.ppid}) uses the embedded database`);
  });

  it('takes over the lock file of a process that is gone, and removes it on release', async () => {
    const gone = spawnSync(process.execPath, ['-e', '0']).pid as number;
    fs.writeFileSync(`${dir}/db.server.lock`, String(gone));
    const lock = await acquireDirectoryLock(`${dir}/db/`);
    expect(fs.readFileSync(`${dir}/db.server.lock`, 'utf8')).toBe(String(process.pid));
    await lock.release();
    expect(fs.existsSync(`${dir}/db.server.lock`)).toBe(false);
  });
});
