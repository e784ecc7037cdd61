import { randomUUID } from 'node:crypto';
import { createTestDatabase, testDatabaseBackends, type DisposableTestDatabase } from '@ketenregie/shared-testing';
import * as machine from '../engine/machine';
import { earliestDeadline, Transition } from '../engine/transition';
import type { RunState } from '../engine/types';
import { InMemoryStore } from './in-memory-store';
import { PgStore } from './pg-store';
import { ConcurrencyConflictError, type RunWrite, type Store } from './store';

/** A new run (WorkflowExecutionStarted, workflow task scheduled) as its creating write. */
function created(runId: string, workflowId = `wf-${runId}`): RunWrite {
  const tr = machine.createRun(
    { namespace: 'default', workflowId, runId, workflowType: 'T', taskQueue: 'q', executionTimeoutMs: 0, runTimeoutMs: 0, taskTimeoutMs: 10_000 },
    1_000,
    randomUUID,
  );
  tr.run.version = 0;
  return { run: tr.run, expectedVersion: null, newEvents: tr.events, makeCurrent: true, nextDeadline: earliestDeadline(tr.run) };
}

/** The write that applies `fn` to a stored run, as the engine builds it. */
function changed(run: RunState, now: number, fn: (tr: Transition) => void): RunWrite {
  const tr = new Transition(structuredClone(run), now, randomUUID);
  fn(tr);
  tr.run.version = run.version + 1;
  return { run: tr.run, expectedVersion: run.version, newEvents: tr.events, nextDeadline: earliestDeadline(tr.run) };
}

type Backend = 'memory' | 'pglite' | 'postgres';
const backends: Backend[] = ['memory', ...testDatabaseBackends()];

describe.each(backends)('Store contract [%s]', (backend) => {
  let database: DisposableTestDatabase | undefined;
  let store: Store;

  beforeAll(async () => {
    if (backend === 'memory') {
      store = new InMemoryStore();
      return;
    }
    database = await createTestDatabase(backend);
    store = await PgStore.open({ url: database.url, poolSize: backend === 'pglite' ? 1 : 4 });
  }, 120_000);

  afterAll(async () => {
    await store?.close();
    await database?.dispose();
  }, 60_000);

  it('commits a run with its history and current pointer, and reads them back', async () => {
    const write = created('r1');
    await store.commit([write]);
    expect(await store.getCurrentRunId('default', write.run.workflowId)).toBe('r1');
    const run = await store.getRun('default', 'r1');
    expect(run).toMatchObject({ runId: 'r1', status: 'Running', version: 0 });
    const history = await store.readHistory('default', 'r1');
    expect(history.map((e) => e.event_id)).toEqual([1]);
    expect(history[0]?.event_type).toBe('EVENT_TYPE_WORKFLOW_EXECUTION_STARTED');
    expect(await store.listRunsWithQueuedTasks()).toEqual(expect.arrayContaining([expect.objectContaining({ runId: 'r1' })]));
  });

  it('refuses a write against a stale version and a second creation of the same run, leaving nothing behind', async () => {
    await store.commit([created('r2')]);
    const run = (await store.getRun('default', 'r2')) as RunState;
    const first = changed(run, 1_100, (tr) => machine.startWorkflowTask(tr, 'q', 'worker', 'req-1'));
    const second = changed(run, 1_100, (tr) => machine.startWorkflowTask(tr, 'q', 'worker', 'req-2'));
    await store.commit([first]);
    await expect(store.commit([second])).rejects.toBeInstanceOf(ConcurrencyConflictError);
    await expect(store.commit([created('r2')])).rejects.toBeInstanceOf(ConcurrencyConflictError);
    expect((await store.readHistory('default', 'r2')).map((e) => e.event_id)).toEqual([1, 2, 3]);
    expect((await store.getRun('default', 'r2'))?.wft.requestId).toBe('req-1');
  });

  it('commits several runs atomically: a conflict in one writes none', async () => {
    await store.commit([created('r3')]);
    const stale = changed((await store.getRun('default', 'r3')) as RunState, 1_100, (tr) => machine.signal(tr, { signal_name: 's' }));
    await store.commit([changed((await store.getRun('default', 'r3')) as RunState, 1_100, (tr) => machine.signal(tr, { signal_name: 's' }))]);
    await expect(store.commit([created('r4'), stale])).rejects.toBeInstanceOf(ConcurrencyConflictError);
    expect(await store.getRun('default', 'r4')).toBeUndefined();
  });

  it('finds runs by their earliest deadline and deletes closed runs after retention', async () => {
    const write = created('r5');
    await store.commit([write]);
    const run = (await store.getRun('default', 'r5')) as RunState;
    const started = changed(run, 2_000, (tr) => machine.startWorkflowTask(tr, 'q', 'worker', 'req'));
    await store.commit([started]);
    // The started task times out 10 s later.
    expect(await store.nextDeadline()).toBeLessThanOrEqual(12_000);
    expect((await store.runsDueBy(12_000)).map((r) => r.runId)).toContain('r5');
    expect((await store.runsDueBy(11_999)).map((r) => r.runId)).not.toContain('r5');

    const terminated = changed((await store.getRun('default', 'r5')) as RunState, 3_000, (tr) => machine.terminate(tr, 'done', undefined, 'test'));
    await store.commit([terminated]);
    expect((await store.runsDueBy(20_000)).map((r) => r.runId)).not.toContain('r5');
    expect(await store.deleteClosedRuns('default', 3_000, 100)).toBe(0);
    expect(await store.deleteClosedRuns('default', 3_001, 100)).toBe(1);
    expect(await store.getRun('default', 'r5')).toBeUndefined();
    expect(await store.readHistory('default', 'r5')).toEqual([]);
    expect(await store.getCurrentRunId('default', 'wf-r5')).toBeUndefined();
  });
});
