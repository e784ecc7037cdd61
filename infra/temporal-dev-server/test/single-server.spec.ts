import { Connection } from '@temporalio/client';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createTestDatabase, type DisposableTestDatabase } from '@ketenregie/shared-testing';
import { spawnDevServer, type SpawnedServer } from './harness';

const REFUSED = /another temporal dev server \(process \d+/;

async function answers(server: SpawnedServer): Promise<boolean> {
  const connection = await Connection.connect({ address: server.address });
  try {
    await connection.workflowService.getSystemInfo({});
    return true;
  } finally {
    await connection.close();
  }
}

/**
 * One server per database: a second server on the same store refuses to start and names the
 * one that holds it; the lock of a server killed with SIGKILL goes with its process, so a
 * restart on the same database works at once. On a database of PostgreSQL (`--database-url`) and
 * on an embedded cluster the server runs itself (`--db-filename`), whose runner shuts the cluster
 * down when its server is killed.
 */
describe.each(['database-url', 'db-filename'] as const)('one dev server per database [%s]', (store) => {
  let database: DisposableTestDatabase | undefined;
  let dataDir: string | undefined;
  let storeArgs: string[];

  beforeAll(async () => {
    if (store === 'database-url') {
      database = await createTestDatabase('postgres');
      storeArgs = ['--database-url', database.url];
    } else {
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'temporal-dev-server-single-'));
      // Run as root (CI), the cluster runs as the system user postgres, which must get through.
      fs.chmodSync(dataDir, 0o711);
      storeArgs = ['--db-filename', path.join(dataDir, 'db')];
    }
  }, 120_000);

  afterAll(async () => {
    await database?.dispose();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('refuses a second server with a clear error, and restarts on the database after a kill -9', async () => {
    const first = await spawnDevServer(storeArgs);
    try {
      const refused = Date.now();
      await expect(spawnDevServer(storeArgs)).rejects.toThrow(REFUSED);
      expect(Date.now() - refused).toBeLessThan(15_000);
      expect(await answers(first)).toBe(true);

      await first.kill();
      await first.restart();
      expect(await answers(first)).toBe(true);
      await expect(spawnDevServer(storeArgs)).rejects.toThrow(REFUSED);
    } finally {
      await first.stop();
    }
    // A stopped server lets go at once.
    const next = await spawnDevServer(storeArgs);
    await next.stop();
  }, 180_000);

  if (store === 'database-url') {
    it('reads DATABASE_URL itself and holds that database against a server given it by flag', async () => {
      const log = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'temporal-dev-server-env-')), 'server.log');
      const fromEnv = await spawnDevServer([], { env: { ...process.env, TEMPORAL_DEV_SERVER_DATABASE_URL: '', DATABASE_URL: database?.url }, logFile: log });
      try {
        await expect(spawnDevServer(storeArgs)).rejects.toThrow(REFUSED);
        expect(fs.readFileSync(log, 'utf8')).toMatch(/"store":"postgres","storeSource":"DATABASE_URL"/);
      } finally {
        await fromEnv.stop();
      }
    }, 120_000);
  }
});
