import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { Pool, type PoolClient } from 'pg';
import type { Msg } from '../proto/proto';
import type { RunState } from '../model/run-state';
import { checkListQuery } from '../visibility';
import { acquireServerLock, type HeldLock } from './server-lock';
import { GroupCommit } from './group-commit';
import { compileVisibilitySql, decodePageToken, encodePageToken, pageSql, visibilityColumns } from './pg-visibility';
import { ConcurrencyConflictError, type NamespaceRecord, type RunRef, type RunWrite, type Store, type VisibilityPage, type VisibilityQuery } from './store';

const MIGRATIONS_DIR = join(__dirname, 'migrations');
/** Arbitrary key of the advisory lock that serializes migrations of concurrent starts. */
const MIGRATION_LOCK = 7_233_004;
/** The migration that added the visibility columns; runs stored before it are backfilled. */
const VISIBILITY_MIGRATION = '002_visibility.sql';
/** Due runs handed out per {@link PgStore.runsDueBy} call; the engine asks again while any are due. */
const DUE_BATCH = 500;
/** Most recent history events of a cached run kept in memory, so a polled task reads its new events without a query. */
const HISTORY_TAIL = 64;
/** Newest history events read with each due run, so the task its deadline schedules reads none. */
const DUE_TAIL = 16;
/**
 * Group commit of run updates (see {@link GroupCommit}): statements of grouped updates running at
 * once, and the most updates one statement carries.
 */
const UPDATE_STATEMENTS_IN_FLIGHT = 2;
const UPDATES_PER_STATEMENT = 64;

/** The columns of `temporal.runs` a commit writes, in the order of {@link PgStore.rowOf}, with their types. */
const RUN_COLUMN_TYPES = {
  namespace: 'text',
  run_id: 'text',
  workflow_id: 'text',
  workflow_type: 'text',
  status: 'text',
  version: 'integer',
  start_time: 'bigint',
  close_time: 'bigint',
  next_deadline: 'bigint',
  has_queued_task: 'boolean',
  has_transfers: 'boolean',
  sticky_queue: 'text',
  state: 'bytea',
  task_queue: 'text',
  execution_time: 'bigint',
  history_length: 'integer',
  search_attributes: 'jsonb',
  text_tokens: 'jsonb',
} as const;
const RUN_COLUMNS = Object.keys(RUN_COLUMN_TYPES) as (keyof typeof RUN_COLUMN_TYPES)[];
/** `$n` of the parameters after a run's row ({@link PgStore.rowOf}): 1 is the first after it. */
const afterRow = (n: number) => `$${RUN_COLUMNS.length + n}`;

/**
 * One run's commit as one statement: its insert or versioned update (parameters: its row, then
 * its new events' ids and bytes, whether it becomes current, and for an update the expected
 * version), its events and its current-run pointer.
 */
function writeRunSql(insert: boolean): string {
  const upsert = insert
    ? `INSERT INTO temporal.runs (${RUN_COLUMNS.join(', ')}) VALUES (${RUN_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})
       ON CONFLICT DO NOTHING RETURNING 1 AS ok`
    : `UPDATE temporal.runs SET ${RUN_COLUMNS.slice(2)
        .map((column, i) => `${column} = $${i + 3}`)
        .join(', ')}
       WHERE namespace = $1 AND run_id = $2 AND version = ${afterRow(4)} RETURNING 1 AS ok`;
  return `WITH w AS (${upsert}),
    e AS (
      INSERT INTO temporal.history_events (namespace, run_id, event_id, event)
      SELECT $1, $2, x.id, x.ev FROM unnest(${afterRow(1)}::integer[], ${afterRow(2)}::bytea[]) AS x(id, ev) WHERE EXISTS (SELECT 1 FROM w)
    ),
    c AS (
      INSERT INTO temporal.current_runs (namespace, workflow_id, run_id)
      SELECT $1, $3, $2 WHERE ${afterRow(3)}::boolean AND EXISTS (SELECT 1 FROM w)
      ON CONFLICT (namespace, workflow_id) DO UPDATE SET run_id = EXCLUDED.run_id
    )
    SELECT count(*)::integer AS n FROM w`;
}
const INSERT_RUN_SQL = writeRunSql(true);
const UPDATE_RUN_SQL = writeRunSql(false);

