/**
 * Visibility conformance through the real @temporalio/client and @temporalio/worker:
 * ListWorkflowExecutions and CountWorkflowExecutions with Temporal's list filter language,
 * over workflows that set search attributes at start and upsert them while running, with
 * custom search attributes registered through `--search-attribute` flags.
 */
import { ServiceError, type WorkflowExecutionInfo, WorkflowFailedError, type WorkflowHandle } from '@temporalio/client';
import { type TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, DefaultLogger, type Worker } from '@temporalio/worker';
import { createWorker, startLocalEnv } from './harness';
import { GEMEENTE, LABELS, VISIBILITY_SEARCH_ATTRIBUTES } from './visibility/visibility.search-attributes';
import { dossierWorkflow, type DossierPlan, faseSignal, finishSignal, plainWorkflow } from './visibility/visibility.workflows';

const TASK_QUEUE = 'visibility-conformance';

// Started in this order (2, 3, 4, 1, 5, 6); 2, 3 and 4 close in that order, then 5 and 6; 1 keeps running.
const W1 = 'vis-1-zaanstad'; // running
const W2 = 'vis-2-purmerend'; // completed
const W3 = 'vis-3-zaandam'; // failed
const W4 = 'vis-4-plain'; // completed, other workflow type, no search attributes
const W5 = 'vis-5-edam'; // terminated
const W6 = 'vis-6-volendam'; // canceled

let env: TestWorkflowEnvironment;
let worker: Worker;
let workerRun: Promise<void>;
const handles = new Map<string, WorkflowHandle>();
const startTimes = new Map<string, Date>();
const closeTimes = new Map<string, Date>();

async function ids(query: string, pageSize?: number): Promise<string[]> {
  const out: string[] = [];
  for await (const info of env.client.workflow.list({ query, pageSize })) out.push(info.workflowId);
  return out;
}

async function count(query?: string): Promise<number> {
  return (await env.client.workflow.count(query)).count;
}

/** Visibility is eventually consistent in Temporal: retry an expectation for a few seconds. */
async function eventually(check: () => Promise<void>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/** The gRPC status and message the server answered a rejected query with. */
async function rejection(call: () => Promise<unknown>): Promise<{ code: number; details: string }> {
  try {
    await call();
  } catch (err) {
    expect(err).toBeInstanceOf(ServiceError);
    const cause = (err as ServiceError).cause as unknown as { code: number; details: string };
    return { code: cause.code, details: cause.details };
  }
  throw new Error('expected the server to reject the query');
}

const INVALID_ARGUMENT = 3;

/** An RFC 3339 instant halfway between two others: robust against timestamp precision. */
const between = (a: Date, b: Date): string => new Date((a.getTime() + b.getTime()) / 2).toISOString();

async function startDossier(workflowId: string, gemeente: string, plan: DossierPlan): Promise<WorkflowHandle> {
  const handle = await env.client.workflow.start(dossierWorkflow, {
    taskQueue: TASK_QUEUE,
    workflowId,
    args: [plan],
    typedSearchAttributes: [{ key: GEMEENTE, value: gemeente }],
  });
  handles.set(workflowId, handle);
  return handle;
}

const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  env = await startLocalEnv({ searchAttributes: VISIBILITY_SEARCH_ATTRIBUTES });
  worker = await createWorker(env, TASK_QUEUE, {
    workflowBundle: await bundleWorkflowCode({
      workflowsPath: require.resolve('./visibility/visibility.workflows'),
      logger: new DefaultLogger('ERROR'),
    }),
  });
  workerRun = worker.run();

  const w2 = await startDossier(W2, 'Purmerend', {
    fase: 2,
    score: 5,
    actief: false,
    deadline: '2025-02-01T00:00:00Z',
    labels: ['nazorg'],
    omschrijving: 'Plaatsing bij werkgever in Purmerend',
    end: 'complete',
  });
  await w2.result();
  await pause(5);
  const w3 = await startDossier(W3, 'Zaandam', { fase: 3, end: 'fail' });
  await expect(w3.result()).rejects.toThrow(WorkflowFailedError);
  await pause(5);
  const w4 = await env.client.workflow.start(plainWorkflow, { taskQueue: TASK_QUEUE, workflowId: W4 });
  handles.set(W4, w4);
  await w4.result();
  await pause(5);
  await startDossier(W1, 'Zaanstad', {
    fase: 1,
    score: 7.5,
    actief: true,
    deadline: '2025-03-01T00:00:00Z',
    labels: ['nazorg', 'urgent'],
    omschrijving: 'Overdracht naar gemeente Zaanstad',
    end: 'wait',
  });
  await pause(5);
  const w5 = await startDossier(W5, 'Edam', { fase: 5, end: 'wait' });
  await pause(5);
  const w6 = await startDossier(W6, 'Volendam', { end: 'wait' });
  // Close 5 and 6 only once their first workflow task (with the upsert) is in.
  await eventually(async () => expect(await count(`WorkflowId IN ('${W1}', '${W5}') AND Fase IS NOT NULL`)).toBe(2));
  await eventually(async () => expect((await w6.describe()).historyLength).toBeGreaterThanOrEqual(4));
  await w5.terminate('conformance');
  await pause(5);
  await w6.cancel();
  await expect(w6.result()).rejects.toThrow(WorkflowFailedError);

  for (const [id, handle] of handles) {
    const info = await handle.describe();
    startTimes.set(id, info.startTime);
    if (info.closeTime) closeTimes.set(id, info.closeTime);
  }
  await eventually(async () => expect(await count('CloseTime IS NOT NULL')).toBe(5));
}, 60_000);

