import { createTestDatabase, testDatabaseBackends, type DisposableTestDatabase } from '@ketenregie/shared-testing';
import fc from 'fast-check';
import * as machine from '../engine/history/machine';
import type { RunState, RunStatus } from '../model/run-state';
import type { Msg } from '../proto/proto';
import { VisibilityQueryError, type SearchAttributeType } from '../visibility';
import { listFilter } from '../visibility/list-filter.arbitrary';
import { InMemoryStore } from './in-memory-store';
import { PgStore } from './pg-store';
import type { NamespaceRecord, Store, VisibilityQuery } from './store';

// Random list filters against the in-memory store (the reference evaluator) and the PostgreSQL
// store (filter compiled to SQL) on the same runs: same matches, same order, same pages.

const TYPES: Record<string, SearchAttributeType> = {
  Gemeente: 'Keyword',
  Fase: 'Int',
  Score: 'Double',
  Actief: 'Bool',
  Deadline: 'Datetime',
  Labels: 'KeywordList',
  Omschrijving: 'Text',
};
const NAMESPACE: NamespaceRecord = { name: 'default', id: 'ns-default', retentionDays: 1, searchAttributes: TYPES };
const NOW = Date.parse('2024-06-01T12:00:00Z');
const BASE = Date.parse('2024-06-01T00:00:00Z');
const GEMEENTEN = ['Zaanstad', 'Zaandam', 'Purmerend', "O'Dorp", 'edam_%'];
const LABELS = ['nazorg', 'urgent', 'pilot'];
const WORDS = ['overdracht', 'naar', 'gemeente', 'zaanstad', 'schuldhulp', 'GGZ'];
const TYPES_OF_WORKFLOW = ['TrajectWorkflow', 'OverdrachtWorkflow', 'Traject'];
const QUEUES = ['traject', 'exchange'];
const STATUSES: RunStatus[] = ['Running', 'Running', 'Completed', 'Failed', 'Terminated', 'ContinuedAsNew'];

function payload(type: SearchAttributeType, value: unknown): Msg {
  return { metadata: { encoding: Buffer.from('json/plain'), type: Buffer.from(type) }, data: Buffer.from(JSON.stringify(value)) };
}

const runArbitrary = fc.record({
  workflowId: fc.oneof(fc.constantFrom('traject-1', 'traject-2', 'overdracht-1', "it's"), fc.string({ maxLength: 5 })),
  workflowType: fc.constantFrom(...TYPES_OF_WORKFLOW),
  taskQueue: fc.constantFrom(...QUEUES),
  status: fc.constantFrom(...STATUSES),
  // Few distinct instants, so ties on StartTime and CloseTime are common.
  startMinute: fc.integer({ min: 0, max: 5 }),
  delayMinutes: fc.constantFrom(0, 0, 3),
  closeMinute: fc.integer({ min: 6, max: 8 }),
  historyLength: fc.integer({ min: 1, max: 12 }),
  gemeente: fc.option(fc.constantFrom(...GEMEENTEN), { nil: undefined }),
  fase: fc.option(fc.integer({ min: -2, max: 3 }), { nil: undefined }),
  score: fc.option(fc.constantFrom(0.1, 0.5, 2.5, 7), { nil: undefined }),
  actief: fc.option(fc.boolean(), { nil: undefined }),
  deadlineMinute: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
  labels: fc.option(fc.uniqueArray(fc.constantFrom(...LABELS), { maxLength: 3 }), { nil: undefined }),
  omschrijving: fc.option(
    fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }).map((w) => w.join('-')),
    { nil: undefined },
  ),
});

type RunFields = typeof runArbitrary extends fc.Arbitrary<infer T> ? T : never;

function runOf(index: number, f: RunFields): RunState {
  const start = BASE + f.startMinute * 60_000;
  const tr = machine.createRun(
    {
      namespace: 'default',
      workflowId: f.workflowId,
      runId: `run-${String(index).padStart(3, '0')}`,
      workflowType: f.workflowType,
      taskQueue: f.taskQueue,
      executionTimeoutMs: 0,
      runTimeoutMs: 0,
      taskTimeoutMs: 10_000,
      startDelayMs: f.delayMinutes * 60_000,
    },
    start,
    () => 'id',
  );
  const run = tr.run;
  run.status = f.status;
  if (f.status !== 'Running') run.closeTime = BASE + f.closeMinute * 60_000;
  run.nextEventId = f.historyLength + 1;
  const sa: Record<string, Msg> = {};
  if (f.gemeente !== undefined) sa['Gemeente'] = payload('Keyword', f.gemeente);
  if (f.fase !== undefined) sa['Fase'] = payload('Int', f.fase);
  if (f.score !== undefined) sa['Score'] = payload('Double', f.score);
  if (f.actief !== undefined) sa['Actief'] = payload('Bool', f.actief);
  if (f.deadlineMinute !== undefined) sa['Deadline'] = payload('Datetime', new Date(BASE + f.deadlineMinute * 60_000).toISOString());
  if (f.labels !== undefined) sa['Labels'] = payload('KeywordList', f.labels);
  if (f.omschrijving !== undefined) sa['Omschrijving'] = payload('Text', f.omschrijving);
  if (index % 17 === 0) sa['TemporalNamespaceDivision'] = payload('Keyword', 'TemporalScheduler');
  run.searchAttributes = sa;
  return run;
}

