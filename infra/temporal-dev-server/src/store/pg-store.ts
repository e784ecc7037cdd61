import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { Pool, type PoolClient } from 'pg';
import type { Msg } from '../proto/proto';
import type { RunState } from '../engine/types';
import { ConcurrencyConflictError, type NamespaceRecord, type RunRef, type RunWrite, type Store } from './store';

const MIGRATIONS_DIR = join(__dirname, 'migrations');
/** Arbitrary key of the advisory lock that serializes migrations of concurrent starts. */
const MIGRATION_LOCK = 7_233_004;
/** Due runs handed out per {@link PgStore.runsDueBy} call; the engine asks again while any are due. */
const DUE_BATCH = 500;

/** Options of {@link PgStore}. */
export interface PgStoreOptions {
  /** `postgres://` URL of the database (PostgreSQL or embedded PGlite over the wire protocol). */
  url: string;
  /** Connections in the pool (default 8). */
  poolSize?: number;
}

/** Whether a run has a workflow or activity task waiting in a task queue. */
function hasQueuedTask(run: RunState): boolean {
  if (run.wft.state === 'scheduled') return true;
  for (const activity of Object.values(run.activities)) if (activity.state === 'scheduled') return true;
  return false;
}

function decodeRun(bytes: Buffer): RunState {
  return deserialize(bytes) as RunState;
}

/**
 * {@link Store} on PostgreSQL, in schema `temporal` (created and migrated by {@link PgStore.open}
 * from the plain SQL files in `migrations/`). A run is one row of `temporal.runs` holding its
 * serialized state next to the columns the server looks runs up by (next deadline, queued task,
 * outbox, sticky queue, close time), each behind a partial index, so timers, restart recovery
 * and retention never scan every run. History events are rows of `temporal.history_events`.
 * Every {@link Store.commit} is one transaction; optimistic versions guard each run row.
 *
 * Reads deserialize a fresh copy, so callers own what they get.
 */
export class PgStore implements Store {
  private constructor(private readonly pool: Pool) {}

  /** Connects, creates schema `temporal` and applies the migrations not applied yet. */
  static async open(options: PgStoreOptions): Promise<PgStore> {
    const pool = new Pool({ connectionString: options.url, max: options.poolSize ?? 8 });
    pool.on('error', () => undefined);
    const store = new PgStore(pool);
    try {
      await store.migrate();
    } catch (error) {
      await pool.end();
      throw error;
    }
    return store;
  }

