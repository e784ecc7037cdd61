import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Logger } from 'pino';
import type { Clock } from '../clock/clock';
import { duration, fromDuration, packAny, timestamp, type Msg } from '../proto/proto';
import { ConcurrencyConflictError, type NamespaceRecord, type RunWrite, type Store } from '../store/store';
import type { SearchAttributeType } from '../visibility';
import * as machine from './machine';
import { RpcError } from './machine';
import { Matching, type Poller, type TaskRef } from './matching';
import {
  indexedValueType,
  payloadType,
  PREDEFINED_SEARCH_ATTRIBUTES,
  SYSTEM_SEARCH_ATTRIBUTES,
  withTypeMetadata,
} from '../model/search-attributes';
import { attributesField, cloneRun, earliestDeadline, Transition, type Effect } from './transition';
import type { RunState, RunStatus, Transfer } from '../model/run-state';

const POLL_TIMEOUT_MS = 60_000;
const GRPC_CODES: Record<RpcError['code'], number> = { NOT_FOUND: 5, INVALID_ARGUMENT: 3, ALREADY_EXISTS: 6, FAILED_PRECONDITION: 9, UNIMPLEMENTED: 12 };
const HISTORY_LONG_POLL_MS = 20_000;
const UPDATE_LONG_POLL_MS = 10_000;

/** Task token contents (opaque to SDKs). */
type TaskToken =
  | { k: 'w'; ns: string; r: string; t: number }
  | { k: 'a'; ns: string; r: string; s: number; t: number }
  | { k: 'q'; ns: string; q: string };

/**
 * A workflow task started for a waiting poll in the commit that scheduled it: the run as
 * committed and the task. `check`: the poll had ended, so whoever takes it next must see that
 * the task is still the run's started one.
 */
interface StartedForPoll {
  run: RunState;
  task: machine.StartedWorkflowTask;
  check?: boolean;
}

interface PendingQuery {
  id: string;
  namespace: string;
  runId: string;
  query: Msg;
  state: 'waiting' | 'attached' | 'dispatched' | 'taken';
  attachedToken?: number;
  resolve(result: Msg): void;
  reject(error: Error): void;
}

/** Options of an engine. */
export interface EngineOptions {
  store: Store;
  clock: Clock;
  logger: Logger;
  /**
   * Delete closed runs once they have been closed this long (ms), overriding every namespace's
   * retention. Without it each namespace's `retentionDays` applies.
   */
  retentionMs?: number;
  /** Run retention sweeps (default true; the time-skipping test server keeps everything). */
  retention?: boolean;
}

const RETENTION_SWEEP_MS = 60_000;
/** A sticky queue counts as polled this long after a poll on it started. */
const STICKY_POLLER_GRACE_MS = 10_000;
/** Runs whose deadlines are fired concurrently. */
const TIMER_CONCURRENCY = 16;
/** Delay before deadlines whose processing failed are tried again. */
const FIRE_RETRY_MS = 1000;
/**
 * Least time between the starts of two passes over due deadlines (on the wall clock). Deadlines
 * a few milliseconds apart then share a pass, its due-runs query and its commits, at the price
 * of firing up to this much later.
 */
const TIMER_PASS_INTERVAL_MS = 20;
const RETENTION_BATCH = 1000;

const STATUS_ENUM: Record<RunStatus, string> = {
  Running: 'WORKFLOW_EXECUTION_STATUS_RUNNING',
  Completed: 'WORKFLOW_EXECUTION_STATUS_COMPLETED',
  Failed: 'WORKFLOW_EXECUTION_STATUS_FAILED',
  Canceled: 'WORKFLOW_EXECUTION_STATUS_CANCELED',
  Terminated: 'WORKFLOW_EXECUTION_STATUS_TERMINATED',
  ContinuedAsNew: 'WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW',
  TimedOut: 'WORKFLOW_EXECUTION_STATUS_TIMED_OUT',
};

function encodeToken(token: TaskToken): Buffer {
  return Buffer.from(JSON.stringify(token));
}

function decodeToken(bytes: Buffer | undefined): TaskToken {
  try {
    return JSON.parse(Buffer.from(bytes ?? []).toString('utf8')) as TaskToken;
  } catch {
    throw new RpcError('INVALID_ARGUMENT', 'Invalid task token.');
  }
}

/**
 * The server's behaviour: RPC semantics on top of the pure run state machine (`machine.ts`),
 * the store, task matching, timers and time skipping.
 */
export class Engine {
  readonly store: Store;
  readonly clock: Clock;
  private readonly logger: Logger;
  private readonly matching = new Matching();
  private readonly changes = new EventEmitter();
  private readonly queries = new Map<string, PendingQuery>();
  /** Runs whose outbox is being processed; true when another pass was requested meanwhile. */
  private readonly transferring = new Map<string, boolean>();
  private timerHandle: NodeJS.Timeout | undefined;
  private timerArmedFor: number | undefined;
  private firing = false;
  /** When the last pass over due deadlines started (clock ms). */
  private lastPassAt = Number.NEGATIVE_INFINITY;
  private refire = false;
  private stopped = false;
  /** Time-skipping lock count; time only jumps at 0. */
  private lockCount = 1;
  private readonly sleepers: { until: number; resolve(): void }[] = [];
  private skipScheduled = false;
  private readonly retentionMs: number | undefined;
  private readonly retentionEnabled: boolean;
  private retentionHandle: NodeJS.Timeout | undefined;

  constructor(options: EngineOptions) {
    this.store = options.store;
    this.clock = options.clock;
    this.logger = options.logger;
    this.retentionMs = options.retentionMs;
    this.retentionEnabled = options.retention ?? true;
    this.changes.setMaxListeners(0);
  }

  /** Registers namespaces and rebuilds task queues and timers from the store. */
  async start(namespaces: string[], searchAttributes: Record<string, SearchAttributeType>): Promise<void> {
    for (const name of namespaces) {
      const existing = await this.store.getNamespace(name);
      await this.store.putNamespace({
        name,
        id: existing?.id ?? randomUUID(),
        retentionDays: existing?.retentionDays ?? 1,
        searchAttributes: { ...PREDEFINED_SEARCH_ATTRIBUTES, ...(existing?.searchAttributes ?? {}), ...searchAttributes },
      });
    }
    for (const run of await this.store.listRunsWithQueuedTasks()) {
      if (run.status !== 'Running') continue;
      if (run.wft.state === 'scheduled') this.matching.add(run.namespace, 'workflow', run.wft.taskQueue, { kind: 'workflow', runId: run.runId });
      for (const activity of Object.values(run.activities)) {
        if (activity.state === 'scheduled') {
          this.matching.add(run.namespace, 'activity', activity.taskQueue, { kind: 'activity', runId: run.runId, scheduledEventId: activity.scheduledEventId });
        }
      }
    }
    for (const run of await this.store.listRunsWithTransfers()) await this.processTransfers(run.namespace, run.runId);
    await this.armTimer();
    if (this.retentionEnabled) {
      await this.sweepRetention();
      const every = this.retentionMs === undefined ? RETENTION_SWEEP_MS : Math.min(RETENTION_SWEEP_MS, Math.max(1000, this.retentionMs / 4));
      this.retentionHandle = setInterval(() => void this.sweepRetention(), every);
      this.retentionHandle.unref();
    }
  }

  /** Deletes the closed runs of every namespace whose retention period has passed. */
  async sweepRetention(): Promise<number> {
    let deleted = 0;
    try {
      for (const record of await this.store.listNamespaces()) {
        const retentionMs = this.retentionMs ?? record.retentionDays * 86_400_000;
        const closedBefore = this.clock.now() - retentionMs;
        for (;;) {
          const count = await this.store.deleteClosedRuns(record.name, closedBefore, RETENTION_BATCH);
          deleted += count;
          if (count < RETENTION_BATCH || this.stopped) break;
        }
      }
    } catch (error) {
      this.logger.error({ err: error }, 'retention sweep failed');
    }
    if (deleted > 0) this.logger.info({ deleted }, 'closed runs deleted after their retention period');
    return deleted;
  }