/**
 * Versioned updates of several runs as one statement (parameters: one array per column, the
 * expected versions, then the new events as namespace, run id, event id and bytes arrays),
 * answering the runs it updated.
 */
const UPDATE_RUNS_SQL = `WITH i AS (
    SELECT * FROM unnest(${RUN_COLUMNS.map((column, c) => `$${c + 1}::${RUN_COLUMN_TYPES[column]}[]`).join(', ')}, ${afterRow(1)}::integer[])
      AS i(${RUN_COLUMNS.join(', ')}, expected)
  ),
  w AS (
    UPDATE temporal.runs r SET ${RUN_COLUMNS.slice(2)
      .map((column) => `${column} = i.${column}`)
      .join(', ')}
    FROM i WHERE r.namespace = i.namespace AND r.run_id = i.run_id AND r.version = i.expected
    RETURNING r.namespace, r.run_id
  ),
  e AS (
    INSERT INTO temporal.history_events (namespace, run_id, event_id, event)
    SELECT x.namespace, x.run_id, x.id, x.ev
      FROM unnest(${afterRow(2)}::text[], ${afterRow(3)}::text[], ${afterRow(4)}::integer[], ${afterRow(5)}::bytea[]) AS x(namespace, run_id, id, ev)
    WHERE EXISTS (SELECT 1 FROM w WHERE w.namespace = x.namespace AND w.run_id = x.run_id)
  )
  SELECT namespace, run_id FROM w`;

/** A run update waiting for its group's statement, serialized. */
interface GroupedUpdate {
  write: RunWrite;
  bytes: Buffer;
  events: Buffer[];
}

/** Options of {@link PgStore}. */
export interface PgStoreOptions {
  /** `postgres://` URL of the database. */
  url: string;
  /** Connections in the pool (default 8). */
  poolSize?: number;
  /** Run states kept in memory (default 20,000). */
  cacheSize?: number;
  /**
   * Hold the server lock ({@link acquireServerLock}) while open, so a second server on the same
   * database refuses to start; `onLost` is told if its connection breaks.
   */
  exclusive?: { onLost(error: Error): void };
}