afterAll(async () => {
  worker?.shutdown();
  await workerRun;
  await env?.teardown();
});

const start = (id: string): Date => startTimes.get(id) as Date;
const close = (id: string): Date => closeTimes.get(id) as Date;

describe('empty query and default order', () => {
  it('lists every execution, open ones first, then by CloseTime and StartTime descending', async () => {
    expect(await ids('')).toEqual([W1, W6, W5, W4, W3, W2]);
    expect(await count()).toBe(6);
  });

  it('pages through the same order with a small page size', async () => {
    expect(await ids('', 2)).toEqual([W1, W6, W5, W4, W3, W2]);
    expect(await ids(`WorkflowType = 'dossierWorkflow'`, 1)).toEqual([W1, W6, W5, W3, W2]);
  });

  it('returns status and search attributes with each execution', async () => {
    const infos: WorkflowExecutionInfo[] = [];
    for await (const info of env.client.workflow.list({ query: `WorkflowId = '${W1}'` })) infos.push(info);
    expect(infos).toHaveLength(1);
    expect(infos[0].status.name).toBe('RUNNING');
    expect(infos[0].type).toBe('dossierWorkflow');
    expect(infos[0].taskQueue).toBe(TASK_QUEUE);
    expect(infos[0].typedSearchAttributes.get(GEMEENTE)).toBe('Zaanstad');
    expect(infos[0].typedSearchAttributes.get(LABELS)).toEqual(['nazorg', 'urgent']);
  });
});