  /** Stops timers and fails outstanding waits. */
  stop(): void {
    this.stopped = true;
    if (this.timerHandle) clearTimeout(this.timerHandle);
    if (this.retentionHandle) clearInterval(this.retentionHandle);
    for (const query of this.queries.values()) query.reject(new RpcError('FAILED_PRECONDITION', 'server stopping'));
    this.queries.clear();
    this.changes.emit('stop');
  }

  // ---------------------------------------------------------------- namespaces

  async namespace(name: string): Promise<NamespaceRecord> {
    const record = await this.store.getNamespace(name || 'default');
    if (!record) {
      throw new RpcError('NOT_FOUND', `Namespace ${name} is not found.`, {
        typeName: 'temporal.api.errordetails.v1.NamespaceNotFoundFailure',
        body: { namespace: name },
      });
    }
    return record;
  }

  async registerNamespace(name: string, retentionDays: number): Promise<void> {
    if (await this.store.getNamespace(name)) {
      throw new RpcError('ALREADY_EXISTS', 'Namespace already exists.', {
        typeName: 'temporal.api.errordetails.v1.NamespaceAlreadyExistsFailure',
        body: {},
      });
    }
    await this.store.putNamespace({ name, id: randomUUID(), retentionDays, searchAttributes: { ...PREDEFINED_SEARCH_ATTRIBUTES } });
  }

  async addSearchAttributes(namespace: string, attributes: Record<string, SearchAttributeType>): Promise<void> {
    const record = await this.namespace(namespace);
    await this.store.putNamespace({ ...record, searchAttributes: { ...record.searchAttributes, ...attributes } });
  }

  async removeSearchAttributes(namespace: string, names: string[]): Promise<void> {
    const record = await this.namespace(namespace);
    const searchAttributes = { ...record.searchAttributes };
    for (const name of names) delete searchAttributes[name];
    await this.store.putNamespace({ ...record, searchAttributes });
  }

  /** Checks attributes against the namespace's registered ones and sets their type metadata. */
  private normalizeSearchAttributes(record: NamespaceRecord, fields: Record<string, Msg> | undefined, strict: boolean): Record<string, Msg> | undefined {
    if (!fields) return undefined;
    const out: Record<string, Msg> = {};
    for (const [name, payload] of Object.entries(fields)) {
      const type = record.searchAttributes[name] ?? payloadType(payload);
      if (!record.searchAttributes[name] && strict) {
        throw new RpcError('INVALID_ARGUMENT', `Namespace ${record.name} has no mapping defined for search attribute ${name}`);
      }
      out[name] = type ? withTypeMetadata(payload, type) : payload;
    }
    return out;
  }

  // ---------------------------------------------------------------- run access and mutation

  private async resolveRunId(namespace: string, execution: Msg | undefined): Promise<string> {
    const runId = execution?.run_id || (await this.store.getCurrentRunId(namespace, execution?.workflow_id ?? ''));
    if (!runId) throw new RpcError('NOT_FOUND', `workflow not found for ID: ${String(execution?.workflow_id)}`);
    return runId;
  }

  async getRun(namespace: string, execution: Msg | undefined): Promise<RunState> {
    const runId = await this.resolveRunId(namespace, execution);
    const run = await this.store.getRun(namespace, runId);
    if (!run || (execution?.workflow_id && run.workflowId !== execution.workflow_id)) {
      throw new RpcError('NOT_FOUND', `workflow not found for ID: ${String(execution?.workflow_id)}`);
    }
    return run;
  }

  /** A transition over a private copy of a stored run. */
  private newTransition(run: RunState): Transition {
    return new Transition(cloneRun(run), this.clock.now(), randomUUID);
  }

  private writesOf(tr: Transition): RunWrite[] {
    const writes: RunWrite[] = [];
    tr.run.version = (tr.expectedVersion ?? -1) + 1;
    writes.push({
      run: tr.run,
      expectedVersion: tr.expectedVersion,
      newEvents: tr.events,
      makeCurrent: tr.expectedVersion === null,
      nextDeadline: earliestDeadline(tr.run),
    });
    for (const extra of tr.extraRuns) {
      writes.push({ run: extra.run, expectedVersion: null, newEvents: extra.events, makeCurrent: true, nextDeadline: earliestDeadline(extra.run) });
    }
    return writes;
  }

  /**
   * Commits transitions atomically, then runs their effects. A workflow task they schedule for a
   * queue with a waiting poll is started in the same commit and handed to that poll, saving the
   * poll a commit of its own.
   */
  private async commit(transitions: Transition[]): Promise<void> {
    const handoffs = this.startForWaitingPolls(transitions);
    try {
      await this.store.commit(transitions.flatMap((tr) => this.writesOf(tr)));
    } catch (error) {
      for (const h of handoffs) this.matching.giveBack(h.namespace, 'workflow', h.queue, h.poller);
      throw error;
    }
    for (const h of handoffs) {
      const ref: TaskRef = { kind: 'workflow', runId: h.started.run.runId, started: h.started };
      if (!h.poller.resolve(ref)) this.matching.add(h.namespace, 'workflow', h.queue, Engine.requeued(ref));
    }
    for (const tr of transitions) await this.runEffects(tr.effects);
    for (const tr of transitions) {
      for (const run of [tr.run, ...tr.extraRuns.map((extra) => extra.run)]) {
        if (run.transfers.length > 0) await this.processTransfers(run.namespace, run.runId);
      }
    }
    await this.armTimer();
    this.scheduleSkip();
  }

  /**
   * Starts, within each transition, a workflow task it newly schedules on a queue where a poll
   * is waiting, claiming that poll; the task's dispatch effect is dropped.
   */
  private startForWaitingPolls(transitions: Transition[]): { namespace: string; queue: string; poller: Poller; started: StartedForPoll }[] {
    const handoffs: { namespace: string; queue: string; poller: Poller; started: StartedForPoll }[] = [];
    for (const tr of transitions) {
      const run = tr.run;
      if (run.status !== 'Running' || run.wft.state !== 'scheduled') continue;
      const queue = run.wft.taskQueue;
      const dispatch = tr.effects.findIndex((e) => e.kind === 'workflowTask' && e.runId === run.runId && e.taskQueue === queue);
      if (dispatch < 0) continue;
      const poller = this.matching.claimPoller(run.namespace, 'workflow', queue);
      if (!poller) continue;
      const task = machine.startWorkflowTask(tr, queue, poller.identity, randomUUID());
      if (!task) {
        this.matching.giveBack(run.namespace, 'workflow', queue, poller);
        continue;
      }
      tr.effects.splice(dispatch, 1);
      handoffs.push({ namespace: run.namespace, queue, poller, started: { run, task } });
    }
    return handoffs;
  }