const quote = (s: string): string => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
const iso = (minute: number): string => new Date(BASE + minute * 60_000).toISOString();

const comparison = fc.constantFrom('=', '!=', '<', '<=', '>', '>=');
const minute = fc.integer({ min: -1, max: 9 });
/** A datetime literal: whole minutes, sub-millisecond offsets (ns rounding), NOW() - d or Unix ns. */
const datetime = fc.oneof(
  minute.map((m) => quote(iso(m))),
  minute.map((m) => quote(new Date(BASE + m * 60_000).toISOString().replace('.000Z', '.000000500Z'))),
  fc.constantFrom('NOW() - 12h', 'NOW() - 11h57m', 'NOW()', 'NOW() - 690m'),
  minute.map((m) => `${BigInt(BASE + m * 60_000) * 1_000_000n + 1n}`),
);
const keywordColumn = fc.constantFrom('WorkflowId', 'WorkflowType', 'TaskQueue', 'Gemeente', 'RunId');
const keywordValue = fc.constantFrom(...GEMEENTEN, ...TYPES_OF_WORKFLOW, ...QUEUES, 'traject-1', "it's", 'run-010', 'Zaan', '');
const numberColumn = fc.constantFrom('Fase', 'Score', 'HistoryLength');
const numberValue = fc.constantFrom('-2', '0', '1', '2.5', '3', '7', '12', '0.1');
const timeColumn = fc.constantFrom('StartTime', 'CloseTime', 'ExecutionTime', 'Deadline');

const atom: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(keywordColumn, comparison, keywordValue).map(([c, op, v]) => `${c} ${op} ${quote(v)}`),
  fc
    .tuple(keywordColumn, fc.constantFrom('STARTS_WITH', 'NOT STARTS_WITH'), fc.constantFrom('Zaan', 'traject', 'Traject', "it'", 'run-01', 'edam_'))
    .map(([c, op, v]) => `${c} ${op} ${quote(v)}`),
  fc
    .tuple(keywordColumn, fc.constantFrom('IN', 'NOT IN'), fc.uniqueArray(keywordValue, { minLength: 1, maxLength: 3 }))
    .map(([c, op, vs]) => `${c} ${op} (${vs.map(quote).join(', ')})`),
  fc.tuple(numberColumn, comparison, numberValue).map(([c, op, v]) => `${c} ${op} ${v}`),
  fc.tuple(numberColumn, fc.constantFrom('BETWEEN', 'NOT BETWEEN'), numberValue, numberValue).map(([c, op, a, b]) => `${c} ${op} ${a} AND ${b}`),
  fc
    .tuple(numberColumn, fc.constantFrom('IN', 'NOT IN'), fc.uniqueArray(numberValue, { minLength: 1, maxLength: 3 }))
    .map(([c, op, vs]) => `${c} ${op} (${vs.join(', ')})`),
  fc.tuple(timeColumn, comparison, datetime).map(([c, op, v]) => `${c} ${op} ${v}`),
  fc.tuple(timeColumn, fc.constantFrom('BETWEEN', 'NOT BETWEEN'), datetime, datetime).map(([c, op, a, b]) => `${c} ${op} ${a} AND ${b}`),
  fc
    .tuple(fc.constantFrom('ExecutionDuration'), comparison, fc.constantFrom("'1m'", "'3m'", "'00:05:00'", '120000000000'))
    .map(([c, op, v]) => `${c} ${op} ${v}`),
  fc.tuple(fc.constantFrom('Actief'), comparison, fc.boolean()).map(([c, op, v]) => `${c} ${op} ${v}`),
  fc.tuple(fc.constantFrom('=', '!='), fc.constantFrom(...LABELS, 'geen')).map(([op, v]) => `Labels ${op} ${quote(v)}`),
  fc
    .tuple(fc.constantFrom('IN', 'NOT IN'), fc.uniqueArray(fc.constantFrom(...LABELS), { minLength: 1, maxLength: 2 }))
    .map(([op, vs]) => `Labels ${op} (${vs.map(quote).join(', ')})`),
  fc.tuple(fc.constantFrom('=', '!='), fc.constantFrom('zaanstad', 'GGZ naar', 'Overdracht', 'elders')).map(([op, v]) => `Omschrijving ${op} ${quote(v)}`),
  fc
    .tuple(
      fc.constantFrom('ExecutionStatus'),
      comparison,
      fc.constantFrom("'Running'", "'Completed'", "'WORKFLOW_EXECUTION_STATUS_FAILED'", '5', "'ContinuedAsNew'"),
    )
    .map(([c, op, v]) => `${c} ${op} ${v}`),
  fc
    .tuple(
      fc.constantFrom(
        'Gemeente',
        'Fase',
        'Score',
        'Actief',
        'Deadline',
        'Labels',
        'Omschrijving',
        'CloseTime',
        'ExecutionDuration',
        'TemporalNamespaceDivision',
      ),
      fc.constantFrom('IS NULL', 'IS NOT NULL'),
    )
    .map(([c, op]) => `${c} ${op}`),
);