describe('system attributes', () => {
  it('filters WorkflowType with = and !=', async () => {
    expect(await ids(`WorkflowType = 'plainWorkflow'`)).toEqual([W4]);
    expect(await ids(`WorkflowType != 'plainWorkflow'`)).toEqual([W1, W6, W5, W3, W2]);
  });

  it('filters WorkflowId with =, IN, NOT IN and STARTS_WITH, RunId and TaskQueue with =', async () => {
    expect(await ids(`WorkflowId = '${W3}'`)).toEqual([W3]);
    expect(await ids(`WorkflowId IN ('${W2}', '${W4}', 'vis-missing')`)).toEqual([W4, W2]);
    expect(await ids(`WorkflowId NOT IN ('${W2}', '${W4}')`)).toEqual([W1, W6, W5, W3]);
    expect(await ids(`WorkflowId STARTS_WITH 'vis-5'`)).toEqual([W5]);
    expect(await ids(`WorkflowId NOT STARTS_WITH 'vis-5'`)).toEqual([W1, W6, W4, W3, W2]);
    const runId = (await handles.get(W3)?.describe())?.runId;
    expect(await ids(`RunId = '${runId}'`)).toEqual([W3]);
    expect(await ids(`TaskQueue = "${TASK_QUEUE}"`)).toHaveLength(6);
    expect(await ids(`TaskQueue = 'elders'`)).toEqual([]);
  });

  it('filters ExecutionStatus by every closed and open status', async () => {
    expect(await ids(`ExecutionStatus = 'Running'`)).toEqual([W1]);
    expect(await ids(`ExecutionStatus = 'Completed'`)).toEqual([W4, W2]);
    expect(await ids(`ExecutionStatus = 'Failed'`)).toEqual([W3]);
    expect(await ids(`ExecutionStatus = 'Terminated'`)).toEqual([W5]);
    expect(await ids(`ExecutionStatus = 'Canceled'`)).toEqual([W6]);
    expect(await ids(`ExecutionStatus IN ('Failed', 'Terminated')`)).toEqual([W5, W3]);
    expect(await count(`ExecutionStatus != 'Running'`)).toBe(5);
  });

  it('compares StartTime and ExecutionTime with <, <=, >, >= and BETWEEN', async () => {
    const after4 = between(start(W4), start(W1));
    const before3 = between(start(W2), start(W3));
    expect(await ids(`StartTime > '${after4}'`)).toEqual([W1, W6, W5]);
    expect(await ids(`StartTime >= '${after4}'`)).toEqual([W1, W6, W5]);
    expect(await ids(`StartTime < '${before3}'`)).toEqual([W2]);
    expect(await ids(`StartTime <= '${before3}'`)).toEqual([W2]);
    expect(await ids(`StartTime BETWEEN '${before3}' AND '${after4}'`)).toEqual([W4, W3]);
    expect(await ids(`StartTime NOT BETWEEN '${before3}' AND '${after4}'`)).toEqual([W1, W6, W5, W2]);
    expect(await ids(`ExecutionTime < '${before3}'`)).toEqual([W2]);
  });

  it('reads datetime literals in any zone offset', async () => {
    const at = new Date(between(start(W4), start(W1)));
    const amsterdam = new Date(at.getTime() + 3_600_000).toISOString().replace('Z', '+01:00');
    expect(await ids(`StartTime > '${amsterdam}'`)).toEqual([W1, W6, W5]);
  });

  it('finds open executions with CloseTime IS NULL and compares CloseTime of closed ones', async () => {
    expect(await ids('CloseTime IS NULL')).toEqual([W1]);
    expect(await ids('CloseTime IS NOT NULL')).toEqual([W6, W5, W4, W3, W2]);
    expect(await ids(`CloseTime > '${between(close(W3), close(W4))}'`)).toEqual([W6, W5, W4]);
    expect(await ids(`CloseTime < '${between(close(W3), close(W4))}'`)).toEqual([W3, W2]);
  });

  it('filters HistoryLength with the length each execution reports', async () => {
    for await (const info of env.client.workflow.list({ query: '' })) {
      expect(await ids(`WorkflowId = '${info.workflowId}' AND HistoryLength = ${info.historyLength}`)).toEqual([info.workflowId]);
      expect(await ids(`WorkflowId = '${info.workflowId}' AND HistoryLength > ${info.historyLength}`)).toEqual([]);
    }
  });
});

describe('custom search attributes registered with --search-attribute', () => {
  it('Keyword: =, !=, <, >, STARTS_WITH, NOT STARTS_WITH, IN', async () => {
    expect(await ids(`Gemeente = 'Zaanstad'`)).toEqual([W1]);
    expect(await ids(`Gemeente != 'Zaanstad'`)).toEqual([W6, W5, W3, W2]);
    expect(await ids(`Gemeente > 'Purmerend'`)).toEqual([W1, W6, W3]);
    expect(await ids(`Gemeente < 'Purmerend'`)).toEqual([W5]);
    expect(await ids(`Gemeente STARTS_WITH 'Zaan'`)).toEqual([W1, W3]);
    expect(await ids(`Gemeente NOT STARTS_WITH 'Zaan'`)).toEqual([W6, W5, W2]);
    expect(await ids(`Gemeente IN ('Edam', 'Volendam')`)).toEqual([W6, W5]);
  });

  it('Int: comparisons, BETWEEN, IN and !=', async () => {
    expect(await ids('Fase >= 2')).toEqual([W5, W3, W2]);
    expect(await ids('Fase < 2')).toEqual([W1]);
    expect(await ids('Fase BETWEEN 1 AND 2')).toEqual([W1, W2]);
    expect(await ids('Fase IN (1, 5)')).toEqual([W1, W5]);
    expect(await ids('Fase != 3')).toEqual([W1, W5, W2]);
  });

  it('Double, Bool and Datetime', async () => {
    expect(await ids('Score < 6')).toEqual([W2]);
    expect(await ids('Score >= 5.5')).toEqual([W1]);
    expect(await ids('Actief = true')).toEqual([W1]);
    expect(await ids('Actief = false')).toEqual([W2]);
    expect(await ids(`Deadline < '2025-02-15T00:00:00Z'`)).toEqual([W2]);
    expect(await ids(`Deadline BETWEEN '2025-01-01T00:00:00Z' AND '2025-03-01T01:00:00+01:00'`)).toEqual([W1, W2]);
  });

  it('KeywordList: = means contains, IN means contains any', async () => {
    expect(await ids(`Labels = 'urgent'`)).toEqual([W1]);
    expect(await ids(`Labels = 'nazorg'`)).toEqual([W1, W2]);
    expect(await ids(`Labels != 'urgent'`)).toEqual([W2]);
    expect(await ids(`Labels IN ('urgent', 'pilot')`)).toEqual([W1]);
    expect(await ids(`Labels NOT IN ('urgent')`)).toEqual([W2]);
  });

  it('Text: = matches a whole word', async () => {
    expect(await ids(`Omschrijving = 'zaanstad'`)).toEqual([W1]);
    expect(await ids(`Omschrijving = 'werkgever'`)).toEqual([W2]);
    expect(await ids(`Omschrijving = 'werk'`)).toEqual([]);
  });

  it('IS NULL and IS NOT NULL', async () => {
    expect(await ids('Gemeente IS NULL')).toEqual([W4]);
    expect(await ids('Fase IS NOT NULL')).toEqual([W1, W5, W3, W2]);
  });
});