  /** Read-modify-commit of one run, retried on concurrent modification. */
  private async mutate<T>(namespace: string, runId: string, apply: (tr: Transition) => T): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const run = await this.store.getRun(namespace, runId);
      if (!run) throw new RpcError('NOT_FOUND', `workflow run ${runId} not found`);
      const tr = this.newTransition(run);
      const result = apply(tr);
      try {
        await this.commit([tr]);
        return result;
      } catch (error) {
        if (error instanceof ConcurrencyConflictError && attempt < 10) continue;
        throw error;
      }
    }
  }

  private async runEffects(effects: Effect[]): Promise<void> {
    for (const effect of effects) {
      try {
        await this.runEffect(effect);
      } catch (error) {
        this.logger.error({ err: error, effect: effect.kind }, 'effect failed');
      }
    }
  }

  private async runEffect(effect: Effect): Promise<void> {
    switch (effect.kind) {
      case 'workflowTask':
        if (await this.stickyWorkerGone(effect.namespace, effect.runId, effect.taskQueue)) {
          await this.mutate(effect.namespace, effect.runId, (tr) => machine.unstickWorkflowTask(tr));
          return;
        }
        this.matching.add(effect.namespace, 'workflow', effect.taskQueue, { kind: 'workflow', runId: effect.runId });
        return;
      case 'activityTask':
        this.matching.add(effect.namespace, 'activity', effect.taskQueue, { kind: 'activity', runId: effect.runId, scheduledEventId: effect.scheduledEventId });
        return;
      case 'runChanged':
        await this.pumpQueries(effect.namespace, effect.runId);
        this.changes.emit(effect.runId);
        return;
      case 'queriesFailed':
        return;
    }
  }

  /**
   * Whether a workflow task is scheduled on a sticky queue nobody polls (no waiting poll, none
   * started in the last {@link STICKY_POLLER_GRACE_MS}): like Temporal's matching answering
   * "sticky worker unavailable", the task then goes to the normal queue at once instead of after
   * the sticky schedule-to-start timeout (e.g. after a server restart or a worker that left).
   */
  private async stickyWorkerGone(namespace: string, runId: string, taskQueue: string): Promise<boolean> {
    if (this.clock.skipping) return false;
    // The poller check first: it is cheap, and true for nearly every task.
    if (this.matching.hasLivePoller(namespace, 'workflow', taskQueue, this.clock.now(), STICKY_POLLER_GRACE_MS)) return false;
    const run = await this.store.getRun(namespace, runId);
    return !!run && run.wft.state === 'scheduled' && run.wft.sticky && run.wft.taskQueue === taskQueue;
  }

  /** Runs the outbox of a run, one transfer after another; re-entrant calls only flag a rerun. */
  private async processTransfers(namespace: string, runId: string): Promise<void> {
    const key = `${namespace}\u0000${runId}`;
    if (this.transferring.has(key)) {
      this.transferring.set(key, true);
      return;
    }
    this.transferring.set(key, false);
    try {
      for (;;) {
        const run = await this.store.getRun(namespace, runId);
        for (const transfer of run?.transfers ?? []) {
          try {
            await this.runTransfer(namespace, runId, transfer);
            await this.mutate(namespace, runId, (tr) => {
              tr.run.transfers = tr.run.transfers.filter((t) => t.id !== transfer.id);
            });
          } catch (error) {
            this.logger.error({ err: error, transfer: transfer.kind, runId }, 'transfer failed');
          }
        }
        if (!this.transferring.get(key)) return;
        this.transferring.set(key, false);
      }
    } finally {
      this.transferring.delete(key);
    }
  }

  /** One transfer; each kind is idempotent, so a resumed outbox may repeat it safely. */
  private async runTransfer(ownerNamespace: string, ownerRunId: string, transfer: Transfer): Promise<void> {
    switch (transfer.kind) {
      case 'startChild':
        await this.startChild(transfer.parentNamespace, transfer.parentRunId, transfer.initiatedEventId, transfer.attributes);
        return;
      case 'notifyParent': {
        const { parent } = transfer;
        const parentRun = await this.store.getRun(parent.namespace, parent.runId);
        if (!parentRun || parentRun.status !== 'Running') return;
        await this.mutate(parent.namespace, parent.runId, (tr) =>
          machine.childClosed(tr, parent.initiatedEventId, { workflow_id: transfer.childWorkflowId, run_id: transfer.childRunId }, transfer.workflowType, transfer.closeEvent),
        );
        return;
      }
      case 'signalExternal': {
        const a = transfer.attributes;
        const ok = await this.deliverExternal(a.namespace, a.execution?.workflow_id, a.execution?.run_id, (tr) =>
          machine.signal(
            tr,
            { signal_name: a.signal_name, input: a.input, header: a.header, identity: '', request_id: `${transfer.runId}/${transfer.initiatedEventId}` },
            { workflow_id: '', run_id: transfer.runId },
          ),
        );
        await this.mutate(transfer.namespace, transfer.runId, (tr) => machine.externalRequestResolved(tr, 'signal', transfer.initiatedEventId, ok));
        return;
      }
      case 'cancelExternal': {
        const a = transfer.attributes;
        const source = await this.store.getRun(transfer.namespace, transfer.runId);
        const ok = await this.deliverExternal(a.namespace, a.workflow_id, a.run_id, (tr) =>
          machine.requestCancel(tr, { reason: a.reason }, { initiatedEventId: transfer.initiatedEventId, execution: { workflow_id: source?.workflowId, run_id: transfer.runId } }),
        );
        await this.mutate(transfer.namespace, transfer.runId, (tr) => machine.externalRequestResolved(tr, 'cancel', transfer.initiatedEventId, ok));
        return;
      }
      case 'parentClosed':
        for (const child of transfer.children) {
          const runId = await this.store.getCurrentRunId(child.namespace, child.workflowId);
          if (!runId) continue;
          const run = await this.store.getRun(child.namespace, runId);
          if (!run || run.status !== 'Running' || run.parent?.runId !== ownerRunId || run.parent.namespace !== ownerNamespace) continue;
          if (child.parentClosePolicy === 'PARENT_CLOSE_POLICY_REQUEST_CANCEL') {
            await this.mutate(child.namespace, runId, (tr) => machine.requestCancel(tr, { reason: transfer.reason }));
          } else {
            await this.mutate(child.namespace, runId, (tr) => machine.terminate(tr, 'by parent close policy', undefined, undefined));
          }
        }
        return;
    }
  }

  private async deliverExternal(namespace: string, workflowId: string, runId: string | undefined, apply: (tr: Transition) => void): Promise<boolean> {
    const target = runId || (await this.store.getCurrentRunId(namespace, workflowId));
    if (!target) return false;
    const run = await this.store.getRun(namespace, target);
    if (!run || run.status !== 'Running' || run.workflowId !== workflowId) return false;
    await this.mutate(namespace, target, apply);
    return true;
  }

  private async startChild(parentNamespace: string, parentRunId: string, initiatedEventId: number, a: Msg): Promise<void> {
    const namespace: string = a.namespace;
    const record = await this.store.getNamespace(namespace);
    const currentId = record ? await this.store.getCurrentRunId(namespace, a.workflow_id) : undefined;
    const current = currentId ? await this.store.getRun(namespace, currentId) : undefined;
    if (current?.parent?.runId === parentRunId && current.parent.initiatedEventId === initiatedEventId) {
      // Started by an earlier pass of this transfer; only the parent's record may be missing.
      await this.mutate(parentNamespace, parentRunId, (tr) =>
        machine.childStarted(tr, initiatedEventId, { workflow_id: a.workflow_id, run_id: current.firstExecutionRunId }, a.workflow_type?.name, a.header),
      );
      return;
    }
    const blocked = !record || (current !== undefined && (current.status === 'Running' || !this.reuseAllowed(a.workflow_id_reuse_policy, current.status)));
    if (blocked) {
      await this.mutate(parentNamespace, parentRunId, (tr) =>
        machine.childStartFailed(tr, initiatedEventId, 'START_CHILD_WORKFLOW_EXECUTION_FAILED_CAUSE_WORKFLOW_ALREADY_EXISTS'),
      );
      return;
    }
    const parentRun = await this.store.getRun(parentNamespace, parentRunId);
    if (!parentRun || parentRun.status !== 'Running') return;
    const runId = randomUUID();
    const created = machine.createRun(
      {
        namespace,
        workflowId: a.workflow_id,
        runId,
        workflowType: a.workflow_type?.name,
        taskQueue: a.task_queue?.name,
        input: a.input,
        header: a.header,
        memo: a.memo,
        searchAttributes: this.normalizeSearchAttributes(record, a.search_attributes?.indexed_fields, false),
        executionTimeoutMs: fromDuration(a.workflow_execution_timeout),
        runTimeoutMs: fromDuration(a.workflow_run_timeout),
        taskTimeoutMs: fromDuration(a.workflow_task_timeout),
        retryPolicy: a.retry_policy,
        parent: { namespace: parentNamespace, workflowId: parentRun.workflowId, runId: parentRunId, initiatedEventId },
        idReusePolicy: a.workflow_id_reuse_policy,
      },
      this.clock.now(),
      randomUUID,
    );
    await this.commit([created]);
    await this.mutate(parentNamespace, parentRunId, (tr) =>
      machine.childStarted(tr, initiatedEventId, { workflow_id: a.workflow_id, run_id: runId }, a.workflow_type?.name, a.header),
    );
  }

  private reuseAllowed(policy: string | undefined, status: RunStatus): boolean {
    switch (policy) {
      case 'WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE':
        return false;
      case 'WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE_FAILED_ONLY':
        return status !== 'Completed' && status !== 'ContinuedAsNew';
      default:
        return true;
    }
  }

  // ---------------------------------------------------------------- waiting for change

  /** Resolves when the run changes, the timeout passes or the signal aborts. */
  private waitForChange(runId: string, timeoutMs: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.changes.off(runId, done);
        this.changes.off('stop', done);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, timeoutMs));
      this.changes.on(runId, done);
      this.changes.on('stop', done);
      signal?.addEventListener('abort', done, { once: true });
    });
  }

  // ---------------------------------------------------------------- start, signal, cancel, terminate

  private alreadyStarted(workflowId: string, run: RunState, requestId: string): RpcError {
    return new RpcError('ALREADY_EXISTS', `Workflow execution is already running. WorkflowId: ${workflowId}, RunId: ${run.runId}.`, {
      typeName: 'temporal.api.errordetails.v1.WorkflowExecutionAlreadyStartedFailure',
      body: { start_request_id: requestId, run_id: run.runId, first_execution_run_id: run.firstExecutionRunId },
    });
  }

  /** StartWorkflowExecution and SignalWithStartWorkflowExecution. */
  async startWorkflow(request: Msg, signal?: Msg, update?: Msg): Promise<{ runId: string; started: boolean }> {
    const record = await this.namespace(request.namespace);
    const workflowId: string = request.workflow_id;
    if (!workflowId) throw new RpcError('INVALID_ARGUMENT', 'WorkflowId is not set on request.');
    if (!request.workflow_type?.name) throw new RpcError('INVALID_ARGUMENT', 'WorkflowType is not set on request.');
    if (!request.task_queue?.name) throw new RpcError('INVALID_ARGUMENT', 'TaskQueue is not set on request.');
    const requestId: string = request.request_id || randomUUID();
    const searchAttributes = this.normalizeSearchAttributes(record, request.search_attributes?.indexed_fields, true);
    for (let attempt = 0; ; attempt++) {
      const currentId = await this.store.getCurrentRunId(record.name, workflowId);
      const current = currentId ? await this.store.getRun(record.name, currentId) : undefined;
      const transitions: Transition[] = [];
      let reusePolicy: string | undefined = request.workflow_id_reuse_policy;
      let conflictPolicy: string | undefined = request.workflow_id_conflict_policy;
      if (reusePolicy === 'WORKFLOW_ID_REUSE_POLICY_TERMINATE_IF_RUNNING') {
        reusePolicy = 'WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE';
        conflictPolicy = 'WORKFLOW_ID_CONFLICT_POLICY_TERMINATE_EXISTING';
      }
      if (current?.status === 'Running') {
        if (current.requestIds.includes(requestId)) return { runId: current.runId, started: true };
        if (update && conflictPolicy === 'WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING') {
          if (!current.updates[update.meta?.update_id]) await this.mutate(record.name, current.runId, (tr) => machine.admitUpdate(tr, update));
          return { runId: current.runId, started: false };
        }
        if (signal) {
          await this.mutate(record.name, current.runId, (tr) => machine.signal(tr, signal));
          return { runId: current.runId, started: false };
        }
        if (conflictPolicy === 'WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING') return { runId: current.runId, started: false };
        if (conflictPolicy !== 'WORKFLOW_ID_CONFLICT_POLICY_TERMINATE_EXISTING') throw this.alreadyStarted(workflowId, current, requestId);
        const terminating = this.newTransition(current);
        machine.terminate(terminating, 'terminated by new start (TERMINATE_EXISTING)', undefined, request.identity);
        transitions.push(terminating);
      } else if (current && !this.reuseAllowed(reusePolicy, current.status)) {
        throw this.alreadyStarted(workflowId, current, requestId);
      }
      const runId = randomUUID();
      const created = machine.createRun(
        {
          namespace: record.name,
          workflowId,
          runId,
          workflowType: request.workflow_type.name,
          taskQueue: request.task_queue.name,
          input: request.input,
          header: request.header,
          memo: request.memo,
          searchAttributes,
          executionTimeoutMs: fromDuration(request.workflow_execution_timeout),
          runTimeoutMs: fromDuration(request.workflow_run_timeout),
          taskTimeoutMs: fromDuration(request.workflow_task_timeout),
          retryPolicy: request.retry_policy,
          identity: request.identity,
          requestId,
          startDelayMs: fromDuration(request.workflow_start_delay),
          lastFailure: request.continued_failure,
          lastCompletionResult: request.last_completion_result,
          idReusePolicy: reusePolicy,
          signal: signal ? { name: signal.signal_name, input: signal.input, header: signal.header, identity: signal.identity } : undefined,
        },
        this.clock.now(),
        randomUUID,
      );
      if (update) machine.admitUpdate(created, update);
      transitions.push(created);
      try {
        await this.commit(transitions);
        return { runId, started: true };
      } catch (error) {
        if (error instanceof ConcurrencyConflictError && attempt < 10) continue;
        throw error;
      }
    }
  }

  async signalWorkflow(request: Msg): Promise<void> {
    const record = await this.namespace(request.namespace);
    const run = await this.getRun(record.name, request.workflow_execution);
    if (run.status !== 'Running') throw new RpcError('NOT_FOUND', 'workflow execution already completed');
    await this.mutate(record.name, run.runId, (tr) => machine.signal(tr, request));
  }

  async requestCancelWorkflow(request: Msg): Promise<void> {
    const record = await this.namespace(request.namespace);
    const run = await this.getRun(record.name, request.workflow_execution);
    if (run.status !== 'Running') throw new RpcError('NOT_FOUND', 'workflow execution already completed');
    await this.mutate(record.name, run.runId, (tr) => machine.requestCancel(tr, request));
  }

  async terminateWorkflow(request: Msg): Promise<void> {
    const record = await this.namespace(request.namespace);
    const run = await this.getRun(record.name, request.workflow_execution);
    if (run.status !== 'Running') throw new RpcError('NOT_FOUND', 'workflow execution already completed');
    await this.mutate(record.name, run.runId, (tr) => machine.terminate(tr, request.reason ?? '', request.details, request.identity));
  }

  // ---------------------------------------------------------------- workflow tasks

  /** PollWorkflowTaskQueue: long-polls for a workflow task or a query task. */
  async pollWorkflowTask(request: Msg, deadlineMs: number, signal: AbortSignal): Promise<Msg> {
    const record = await this.namespace(request.namespace);
    const queueName: string = request.task_queue?.name;
    this.matching.recordPoller(record.name, 'workflow', queueName, request.identity ?? '', this.clock.now());
    const until = Math.min(Date.now() + POLL_TIMEOUT_MS, deadlineMs - 1000);
    while (!signal.aborted && !this.stopped) {
      const ref = await this.matching.poll(record.name, 'workflow', queueName, request.identity ?? '', until - Date.now(), signal);
      if (!ref) return {};
      if (signal.aborted) {
        this.matching.add(record.name, 'workflow', queueName, Engine.requeued(ref));
        return {};
      }
      let response: Msg | undefined;
      if (ref.kind === 'query') response = await this.takeQueryTask(ref.queryId, queueName);
      else if (ref.kind === 'workflow') response = await this.takeWorkflowTask(record.name, ref, queueName, request);
      if (response) return response;
    }
    return {};
  }

  /** A task for another poll: one started for a poll that ended is checked again when taken. */
  private static requeued(ref: TaskRef): TaskRef {
    if (ref.kind !== 'workflow' || !ref.started) return ref;
    return { ...ref, started: { ...(ref.started as StartedForPoll), check: true } };
  }

  private async takeWorkflowTask(namespace: string, ref: TaskRef & { kind: 'workflow' }, queueName: string, request: Msg): Promise<Msg | undefined> {
    const prestarted = ref.started as StartedForPoll | undefined;
    if (prestarted) {
      if (prestarted.check) {
        const current = await this.store.getRun(namespace, ref.runId);
        if (current?.wft.state !== 'started' || current.wft.token !== prestarted.task.token) return undefined;
      }
      return this.workflowTaskResponse(namespace, prestarted.run, prestarted.task, queueName);
    }
    const requestId = randomUUID();
    let committed: RunState | undefined;
    const started = await this.mutate(namespace, ref.runId, (tr) => {
      committed = tr.run;
      return machine.startWorkflowTask(tr, queueName, request.identity ?? '', requestId);
    });
    // The state just committed, as the store now holds it (the transition is not used again).
    const run = committed;
    if (!started || !run) return undefined;
    return this.workflowTaskResponse(namespace, run, started, queueName);
  }

  /** PollWorkflowTaskQueue's answer for a workflow task just started on `run` (its committed state). */
  private async workflowTaskResponse(namespace: string, run: RunState, started: machine.StartedWorkflowTask, queueName: string): Promise<Msg> {
    const fromEventId = started.sticky ? started.previousStartedEventId + 1 : 1;
    const events = (await this.store.readHistory(namespace, run.runId, fromEventId)).filter((e) => e.event_id <= started.startedEventId);
    const queries: Record<string, Msg> = {};
    for (const query of this.queries.values()) {
      if (query.runId === run.runId && query.state === 'waiting') {
        query.state = 'attached';
        query.attachedToken = started.token;
        queries[query.id] = query.query;
      }
    }
    return {
      task_token: encodeToken({ k: 'w', ns: namespace, r: run.runId, t: started.token }),
      workflow_execution: { workflow_id: run.workflowId, run_id: run.runId },
      workflow_type: { name: run.workflowType },
      previous_started_event_id: started.previousStartedEventId,
      started_event_id: started.startedEventId,
      attempt: started.attempt,
      backlog_count_hint: this.matching.backlog(namespace, 'workflow', queueName),
      history: { events },
      workflow_execution_task_queue: { name: run.taskQueue, kind: 'TASK_QUEUE_KIND_NORMAL' },
      scheduled_time: timestamp(started.scheduledTime),
      started_time: timestamp(started.startedTime),
      queries,
      messages: started.messages,
    };
  }

  async respondWorkflowTaskCompleted(request: Msg): Promise<Msg> {
    const token = decodeToken(request.task_token);
    if (token.k !== 'w') throw new RpcError('INVALID_ARGUMENT', 'Not a workflow task token.');
    const record = await this.namespace(token.ns);
    this.resolveQueryResults(request.query_results ?? {});
    const outcome = await this.mutate(record.name, token.r, (tr) =>
      machine.completeWorkflowTask(tr, token.t, request, {
        normalizeSearchAttributes: (fields) => this.normalizeSearchAttributes(record, fields, false),
      }),
    );
    if (outcome.unhandledCommand) throw new RpcError('INVALID_ARGUMENT', 'UnhandledCommand');
    return {};
  }

  async respondWorkflowTaskFailed(request: Msg): Promise<void> {
    const token = decodeToken(request.task_token);
    if (token.k !== 'w') throw new RpcError('INVALID_ARGUMENT', 'Not a workflow task token.');
    await this.mutate(token.ns, token.r, (tr) => machine.failWorkflowTask(tr, token.t, request));
  }

  async shutdownWorker(request: Msg): Promise<void> {
    const sticky: string | undefined = request.sticky_task_queue;
    if (!sticky) return;
    const record = await this.namespace(request.namespace);
    for (const run of await this.store.listRunsOnStickyQueue(record.name, sticky)) {
      await this.mutate(record.name, run.runId, (tr) => machine.unstickWorkflowTask(tr));
    }
  }

  async resetStickyTaskQueue(request: Msg): Promise<void> {
    const record = await this.namespace(request.namespace);
    const run = await this.getRun(record.name, request.execution);
    await this.mutate(record.name, run.runId, (tr) => machine.unstickWorkflowTask(tr));
  }

  // ---------------------------------------------------------------- queries

  /** QueryWorkflow: answered by the next workflow task or by a query-only task. */
  async queryWorkflow(request: Msg, deadlineMs: number, signal: AbortSignal): Promise<Msg> {
    const record = await this.namespace(request.namespace);
    const run = await this.getRun(record.name, request.execution);
    const reject = request.query_reject_condition;
    if (run.status !== 'Running') {
      if (reject === 'QUERY_REJECT_CONDITION_NOT_OPEN' || (reject === 'QUERY_REJECT_CONDITION_NOT_COMPLETED_CLEANLY' && run.status !== 'Completed')) {
        return { query_rejected: { status: STATUS_ENUM[run.status] } };
      }
    }
    const id = randomUUID();
    const result = new Promise<Msg>((resolve, reject) => {
      this.queries.set(id, { id, namespace: record.name, runId: run.runId, query: request.query, state: 'waiting', resolve, reject });
    });
    const cleanup = () => {
      const query = this.queries.get(id);
      if (query) {
        this.queries.delete(id);
        query.reject(new RpcError('FAILED_PRECONDITION', 'query timed out'));
      }
    };
    const timer = setTimeout(cleanup, Math.max(0, deadlineMs - Date.now()));
    signal.addEventListener('abort', cleanup, { once: true });
    await this.pumpQueries(record.name, run.runId);
    try {
      const answer = await result;
      if (answer.result_type === 'QUERY_RESULT_TYPE_FAILED') {
        throw new RpcError('INVALID_ARGUMENT', answer.error_message || 'query failed', {
          typeName: 'temporal.api.errordetails.v1.QueryFailedFailure',
          body: { failure: answer.failure },
        });
      }
      return { query_result: answer.answer };
    } finally {
      clearTimeout(timer);
      signal.removeEventListener('abort', cleanup);
    }
  }

  /** Routes waiting queries of a run: attach to a pending task or dispatch a query-only task. */
  private async pumpQueries(namespace: string, runId: string): Promise<void> {
    const waiting = [...this.queries.values()].filter((q) => q.runId === runId && q.namespace === namespace);
    if (waiting.length === 0) return;
    const run = await this.store.getRun(namespace, runId);
    if (!run) return;
    for (const query of waiting) {
      if (query.state === 'attached' && (run.wft.state !== 'started' || run.wft.token !== query.attachedToken)) query.state = 'waiting';
      if (query.state !== 'waiting') continue;
      if (run.status === 'Running' && run.wft.state !== 'none') continue;
      query.state = 'dispatched';
      const sticky = run.status === 'Running' ? run.stickyQueue : undefined;
      this.matching.add(namespace, 'workflow', sticky ?? run.taskQueue, { kind: 'query', queryId: query.id });
      if (sticky) {
        setTimeout(() => {
          if (this.queries.get(query.id)?.state === 'dispatched') this.matching.add(namespace, 'workflow', run.taskQueue, { kind: 'query', queryId: query.id });
        }, run.stickyTimeoutMs || 5000).unref();
      }
    }
  }

  private async takeQueryTask(queryId: string, queueName: string): Promise<Msg | undefined> {
    const query = this.queries.get(queryId);
    if (!query || query.state !== 'dispatched') return undefined;
    const run = await this.store.getRun(query.namespace, query.runId);
    if (!run) return undefined;
    query.state = 'taken';
    const sticky = queueName !== run.taskQueue;
    const events = sticky ? [] : await this.store.readHistory(run.namespace, run.runId);
    return {
      task_token: encodeToken({ k: 'q', ns: run.namespace, q: queryId }),
      workflow_execution: { workflow_id: run.workflowId, run_id: run.runId },
      workflow_type: { name: run.workflowType },
      previous_started_event_id: run.lastCompletedTaskStartedEventId,
      started_event_id: 0,
      attempt: 1,
      history: { events },
      query: query.query,
      workflow_execution_task_queue: { name: run.taskQueue, kind: 'TASK_QUEUE_KIND_NORMAL' },
      scheduled_time: timestamp(this.clock.now()),
      started_time: timestamp(this.clock.now()),
    };
  }

  async respondQueryTaskCompleted(request: Msg): Promise<void> {
    const token = decodeToken(request.task_token);
    if (token.k !== 'q') throw new RpcError('INVALID_ARGUMENT', 'Not a query task token.');
    const query = this.queries.get(token.q);
    if (!query) throw new RpcError('NOT_FOUND', 'query not found');
    this.queries.delete(token.q);
    query.resolve({
      result_type: request.completed_type === 'QUERY_RESULT_TYPE_ANSWERED' ? 'QUERY_RESULT_TYPE_ANSWERED' : 'QUERY_RESULT_TYPE_FAILED',
      answer: request.query_result,
      error_message: request.error_message,
      failure: request.failure,
    });
  }

  private resolveQueryResults(results: Record<string, Msg>): void {
    for (const [id, result] of Object.entries(results)) {
      const query = this.queries.get(id);
      if (!query) continue;
      this.queries.delete(id);
      query.resolve(result);
    }
  }

  // ---------------------------------------------------------------- updates

  async updateWorkflow(request: Msg, deadlineMs: number, signal: AbortSignal): Promise<Msg> {
    const record = await this.namespace(request.namespace);
    const run = await this.getRun(record.name, request.workflow_execution);
    if (request.first_execution_run_id && run.firstExecutionRunId !== request.first_execution_run_id) {
      throw new RpcError('NOT_FOUND', 'workflow execution not found');
    }
    const updateId: string = request.request?.meta?.update_id;
    if (run.status !== 'Running' && !run.updates[updateId]) throw new RpcError('NOT_FOUND', 'workflow execution already completed');
    if (run.status === 'Running' && !run.updates[updateId]) {
      await this.mutate(record.name, run.runId, (tr) => machine.admitUpdate(tr, request.request));
    }
    const stage = request.wait_policy?.lifecycle_stage ?? 'UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_ACCEPTED';
    return this.awaitUpdate(record.name, run.runId, run.workflowId, updateId, stage, deadlineMs, signal);
  }

  /** ExecuteMultiOperation: update-with-start (start or reuse the workflow, then update it). */
  async executeMultiOperation(request: Msg, deadlineMs: number, signal: AbortSignal): Promise<Msg> {
    const [startOperation, updateOperation] = request.operations ?? [];
    const start: Msg | undefined = startOperation?.start_workflow;
    const update: Msg | undefined = updateOperation?.update_workflow;
    if (!start || !update || request.operations.length !== 2) {
      throw new RpcError('INVALID_ARGUMENT', 'ExecuteMultiOperation supports exactly one start followed by one update.');
    }
    if (start.workflow_id !== update.workflow_execution?.workflow_id) {
      throw new RpcError('INVALID_ARGUMENT', 'Start and update must address the same workflow id.');
    }
    let started: { runId: string; started: boolean };
    try {
      started = await this.startWorkflow({ ...start, namespace: request.namespace }, undefined, update.request);
    } catch (error) {
      if (!(error instanceof RpcError)) throw error;
      throw new RpcError(error.code, error.message, {
        typeName: 'temporal.api.errordetails.v1.MultiOperationExecutionFailure',
        body: {
          statuses: [
            { code: GRPC_CODES[error.code], message: error.message, details: error.details ? [packAny(error.details.typeName, error.details.body)] : [] },
            { code: 10, message: 'Operation was aborted.', details: [packAny('temporal.api.failure.v1.MultiOperationExecutionAborted', {})] },
          ],
        },
      });
    }
    const record = await this.namespace(request.namespace);
    const stage = update.wait_policy?.lifecycle_stage ?? 'UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_ACCEPTED';
    const updateResponse = await this.awaitUpdate(record.name, started.runId, start.workflow_id, update.request?.meta?.update_id, stage, deadlineMs, signal);
    return {
      responses: [{ start_workflow: { run_id: started.runId, started: started.started } }, { update_workflow: updateResponse }],
    };
  }

  async pollWorkflowExecutionUpdate(request: Msg, deadlineMs: number, signal: AbortSignal): Promise<Msg> {
    const record = await this.namespace(request.namespace);
    const ref = request.update_ref;
    const run = await this.getRun(record.name, ref?.workflow_execution);
    if (!run.updates[ref?.update_id]) throw new RpcError('NOT_FOUND', `update ${String(ref?.update_id)} not found`);
    const stage = request.wait_policy?.lifecycle_stage ?? 'UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_COMPLETED';
    return this.awaitUpdate(record.name, run.runId, run.workflowId, ref.update_id, stage, deadlineMs, signal);
  }

  private async awaitUpdate(namespace: string, runId: string, workflowId: string, updateId: string, stage: string, deadlineMs: number, signal: AbortSignal): Promise<Msg> {
    const until = Math.min(Date.now() + UPDATE_LONG_POLL_MS, deadlineMs - 500);
    const updateRef = { workflow_execution: { workflow_id: workflowId, run_id: runId }, update_id: updateId };
    for (;;) {
      const run = await this.store.getRun(namespace, runId);
      const update = run?.updates[updateId];
      if (!run || !update) throw new RpcError('NOT_FOUND', `update ${updateId} not found`);
      if (update.state === 'completed' || update.state === 'rejected') {
        return { update_ref: updateRef, outcome: update.outcome, stage: 'UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_COMPLETED' };
      }
      if (update.state === 'accepted' && stage !== 'UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_COMPLETED') {
        return { update_ref: updateRef, stage: 'UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_ACCEPTED' };
      }
      if (run.status !== 'Running') throw new RpcError('NOT_FOUND', 'workflow execution already completed');
      if (Date.now() >= until || signal.aborted || this.stopped) {
        return {
          update_ref: updateRef,
          stage: update.state === 'accepted' ? 'UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_ACCEPTED' : 'UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_ADMITTED',
        };
      }
      await this.waitForChange(runId, until - Date.now(), signal);
    }
  }

  // ---------------------------------------------------------------- activities

  async pollActivityTask(request: Msg, deadlineMs: number, signal: AbortSignal): Promise<Msg> {
    const record = await this.namespace(request.namespace);
    const queueName: string = request.task_queue?.name;
    this.matching.recordPoller(record.name, 'activity', queueName, request.identity ?? '', this.clock.now());
    const until = Math.min(Date.now() + POLL_TIMEOUT_MS, deadlineMs - 1000);
    while (!signal.aborted && !this.stopped) {
      const ref = await this.matching.poll(record.name, 'activity', queueName, request.identity ?? '', until - Date.now(), signal);
      if (!ref || ref.kind !== 'activity') return {};
      if (signal.aborted) {
        this.matching.add(record.name, 'activity', queueName, ref);
        return {};
      }
      const requestId = randomUUID();
      const taken = await this.mutate(record.name, ref.runId, (tr) => {
        const activity = machine.startActivity(tr, ref.scheduledEventId, request.identity ?? '', requestId);
        return activity ? { activity: structuredClone(activity), run: tr.run } : undefined;
      });
      if (!taken) continue;
      const { activity, run } = taken;
      return {
        task_token: encodeToken({ k: 'a', ns: record.name, r: run.runId, s: activity.scheduledEventId, t: activity.token }),
        workflow_namespace: record.name,
        workflow_type: { name: run.workflowType },
        workflow_execution: { workflow_id: run.workflowId, run_id: run.runId },
        activity_type: { name: activity.activityType },
        activity_id: activity.activityId,
        header: activity.header,
        input: activity.input,
        heartbeat_details: activity.heartbeatDetails,
        scheduled_time: timestamp(activity.firstScheduledTime),
        current_attempt_scheduled_time: timestamp(activity.attemptScheduledTime),
        started_time: timestamp(activity.startedTime ?? this.clock.now()),
        attempt: activity.attempt,
        schedule_to_close_timeout: duration(activity.scheduleToCloseMs),
        start_to_close_timeout: duration(activity.startToCloseMs),
        heartbeat_timeout: duration(activity.heartbeatMs),
        retry_policy: {
          initial_interval: duration(activity.retryPolicy.initialIntervalMs),
          backoff_coefficient: activity.retryPolicy.backoffCoefficient,
          maximum_interval: duration(activity.retryPolicy.maximumIntervalMs),
          maximum_attempts: activity.retryPolicy.maximumAttempts,
          non_retryable_error_types: activity.retryPolicy.nonRetryableErrorTypes,
        },
      };
    }
    return {};
  }

  private activityToken(bytes: Buffer | undefined): TaskToken & { k: 'a' } {
    const token = decodeToken(bytes);
    if (token.k !== 'a') throw new RpcError('INVALID_ARGUMENT', 'Not an activity task token.');
    return token;
  }

  /** Finds the started activity addressed by workflow id + activity id (async completion). */
  private async activityById(request: Msg): Promise<TaskToken & { k: 'a' }> {
    const record = await this.namespace(request.namespace);
    const run = await this.getRun(record.name, { workflow_id: request.workflow_id, run_id: request.run_id });
    const activity = Object.values(run.activities).find((a) => a.activityId === request.activity_id);
    if (!activity || activity.state !== 'started') throw new RpcError('NOT_FOUND', 'Activity task not found.');
    return { k: 'a', ns: record.name, r: run.runId, s: activity.scheduledEventId, t: activity.token };
  }

  async respondActivityCompleted(request: Msg, byId = false): Promise<void> {
    const t = byId ? await this.activityById(request) : this.activityToken(request.task_token);
    await this.mutate(t.ns, t.r, (tr) => machine.completeActivity(tr, t.s, t.t, request.result, request.identity ?? ''));
  }

  async respondActivityFailed(request: Msg, byId = false): Promise<void> {
    const t = byId ? await this.activityById(request) : this.activityToken(request.task_token);
    await this.mutate(t.ns, t.r, (tr) => machine.failActivity(tr, t.s, t.t, request.failure, request.last_heartbeat_details, request.identity ?? ''));
  }

  async respondActivityCanceled(request: Msg, byId = false): Promise<void> {
    const t = byId ? await this.activityById(request) : this.activityToken(request.task_token);
    await this.mutate(t.ns, t.r, (tr) => machine.cancelActivity(tr, t.s, t.t, request.details, request.identity ?? ''));
  }

  async recordActivityHeartbeat(request: Msg, byId = false): Promise<Msg> {
    const t = byId ? await this.activityById(request) : this.activityToken(request.task_token);
    const cancelRequested = await this.mutate(t.ns, t.r, (tr) => machine.heartbeatActivity(tr, t.s, t.t, request.details));
    return { cancel_requested: cancelRequested, activity_paused: false, activity_reset: false };
  }

  // ---------------------------------------------------------------- history and describe

  async getHistory(request: Msg, deadlineMs: number, signal: AbortSignal): Promise<Msg> {
    const record = await this.namespace(request.namespace);
    let run = await this.getRun(record.name, request.execution);
    const closeOnly = request.history_event_filter_type === 'HISTORY_EVENT_FILTER_TYPE_CLOSE_EVENT';
    const from = request.next_page_token?.length ? Number(Buffer.from(request.next_page_token).toString('utf8')) || 1 : 1;
    const until = Math.min(Date.now() + HISTORY_LONG_POLL_MS, deadlineMs - 1000);
    for (;;) {
      if (closeOnly) {
        if (run.status !== 'Running' && run.closeEventId) {
          const [closeEvent] = await this.store.readHistory(record.name, run.runId, run.closeEventId);
          return { history: { events: closeEvent ? [closeEvent] : [] }, archived: false };
        }
      } else {
        const pageSize = request.maximum_page_size > 0 ? request.maximum_page_size : 1000;
        const events = await this.store.readHistory(record.name, run.runId, from);
        if (events.length > 0 || !request.wait_new_event || run.status !== 'Running') {
          const page = events.slice(0, pageSize);
          const more = events.length > pageSize || (request.wait_new_event && run.status === 'Running');
          const next = (page.at(-1)?.event_id ?? from - 1) + 1;
          return { history: { events: page }, next_page_token: more ? Buffer.from(String(next)) : undefined, archived: false };
        }
      }
      if (!request.wait_new_event || Date.now() >= until || signal.aborted || this.stopped) {
        return { history: { events: [] }, next_page_token: Buffer.from(String(from)), archived: false };
      }
      await this.waitForChange(run.runId, until - Date.now(), signal);
      run = (await this.store.getRun(record.name, run.runId)) ?? run;
    }
  }

  async describeWorkflow(request: Msg): Promise<Msg> {
    const record = await this.namespace(request.namespace);
    const run = await this.getRun(record.name, request.execution);
    const pendingActivities = Object.values(run.activities).map((a) => ({
      activity_id: a.activityId,
      activity_type: { name: a.activityType },
      state: a.cancelRequested
        ? 'PENDING_ACTIVITY_STATE_CANCEL_REQUESTED'
        : a.state === 'started'
          ? 'PENDING_ACTIVITY_STATE_STARTED'
          : 'PENDING_ACTIVITY_STATE_SCHEDULED',
      heartbeat_details: a.heartbeatDetails,
      last_heartbeat_time: a.lastHeartbeatTime ? timestamp(a.lastHeartbeatTime) : undefined,
      last_started_time: a.startedTime ? timestamp(a.startedTime) : undefined,
      attempt: a.attempt,
      maximum_attempts: a.retryPolicy.maximumAttempts,
      scheduled_time: timestamp(a.attemptScheduledTime),
      expiration_time: a.scheduleToCloseMs ? timestamp(a.firstScheduledTime + a.scheduleToCloseMs) : undefined,
      last_failure: a.lastFailure,
      last_worker_identity: a.lastWorkerIdentity,
    }));
    const pendingChildren = Object.values(run.children).map((c) => ({
      workflow_id: c.workflowId,
      run_id: c.runId,
      workflow_type_name: c.workflowType,
      initiated_id: c.initiatedEventId,
      parent_close_policy: c.parentClosePolicy,
    }));
    return {
      execution_config: {
        task_queue: { name: run.taskQueue, kind: 'TASK_QUEUE_KIND_NORMAL' },
        workflow_execution_timeout: duration(run.executionTimeoutMs),
        workflow_run_timeout: duration(run.runTimeoutMs),
        default_workflow_task_timeout: duration(run.taskTimeoutMs),
      },
      workflow_execution_info: this.executionInfo(run, record),
      pending_activities: pendingActivities,
      pending_children: pendingChildren,
      pending_workflow_task:
        run.wft.state === 'none'
          ? undefined
          : {
              state: run.wft.state === 'started' ? 'PENDING_WORKFLOW_TASK_STATE_STARTED' : 'PENDING_WORKFLOW_TASK_STATE_SCHEDULED',
              scheduled_time: timestamp(run.wft.scheduledTime),
              original_scheduled_time: timestamp(run.wft.scheduledTime),
              started_time: run.wft.startedTime ? timestamp(run.wft.startedTime) : undefined,
              attempt: run.wft.attempt,
            },
    };
  }

  private executionInfo(run: RunState, record: NamespaceRecord): Msg {
    const searchAttributes: Record<string, Msg> = {};
    for (const [name, payload] of Object.entries(run.searchAttributes)) {
      const type = record.searchAttributes[name];
      searchAttributes[name] = type ? withTypeMetadata(payload, type) : payload;
    }
    return {
      execution: { workflow_id: run.workflowId, run_id: run.runId },
      type: { name: run.workflowType },
      start_time: timestamp(run.startTime),
      close_time: run.closeTime ? timestamp(run.closeTime) : undefined,
      status: STATUS_ENUM[run.status],
      history_length: run.nextEventId - 1,
      parent_namespace_id: run.parent ? run.parent.namespace : undefined,
      parent_execution: run.parent ? { workflow_id: run.parent.workflowId, run_id: run.parent.runId } : undefined,
      execution_time: timestamp(run.executionTime),
      memo: run.memo ?? { fields: {} },
      search_attributes: { indexed_fields: searchAttributes },
      task_queue: run.taskQueue,
      state_transition_count: run.version,
      history_size_bytes: 0,
      first_run_id: run.firstExecutionRunId,
      execution_duration: run.closeTime ? duration(run.closeTime - run.startTime) : undefined,
    };
  }

  // ---------------------------------------------------------------- visibility

  async listWorkflows(request: Msg): Promise<Msg> {
    const record = await this.namespace(request.namespace);
    const pageSize = request.page_size > 0 ? request.page_size : 1000;
    const page = await this.store.listVisibility({ namespace: record, query: request.query ?? '', now: this.clock.now() }, pageSize, request.next_page_token);
    return { executions: page.runs.map((run) => this.executionInfo(run, record)), next_page_token: page.nextPageToken };
  }

  async countWorkflows(request: Msg): Promise<Msg> {
    const record = await this.namespace(request.namespace);
    return { count: await this.store.countVisibility({ namespace: record, query: request.query ?? '', now: this.clock.now() }) };
  }

  /** DescribeTaskQueue: the pollers seen on a workflow or activity task queue and its backlog. */
  async describeTaskQueue(request: Msg): Promise<Msg> {
    const record = await this.namespace(request.namespace);
    const type = request.task_queue_type === 'TASK_QUEUE_TYPE_ACTIVITY' ? 'activity' : 'workflow';
    const name: string = request.task_queue?.name ?? '';
    return {
      pollers: this.matching.pollersSeen(record.name, type, name).map((p) => ({
        identity: p.identity,
        last_access_time: timestamp(p.lastAccessTime),
        rate_per_second: 0,
      })),
      task_queue_status: { backlog_count_hint: this.matching.backlog(record.name, type, name) },
    };
  }

  async searchAttributeTypes(namespace: string): Promise<{ custom: Record<string, string>; system: Record<string, string> }> {
    const record = await this.namespace(namespace);
    const custom: Record<string, string> = {};
    for (const [name, type] of Object.entries(record.searchAttributes)) custom[name] = indexedValueType(type);
    const system: Record<string, string> = {};
    for (const [name, type] of Object.entries(SYSTEM_SEARCH_ATTRIBUTES)) system[name] = indexedValueType(type);
    return { custom, system };
  }

  // ---------------------------------------------------------------- timers and time skipping

  /** Arms the wall-clock timer for the earliest deadline (or sleeper). */
  private async armTimer(): Promise<void> {
    if (this.stopped) return;
    const next = await this.nextWakeTime();
    if (next === undefined) {
      if (this.timerHandle) clearTimeout(this.timerHandle);
      this.timerHandle = undefined;
      this.timerArmedFor = undefined;
      return;
    }
    if (this.timerArmedFor !== undefined && this.timerArmedFor <= next && this.timerHandle) return;
    if (this.timerHandle) clearTimeout(this.timerHandle);
    this.timerArmedFor = next;
    const now = this.clock.now();
    const earliest = this.clock.skipping ? now : this.lastPassAt + TIMER_PASS_INTERVAL_MS;
    const delay = Math.min(Math.max(0, next - now, earliest - now), 2 ** 31 - 1);
    this.timerHandle = setTimeout(() => {
      this.timerHandle = undefined;
      this.timerArmedFor = undefined;
      void this.fireTimers();
    }, delay);
  }

  private async nextWakeTime(): Promise<number | undefined> {
    const storeNext = await this.store.nextDeadline();
    const sleeperNext = this.sleepers.reduce<number | undefined>((min, s) => (min === undefined || s.until < min ? s.until : min), undefined);
    if (storeNext === undefined) return sleeperNext;
    if (sleeperNext === undefined) return storeNext;
    return Math.min(storeNext, sleeperNext);
  }

  /** Fires all due deadlines, then re-arms. */
  private async fireTimers(): Promise<void> {
    if (this.firing) {
      this.refire = true;
      return;
    }
    this.firing = true;
    let failed = false;
    try {
      do {
        this.refire = false;
        const now = this.clock.now();
        this.lastPassAt = now;
        const due = await this.store.runsDueBy(now);
        // Different runs are independent: fire them a few at a time, not one after another.
        let next = 0;
        await Promise.all(
          Array.from({ length: Math.min(TIMER_CONCURRENCY, due.length) }, async () => {
            while (next < due.length) {
              const ref = due[next++] as (typeof due)[number];
              try {
                await this.mutate(ref.namespace, ref.runId, (tr) => machine.fireDueDeadlines(tr));
              } catch (error) {
                failed = true;
                this.logger.error({ err: error, runId: ref.runId }, 'timer processing failed');
              }
            }
          }),
        );
        this.wakeSleepers();
      } while (this.refire);
    } finally {
      this.firing = false;
    }
    // The store counts the runs handed out as fired; one that failed is tried again shortly.
    if (failed && !this.stopped) setTimeout(() => void this.fireTimers(), FIRE_RETRY_MS).unref();
    await this.armTimer();
    this.scheduleSkip();
  }

  private wakeSleepers(): void {
    const now = this.clock.now();
    for (let i = this.sleepers.length - 1; i >= 0; i--) {
      const sleeper = this.sleepers[i];
      if (sleeper && sleeper.until <= now) {
        this.sleepers.splice(i, 1);
        sleeper.resolve();
      }
    }
  }

  private scheduleSkip(): void {
    if (!this.clock.skipping || this.skipScheduled || this.stopped) return;
    this.skipScheduled = true;
    setImmediate(() => {
      this.skipScheduled = false;
      void this.trySkip();
    });
  }

  /** Jumps the virtual clock to the next deadline when unlocked and no task is outstanding. */
  private async trySkip(): Promise<void> {
    if (!this.clock.skipping || this.lockCount > 0 || this.stopped || this.firing) return;
    const clock = this.clock as Clock & { advanceTo(t: number): void };
    for (const run of await this.store.listOpenRuns()) {
      if (run.wft.state !== 'none') return;
      if (Object.values(run.activities).some((a) => a.state !== 'backoff')) return;
    }
    const next = await this.nextWakeTime();
    if (next === undefined || next <= this.clock.now()) return;
    if (this.lockCount > 0) return;
    clock.advanceTo(next);
    if (this.timerHandle) clearTimeout(this.timerHandle);
    this.timerHandle = undefined;
    this.timerArmedFor = undefined;
    await this.fireTimers();
  }

  lockTimeSkipping(): void {
    this.lockCount += 1;
  }

  /**
   * Lock and unlock calls pair up; the count may drop below zero when callers overlap (two
   * concurrent `result()` calls unlock twice before locking twice), which still means unlocked.
   */
  unlockTimeSkipping(): void {
    this.lockCount -= 1;
    this.scheduleSkip();
  }

  /** Waits until server time reaches `until`; time may jump there if skipping is unlocked. */
  async sleepUntil(until: number): Promise<void> {
    if (until <= this.clock.now()) return;
    await new Promise<void>((resolve) => {
      this.sleepers.push({ until, resolve });
      void this.armTimer().then(() => this.scheduleSkip());
    });
  }

  /** UnlockTimeSkippingWithSleep: unlock, sleep (skipping), lock again. */
  async unlockWithSleep(durationMs: number): Promise<void> {
    this.unlockTimeSkipping();
    try {
      await this.sleepUntil(this.clock.now() + durationMs);
    } finally {
      this.lockTimeSkipping();
    }
  }
}

/** Attribute block of an event (helper for server responses). */
export function eventAttributes(event: Msg): Msg {
  return event[attributesField(event.event_type)] ?? {};
}