const expr = listFilter(atom);
const orderBy = fc.constantFrom(
  '',
  '',
  ' ORDER BY Fase',
  ' ORDER BY Score DESC, Gemeente',
  ' ORDER BY Gemeente DESC',
  ' ORDER BY CloseTime',
  ' ORDER BY StartTime ASC, WorkflowId DESC',
  ' ORDER BY Deadline DESC',
  ' ORDER BY Actief, HistoryLength DESC',
  ' ORDER BY ExecutionStatus',
);
const listQuery = fc.tuple(fc.option(expr, { nil: undefined }), orderBy).map(([where, order]) => `${where ?? ''}${order}`.trim());

async function listAll(store: Store, query: VisibilityQuery, pageSize: number): Promise<string[]> {
  const ids: string[] = [];
  let token: Uint8Array | undefined;
  for (let pages = 0; pages < 1_000; pages++) {
    const page = await store.listVisibility(query, pageSize, token);
    expect(page.runs.length).toBeLessThanOrEqual(pageSize);
    ids.push(...page.runs.map((r) => r.runId));
    if (!page.nextPageToken) return ids;
    token = page.nextPageToken;
  }
  throw new Error('too many pages');
}

/** What a store answers for a query: its matches in order, or the error message. */
async function answer(store: Store, query: string, pageSize: number): Promise<{ ids?: string[]; count?: number; error?: string }> {
  const q: VisibilityQuery = { namespace: NAMESPACE, query, now: NOW };
  try {
    return { ids: await listAll(store, q, pageSize), count: await store.countVisibility(q) };
  } catch (error) {
    if (error instanceof VisibilityQueryError) return { error: error.message };
    throw error;
  }
}

describe.each(testDatabaseBackends())('visibility in SQL answers like the in-memory evaluator [%s]', (backend) => {
  let database: DisposableTestDatabase;
  let pg: PgStore;
  const memory = new InMemoryStore();

  beforeAll(async () => {
    database = await createTestDatabase(backend);
    pg = await PgStore.open({ url: database.url, poolSize: 4 });
    const runs = fc.sample(runArbitrary, { numRuns: 160, seed: 20_261_122 }).map((f, i) => runOf(i, f));
    const writes = runs.map((run) => ({ run, expectedVersion: null, newEvents: [], makeCurrent: false }));
    await memory.commit(writes);
    await pg.commit(writes);
  }, 120_000);

  afterAll(async () => {
    await pg?.close();
    await database?.dispose();
  }, 60_000);

  it('returns the same runs in the same order, page by page, and the same count for random filters', async () => {
    await fc.assert(
      fc.asyncProperty(listQuery, fc.integer({ min: 1, max: 70 }), async (query, pageSize) => {
        const expected = await answer(memory, query, 1_000);
        const actual = await answer(pg, query, pageSize);
        expect(actual).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  }, 300_000);

  it('finds some runs and not all for typical filters (the data exercises the filters)', async () => {
    for (const query of [`Gemeente = 'Zaanstad'`, `Labels = 'nazorg'`, `Omschrijving = 'zaanstad'`, `ExecutionStatus = 'Running'`, `StartTime < '${iso(3)}'`]) {
      const { ids } = await answer(pg, query, 1_000);
      expect(ids?.length).toBeGreaterThan(0);
      expect(ids?.length).toBeLessThan(150);
    }
    const all = await answer(pg, '', 1_000);
    expect(all.count).toBe(160 - 10); // every 17th run belongs to the scheduler's division
  });

  it('rejects a page token of another query', async () => {
    const first = await pg.listVisibility({ namespace: NAMESPACE, query: `Fase > 0`, now: NOW }, 2);
    expect(first.nextPageToken).toBeDefined();
    await expect(pg.listVisibility({ namespace: NAMESPACE, query: `Fase < 0`, now: NOW }, 2, first.nextPageToken)).rejects.toBeInstanceOf(VisibilityQueryError);
  });
});