describe('AND, OR, NOT and parentheses', () => {
  it('gives AND precedence over OR unless parentheses say otherwise', async () => {
    expect(await ids(`WorkflowType = 'dossierWorkflow' AND (ExecutionStatus = 'Running' OR Fase = 3)`)).toEqual([W1, W3]);
    expect(await ids('Fase = 1 OR Fase = 2 AND Actief = true')).toEqual([W1]);
    expect(await ids('(Fase = 1 OR Fase = 2) AND Actief = false')).toEqual([W2]);
    expect(await ids(`NOT (ExecutionStatus = 'Running')`)).toEqual([W6, W5, W4, W3, W2]);
    expect(await count(`Gemeente STARTS_WITH 'Zaan' OR WorkflowType = 'plainWorkflow'`)).toBe(3);
  });
});

describe('ORDER BY', () => {
  it('sorts by a custom attribute ascending and descending, missing values last', async () => {
    expect(await ids(`WorkflowType = 'dossierWorkflow' ORDER BY Fase ASC`)).toEqual([W1, W2, W3, W5, W6]);
    expect(await ids(`WorkflowType = 'dossierWorkflow' ORDER BY Fase DESC`)).toEqual([W5, W3, W2, W1, W6]);
  });

  it('sorts by system attributes and by several keys', async () => {
    expect(await ids('ORDER BY WorkflowId')).toEqual([W1, W2, W3, W4, W5, W6]);
    expect(await ids('ORDER BY StartTime DESC')).toEqual([W6, W5, W1, W4, W3, W2]);
    expect(await ids('ORDER BY WorkflowType DESC, StartTime ASC')).toEqual([W4, W2, W3, W1, W5, W6]);
  });
});

describe('rejected queries', () => {
  it('answers INVALID_ARGUMENT for unknown attributes, type mismatches and syntax errors', async () => {
    const unknown = await rejection(() => ids(`Onbekend = 'x'`));
    expect(unknown.code).toBe(INVALID_ARGUMENT);
    expect(unknown.details).toContain('invalid search attribute: Onbekend');

    const mismatch = await rejection(() => ids(`Fase = 'een'`));
    expect(mismatch.code).toBe(INVALID_ARGUMENT);
    expect(mismatch.details).toContain('invalid value type for search attribute Fase of type Int');

    const syntax = await rejection(() => count(`WorkflowId = 'a' AND`));
    expect(syntax.code).toBe(INVALID_ARGUMENT);
    expect(syntax.details).toContain('malformed query');

    const operator = await rejection(() => count(`Labels STARTS_WITH 'n'`));
    expect(operator.code).toBe(INVALID_ARGUMENT);
    expect(operator.details).toContain("operator 'STARTS_WITH' not allowed");
  });
});

describe('upserts while running', () => {
  it('shows a search attribute a running workflow upserts after a signal', async () => {
    await handles.get(W1)?.signal(faseSignal, 4);
    await eventually(async () => expect(await ids('Fase = 4')).toEqual([W1]));
    expect(await ids('Fase = 1')).toEqual([]);
    expect(await ids(`Gemeente = 'Zaanstad'`)).toEqual([W1]);
  });

  it('moves a workflow from Running to Completed', async () => {
    const w1 = handles.get(W1) as WorkflowHandle;
    await w1.signal(finishSignal);
    await w1.result();
    await eventually(async () => expect(await count(`ExecutionStatus = 'Running'`)).toBe(0));
    expect(await ids(`ExecutionStatus = 'Completed'`)).toEqual([W1, W4, W2]);
  });
});
