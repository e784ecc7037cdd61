import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { createTestDatabase, testDatabaseBackends, type DisposableTestDatabase } from '@ketenregie/shared-testing';
import { Client } from 'pg';
import * as machine from '../engine/history/machine';
import { PgStore } from './pg-store';

describe.each(testDatabaseBackends())('a database of a server before visibility in SQL [%s]', (backend) => {
  let database: DisposableTestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(backend);
  }, 120_000);

  afterAll(async () => {
    await database?.dispose();
  }, 60_000);

  it('is migrated on open, its runs found by their search attributes and task queue', async () => {
    const run = machine.createRun(
      {
        namespace: 'default',
        workflowId: 'traject-old',
        runId: 'run-old',
        workflowType: 'TrajectWorkflow',
        taskQueue: 'traject',
        executionTimeoutMs: 0,
        runTimeoutMs: 0,
        taskTimeoutMs: 10_000,
        searchAttributes: {
          Gemeente: { metadata: { encoding: Buffer.from('json/plain'), type: Buffer.from('Keyword') }, data: Buffer.from('"Zaanstad"') },
        },
      },
      1_000,
      () => 'id',
    ).run;
    const sql = new Client({ connectionString: database.url });
    await sql.connect();
    try {
      await sql.query('CREATE SCHEMA temporal');
      await sql.query('CREATE TABLE temporal.migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
      await sql.query(readFileSync(join(__dirname, 'migrations', '001_init.sql'), 'utf8'));
      await sql.query(`INSERT INTO temporal.migrations (name) VALUES ('001_init.sql')`);
      await sql.query(
        `INSERT INTO temporal.runs (namespace, run_id, workflow_id, workflow_type, status, version, start_time, has_queued_task, has_transfers, state)
         VALUES ('default', 'run-old', 'traject-old', 'TrajectWorkflow', 'Running', 0, 1000, true, false, $1)`,
        [serialize(run)],
      );
    } finally {
      await sql.end();
    }

    const store = await PgStore.open({ url: database.url, poolSize: 1 });
    try {
      const namespace = { name: 'default', id: 'ns', retentionDays: 1, searchAttributes: { Gemeente: 'Keyword' as const } };
      const found = await store.listVisibility(
        { namespace, query: `Gemeente = 'Zaanstad' AND TaskQueue = 'traject' AND HistoryLength = ${run.nextEventId - 1}`, now: 2_000 },
        10,
      );
      expect(found.runs.map((r) => r.runId)).toEqual(['run-old']);
      expect(await store.countVisibility({ namespace, query: `Gemeente = 'Edam'`, now: 2_000 })).toBe(0);
    } finally {
      await store.close();
    }
  });
});