/** The lower of a known earliest deadline and a write's deadline (`null`: no deadline at all). */
function lowerDeadline(known: number | null, write: RunWrite): number | null {
  if (write.nextDeadline === undefined) return known;
  const deadline = Math.ceil(write.nextDeadline);
  return known === null || deadline < known ? deadline : known;
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

/** A committed run state as this server last wrote or read it. */
interface CachedRun {
  version: number;
  bytes: Buffer;
  /**
   * The run's latest serialized history events, ending at its last event, with the id of the
   * first; absent when the run was read from the database (its history is not known then).
   */
  tail?: { first: number; events: Buffer[] };
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
  /**
   * Serialized states of recently used runs, in least-recently-written order. The server is the
   * only writer of its database, so a committed state stays valid until it commits the next;
   * a failed commit drops its runs from the cache.
   */
  private readonly cache = new Map<string, CachedRun>();
  /**
   * Earliest deadline as far as known; may be too early (a run's deadline moved later), never
   * too late. Replaced by every {@link PgStore.runsDueBy}, so a stale value costs one wake-up.
   */
  private deadlineCache: number | null | undefined;
  /**
   * Deadline queries in flight, each with the earliest deadline committed while it ran, which
   * its answer may not include yet.
   */
  private readonly deadlineQueries = new Set<{ committed: number | null }>();
  /** Updates of single runs, grouped into shared statements while others are running. */
  private readonly updates = new GroupCommit<GroupedUpdate>((updates) => this.writeUpdates(updates), UPDATE_STATEMENTS_IN_FLIGHT, UPDATES_PER_STATEMENT);

  private constructor(
    private readonly pool: Pool,
    private readonly cacheSize: number,
    private readonly lock?: HeldLock,
  ) {}

  /** A query of one of the hot paths, named, so each pooled connection parses and plans it once. */
  private statement(name: string, text: string, values: unknown[]): { name: string; text: string; values: unknown[] } {
    return { name: `temporal_${name}`, text, values };
  }

  /** Connects, creates schema `temporal` and applies the migrations not applied yet. */
  static async open(options: PgStoreOptions): Promise<PgStore> {
    const lock = options.exclusive ? await acquireServerLock(options.url, options.exclusive.onLost) : undefined;
    const pool = new Pool({ connectionString: options.url, max: options.poolSize ?? 8 });
    pool.on('error', () => undefined);
    const store = new PgStore(pool, options.cacheSize ?? 20_000, lock);
    try {
      await store.migrate();
    } catch (error) {
      await pool.end();
      await lock?.release();
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
        if (file === VISIBILITY_MIGRATION) await this.backfillVisibility(client);
      }
    });
  }

  /** Fills the visibility columns of runs written before they existed (migration 002). */
  private async backfillVisibility(client: PoolClient): Promise<void> {
    for (;;) {
      const { rows } = await client.query<{ namespace: string; run_id: string; state: Buffer }>(
        'SELECT namespace, run_id, state FROM temporal.runs WHERE task_queue IS NULL LIMIT 500',
      );
      if (rows.length === 0) return;
      for (const row of rows) {
        const visibility = visibilityColumns(decodeRun(row.state));
        await client.query(
          `UPDATE temporal.runs SET task_queue = $3, execution_time = $4, history_length = $5, search_attributes = $6, text_tokens = $7
           WHERE namespace = $1 AND run_id = $2`,
          [
            row.namespace,
            row.run_id,
            visibility.taskQueue,
            visibility.executionTime,
            visibility.historyLength,
            JSON.stringify(visibility.searchAttributes),
            JSON.stringify(visibility.textTokens),
          ],
        );
      }
    }
  }

  /** Closes the pool, then lets go of the server lock. */
  async close(): Promise<void> {
    await this.pool.end();
    await this.lock?.release();
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
    await this.pool.query('INSERT INTO temporal.namespaces (name, record) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET record = EXCLUDED.record', [
      record.name,
      JSON.stringify(record),
    ]);
  }

  async listNamespaces(): Promise<NamespaceRecord[]> {
    const { rows } = await this.pool.query<{ record: NamespaceRecord }>('SELECT record FROM temporal.namespaces ORDER BY name');
    return rows.map((r) => r.record);
  }

  async getRun(namespace: string, runId: string): Promise<RunState | undefined> {
    const key = PgStore.key(namespace, runId);
    const cached = this.cache.get(key);
    if (cached) return decodeRun(cached.bytes);
    const { rows } = await this.pool.query<{ state: Buffer; version: number }>(
      this.statement('get_run', 'SELECT state, version FROM temporal.runs WHERE namespace = $1 AND run_id = $2', [namespace, runId]),
    );
    const row = rows[0];
    if (!row) return undefined;
    this.remember(namespace, runId, row.version, row.state, undefined);
    return decodeRun(row.state);
  }

  private static key(namespace: string, runId: string): string {
    return `${namespace}\u0000${runId}`;
  }

  /**
   * Caches a committed run state unless a newer version is cached already. `newEvents` are the
   * run's newest events: those its commit appended, or the last ones read with the state in
   * one statement (undefined when its history was not read).
   */
  private remember(namespace: string, runId: string, version: number, bytes: Buffer, newEvents: { first: number; events: Buffer[] } | undefined): void {
    const key = PgStore.key(namespace, runId);
    const cached = this.cache.get(key);
    if (cached && cached.version > version) return;
    this.cache.delete(key);
    this.cache.set(key, { version, bytes, tail: newEvents && PgStore.extendTail(cached?.tail, newEvents) });
    if (this.cache.size > this.cacheSize) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
  }

  /** A history tail with a commit's new events appended (they start a new tail if they do not continue it). */
  private static extendTail(tail: CachedRun['tail'], added: { first: number; events: Buffer[] }): CachedRun['tail'] {
    if (added.events.length === 0) return tail;
    const events = tail && tail.first + tail.events.length === added.first ? [...tail.events, ...added.events] : added.events;
    const first = added.first + added.events.length - events.length;
    const drop = Math.max(0, events.length - HISTORY_TAIL);
    return { first: first + drop, events: drop > 0 ? events.slice(drop) : events };
  }

  async getCurrentRunId(namespace: string, workflowId: string): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ run_id: string }>(
      this.statement('current_run', 'SELECT run_id FROM temporal.current_runs WHERE namespace = $1 AND workflow_id = $2', [namespace, workflowId]),
    );
    return rows[0]?.run_id;
  }

  async readHistory(namespace: string, runId: string, fromEventId = 1): Promise<Msg[]> {
    const tail = this.cache.get(PgStore.key(namespace, runId))?.tail;
    if (tail && fromEventId >= tail.first) return tail.events.slice(fromEventId - tail.first).map((event) => deserialize(event) as Msg);
    const { rows } = await this.pool.query<{ event: Buffer }>(
      this.statement('read_history', 'SELECT event FROM temporal.history_events WHERE namespace = $1 AND run_id = $2 AND event_id >= $3 ORDER BY event_id', [
        namespace,
        runId,
        fromEventId,
      ]),
    );
    return rows.map((r) => deserialize(r.event) as Msg);
  }

  async commit(writes: RunWrite[]): Promise<void> {
    const statements = writes.map((write) => ({ write, bytes: serialize(write.run), events: write.newEvents.map((event) => serialize(event)) }));
    try {
      const only = statements.length === 1 ? statements[0] : undefined;
      if (only && only.write.expectedVersion !== null && !only.write.makeCurrent) {
        const key = PgStore.key(only.write.run.namespace, only.write.run.runId);
        if (!(await this.updates.submit(key, only))) throw new ConcurrencyConflictError(only.write.run.runId);
      } else if (only) {
        await this.writeRun(this.pool, only.write, only.bytes, only.events);
      } else {
        await this.transaction(async (client) => {
          for (const { write, bytes, events } of statements) await this.writeRun(client, write, bytes, events);
        });
      }
    } catch (error) {
      for (const { write } of statements) this.cache.delete(PgStore.key(write.run.namespace, write.run.runId));
      // What was written is unknown (the error may have come after the commit): the next
      // wake-up asks the database, and a deadline query in flight answers "now".
      this.deadlineCache = undefined;
      for (const query of this.deadlineQueries) query.committed = 0;
      throw error;
    }
    if (this.deadlineCache !== undefined) this.deadlineCache = writes.reduce(lowerDeadline, this.deadlineCache);
    for (const query of this.deadlineQueries) query.committed = writes.reduce(lowerDeadline, query.committed);
    for (const { write, bytes, events } of statements) {
      const first = (write.newEvents[0]?.event_id as number | undefined) ?? 0;
      this.remember(write.run.namespace, write.run.runId, write.run.version, bytes, { first, events });
    }
  }

  /** The values of a run's row, in the order of {@link RUN_COLUMNS}. */
  private static rowOf(write: RunWrite, bytes: Buffer): unknown[] {
    const run = write.run;
    const visibility = visibilityColumns(run);
    return [
      run.namespace,
      run.runId,
      run.workflowId,
      run.workflowType,
      run.status,
      run.version,
      Math.trunc(run.startTime),
      run.closeTime === undefined ? null : Math.trunc(run.closeTime),
      write.nextDeadline === undefined ? null : Math.ceil(write.nextDeadline),
      hasQueuedTask(run),
      run.transfers.length > 0,
      run.status === 'Running' ? (run.stickyQueue ?? null) : null,
      bytes,
      visibility.taskQueue,
      visibility.executionTime,
      visibility.historyLength,
      JSON.stringify(visibility.searchAttributes),
      JSON.stringify(visibility.textTokens),
    ];
  }

  /**
   * Writes one run (insert or versioned update), its new events and its current-run pointer as
   * one statement, so a single-run commit is one round trip and atomic on its own.
   */
  private async writeRun(db: Pool | PoolClient, write: RunWrite, bytes: Buffer, events: Buffer[]): Promise<void> {
    const row = PgStore.rowOf(write, bytes);
    const params = [...row, write.newEvents.map((event) => event.event_id as number), events, write.makeCurrent === true];
    const insert = write.expectedVersion === null;
    const result = await db.query<{ n: number }>(
      this.statement(insert ? 'insert_run' : 'update_run', insert ? INSERT_RUN_SQL : UPDATE_RUN_SQL, insert ? params : [...params, write.expectedVersion]),
    );
    if (result.rows[0]?.n !== 1) throw new ConcurrencyConflictError(write.run.runId);
  }

  /**
   * Updates of several runs (each a versioned update of an existing run that does not change its
   * workflow's current run) with their new events, as one statement. Answers, per update, whether
   * it was applied; one whose run changed meanwhile is left out without affecting the others.
   */
  private async writeUpdates(updates: GroupedUpdate[]): Promise<boolean[]> {
    if (updates.length === 1) {
      const only = updates[0] as GroupedUpdate;
      try {
        await this.writeRun(this.pool, only.write, only.bytes, only.events);
        return [true];
      } catch (error) {
        if (error instanceof ConcurrencyConflictError) return [false];
        throw error;
      }
    }
    const rows = updates.map((u) => PgStore.rowOf(u.write, u.bytes));
    const columns = RUN_COLUMNS.map((_, c) => rows.map((row) => row[c]));
    const events = updates.flatMap((u) => u.events.map((event, i) => ({ u, id: u.write.newEvents[i]?.event_id as number, event })));
    const { rows: applied } = await this.pool.query<{ namespace: string; run_id: string }>(
      this.statement('update_runs', UPDATE_RUNS_SQL, [
        ...columns,
        updates.map((u) => u.write.expectedVersion),
        events.map((e) => e.u.write.run.namespace),
        events.map((e) => e.u.write.run.runId),
        events.map((e) => e.id),
        events.map((e) => e.event),
      ]),
    );
    const written = new Set(applied.map((r) => PgStore.key(r.namespace, r.run_id)));
    return updates.map((u) => written.has(PgStore.key(u.write.run.namespace, u.write.run.runId)));
  }

  private async selectRuns(where: string, params: unknown[]): Promise<RunState[]> {
    const { rows } = await this.pool.query<{ state: Buffer }>(`SELECT state FROM temporal.runs WHERE ${where}`, params);
    return rows.map((r) => decodeRun(r.state));
  }

  /**
   * Filters, orders and pages in SQL (see `pg-visibility.ts`): a page is one indexed query with
   * `LIMIT pageSize + 1`, and its token holds the sort keys of its last row (keyset pagination).
   */
  async listVisibility(query: VisibilityQuery, pageSize: number, pageToken?: Uint8Array): Promise<VisibilityPage> {
    const compiled = compileVisibilitySql(query.namespace.name, checkListQuery(query.query, query.namespace.searchAttributes, { now: new Date(query.now) }));
    const cursor = pageToken?.length ? decodePageToken(query.query, pageToken, compiled.order.length) : undefined;
    const { rows } = await this.pool.query<Record<string, unknown> & { state: Buffer }>(pageSql(compiled, cursor, pageSize), compiled.params.values);
    const page = rows.slice(0, pageSize);
    const last = page[page.length - 1];
    return {
      runs: page.map((r) => decodeRun(r.state)),
      nextPageToken:
        rows.length > pageSize && last
          ? encodePageToken(
              query.query,
              compiled.order.map((_, i) => last[`k${i}`] ?? null),
            )
          : undefined,
    };
  }

  async countVisibility(query: VisibilityQuery): Promise<number> {
    const compiled = compileVisibilitySql(query.namespace.name, checkListQuery(query.query, query.namespace.searchAttributes, { now: new Date(query.now) }));
    const { rows } = await this.pool.query<{ n: number }>(
      `SELECT count(*)::integer AS n FROM temporal.runs WHERE ${compiled.where}`,
      compiled.params.values.slice(0, compiled.whereParamCount),
    );
    return rows[0]?.n ?? 0;
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

  /**
   * Also learns the earliest deadline after `time` in the same query, so the wake-up after these
   * runs have fired needs no query of its own, and the due runs' states with their newest
   * {@link DUE_TAIL} history events, which it caches unless it holds the run already: a run whose
   * timer fires after months is rarely cached (after a restart none is), and its firing then
   * reads neither its state nor, for the sticky task it schedules, its history.
   */
  async runsDueBy(time: number): Promise<RunRef[]> {
    const rows = await this.deadlineQuery((commits) =>
      this.pool
        .query<{
          namespace: string | null;
          run_id: string | null;
          next_deadline: string | null;
          version: number | null;
          state: Buffer | null;
          first_event: number | null;
          events: Buffer[] | null;
        }>(
          this.statement(
            'runs_due',
            `(SELECT r.namespace, r.run_id, r.next_deadline, r.version, r.state, t.first_event, t.events FROM temporal.runs r
             LEFT JOIN LATERAL (
               SELECT min(n.event_id) AS first_event, array_agg(n.event ORDER BY n.event_id) AS events
                 FROM (SELECT h.event_id, h.event FROM temporal.history_events h
                        WHERE h.namespace = r.namespace AND h.run_id = r.run_id ORDER BY h.event_id DESC LIMIT $3) n
             ) t ON true
             WHERE r.next_deadline IS NOT NULL AND r.next_deadline <= $1 ORDER BY r.next_deadline LIMIT $2)
           UNION ALL
           (SELECT NULL, NULL, min(next_deadline), NULL, NULL, NULL, NULL FROM temporal.runs WHERE next_deadline > $1)`,
            [Math.floor(time), DUE_BATCH, DUE_TAIL],
          ),
        )
        .then(({ rows }) => {
          const due = rows.filter((r) => r.run_id !== null);
          // With a full batch more may be due: the engine asks again, and that answer is cached.
          const after = rows.find((r) => r.run_id === null)?.next_deadline;
          this.deadlineCache =
            due.length < DUE_BATCH ? PgStore.earlier(after === null || after === undefined ? null : Number(after), commits.committed) : undefined;
          return due;
        }),
    );
    return rows.map((r) => {
      const ref = { namespace: r.namespace as string, runId: r.run_id as string };
      // A cached state is as new as this one or newer (a commit may have followed the read).
      if (!this.cache.has(PgStore.key(ref.namespace, ref.runId))) {
        const tail = r.events && r.first_event !== null ? { first: r.first_event, events: r.events } : undefined;
        this.remember(ref.namespace, ref.runId, r.version as number, r.state as Buffer, tail);
      }
      return ref;
    });
  }

  async nextDeadline(): Promise<number | undefined> {
    if (this.deadlineCache !== undefined) return this.deadlineCache ?? undefined;
    const deadline = await this.deadlineQuery(async (commits) => {
      const { rows } = await this.pool.query<{ d: string | null }>(
        this.statement('next_deadline', 'SELECT min(next_deadline) AS d FROM temporal.runs WHERE next_deadline IS NOT NULL', []),
      );
      const value = rows[0]?.d;
      return PgStore.earlier(value === null || value === undefined ? null : Number(value), commits.committed);
    });
    this.deadlineCache = deadline;
    return deadline ?? undefined;
  }

  /**
   * Runs a query of the deadlines, telling it the earliest deadline committed while it ran: its
   * answer may have been read before that commit.
   */
  private async deadlineQuery<T>(query: (commits: { committed: number | null }) => Promise<T>): Promise<T> {
    const commits = { committed: null as number | null };
    this.deadlineQueries.add(commits);
    try {
      return await query(commits);
    } finally {
      this.deadlineQueries.delete(commits);
    }
  }

  private static earlier(a: number | null, b: number | null): number | null {
    return a === null ? b : b === null ? a : Math.min(a, b);
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
      for (const runId of runIds) this.cache.delete(PgStore.key(namespace, runId));
      await client.query('DELETE FROM temporal.history_events WHERE namespace = $1 AND run_id = ANY($2)', [namespace, runIds]);
      await client.query('DELETE FROM temporal.current_runs WHERE namespace = $1 AND run_id = ANY($2)', [namespace, runIds]);
      return rows.length;
    });
  }
}