  private async migrate(): Promise<void> {
    await this.transaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await client.query('CREATE SCHEMA IF NOT EXISTS temporal');
      await client.query('CREATE TABLE IF NOT EXISTS temporal.migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
      const applied = new Set((await client.query<{ name: string }>('SELECT name FROM temporal.migrations')).rows.map((r) => r.name));
      const files = readdirSync(MIGRATIONS_DIR)
        .filter((f) => f.endsWith('.sql'))
        .sort();
      for (const file of files) {
        if (applied.has(file)) continue;
        await client.query(readFileSync(join(MIGRATIONS_DIR, file), 'utf8'));
        await client.query('INSERT INTO temporal.migrations (name) VALUES ($1)', [file]);
      }
    });
  }

  /** Closes the pool. */
  async close(): Promise<void> {
    await this.pool.end();
  }

  private async transaction<T>(fn: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async getNamespace(name: string): Promise<NamespaceRecord | undefined> {
    const { rows } = await this.pool.query<{ record: NamespaceRecord }>('SELECT record FROM temporal.namespaces WHERE name = $1', [name]);
    return rows[0]?.record;
  }

  async putNamespace(record: NamespaceRecord): Promise<void> {
    await this.pool.query(
      'INSERT INTO temporal.namespaces (name, record) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET record = EXCLUDED.record',
      [record.name, JSON.stringify(record)],
    );
  }

  async listNamespaces(): Promise<NamespaceRecord[]> {
    const { rows } = await this.pool.query<{ record: NamespaceRecord }>('SELECT record FROM temporal.namespaces ORDER BY name');
    return rows.map((r) => r.record);
  }

  async getRun(namespace: string, runId: string): Promise<RunState | undefined> {
    const { rows } = await this.pool.query<{ state: Buffer }>('SELECT state FROM temporal.runs WHERE namespace = $1 AND run_id = $2', [namespace, runId]);
    return rows[0] ? decodeRun(rows[0].state) : undefined;
  }

  async getCurrentRunId(namespace: string, workflowId: string): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ run_id: string }>('SELECT run_id FROM temporal.current_runs WHERE namespace = $1 AND workflow_id = $2', [
      namespace,
      workflowId,
    ]);
    return rows[0]?.run_id;
  }

  async readHistory(namespace: string, runId: string, fromEventId = 1): Promise<Msg[]> {
    const { rows } = await this.pool.query<{ event: Buffer }>(
      'SELECT event FROM temporal.history_events WHERE namespace = $1 AND run_id = $2 AND event_id >= $3 ORDER BY event_id',
      [namespace, runId, fromEventId],
    );
    return rows.map((r) => deserialize(r.event) as Msg);
  }

  async commit(writes: RunWrite[]): Promise<void> {
    await this.transaction(async (client) => {
      for (const write of writes) {
        const run = write.run;
        const params = [
          run.namespace,
          run.runId,
          run.workflowId,
          run.workflowType,
          run.status,
          run.version,
          Math.round(run.startTime),
          run.closeTime === undefined ? null : Math.round(run.closeTime),
          write.nextDeadline === undefined ? null : Math.ceil(write.nextDeadline),
          hasQueuedTask(run),
          run.transfers.length > 0,
          run.status === 'Running' ? (run.stickyQueue ?? null) : null,
          serialize(run),
        ];
        const result =
          write.expectedVersion === null
            ? await client.query(
                `INSERT INTO temporal.runs (namespace, run_id, workflow_id, workflow_type, status, version, start_time, close_time,
                   next_deadline, has_queued_task, has_transfers, sticky_queue, state)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT DO NOTHING`,
                params,
              )
            : await client.query(
                `UPDATE temporal.runs SET workflow_id = $3, workflow_type = $4, status = $5, version = $6, start_time = $7, close_time = $8,
                   next_deadline = $9, has_queued_task = $10, has_transfers = $11, sticky_queue = $12, state = $13
                 WHERE namespace = $1 AND run_id = $2 AND version = $14`,
                [...params, write.expectedVersion],
              );
        if (result.rowCount !== 1) throw new ConcurrencyConflictError(run.runId);
        if (write.newEvents.length > 0) {
          const values: string[] = [];
          const eventParams: unknown[] = [run.namespace, run.runId];
          for (const event of write.newEvents) {
            eventParams.push(event.event_id, serialize(event));
            values.push(`($1, $2, $${eventParams.length - 1}, $${eventParams.length})`);
          }
          await client.query(`INSERT INTO temporal.history_events (namespace, run_id, event_id, event) VALUES ${values.join(', ')}`, eventParams);
        }
        if (write.makeCurrent) {
          await client.query(
            `INSERT INTO temporal.current_runs (namespace, workflow_id, run_id) VALUES ($1, $2, $3)
             ON CONFLICT (namespace, workflow_id) DO UPDATE SET run_id = EXCLUDED.run_id`,
            [run.namespace, run.workflowId, run.runId],
          );
        }
      }
    });
  }

  private async selectRuns(where: string, params: unknown[]): Promise<RunState[]> {
    const { rows } = await this.pool.query<{ state: Buffer }>(`SELECT state FROM temporal.runs WHERE ${where}`, params);
    return rows.map((r) => decodeRun(r.state));
  }

  async listRuns(namespace: string): Promise<RunState[]> {
    return this.selectRuns('namespace = $1', [namespace]);
  }

  async listOpenRuns(): Promise<RunState[]> {
    return this.selectRuns(`status = 'Running'`, []);
  }

  async listRunsWithQueuedTasks(): Promise<RunState[]> {
    return this.selectRuns('has_queued_task', []);
  }

  async listRunsOnStickyQueue(namespace: string, stickyQueue: string): Promise<RunState[]> {
    return this.selectRuns('namespace = $1 AND sticky_queue = $2', [namespace, stickyQueue]);
  }

  async listRunsWithTransfers(): Promise<RunState[]> {
    return this.selectRuns('has_transfers', []);
  }

  async runsDueBy(time: number): Promise<RunRef[]> {
    const { rows } = await this.pool.query<{ namespace: string; run_id: string }>(
      'SELECT namespace, run_id FROM temporal.runs WHERE next_deadline IS NOT NULL AND next_deadline <= $1 ORDER BY next_deadline LIMIT $2',
      [Math.floor(time), DUE_BATCH],
    );
    return rows.map((r) => ({ namespace: r.namespace, runId: r.run_id }));
  }

  async nextDeadline(): Promise<number | undefined> {
    const { rows } = await this.pool.query<{ d: string | null }>('SELECT min(next_deadline) AS d FROM temporal.runs WHERE next_deadline IS NOT NULL');
    const value = rows[0]?.d;
    return value === null || value === undefined ? undefined : Number(value);
  }

  async deleteClosedRuns(namespace: string, closedBefore: number, limit: number): Promise<number> {
    return this.transaction(async (client) => {
      const { rows } = await client.query<{ run_id: string; workflow_id: string }>(
        `DELETE FROM temporal.runs WHERE (namespace, run_id) IN (
           SELECT namespace, run_id FROM temporal.runs WHERE namespace = $1 AND close_time IS NOT NULL AND close_time < $2 LIMIT $3)
         RETURNING run_id, workflow_id`,
        [namespace, Math.floor(closedBefore), limit],
      );
      if (rows.length === 0) return 0;
      const runIds = rows.map((r) => r.run_id);
      await client.query('DELETE FROM temporal.history_events WHERE namespace = $1 AND run_id = ANY($2)', [namespace, runIds]);
      await client.query('DELETE FROM temporal.current_runs WHERE namespace = $1 AND run_id = ANY($2)', [namespace, runIds]);
      return rows.length;
    });
  }
}
