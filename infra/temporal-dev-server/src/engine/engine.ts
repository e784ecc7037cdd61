import type { Logger } from 'pino';
import type { Clock } from '../clock/clock';
import type { Msg } from '../proto/proto';
import type { NamespaceRecord, Store } from '../store/store';
import type { SearchAttributeType } from '../visibility';
import { ActivityTasks } from './activities/activity-tasks';
import { RunChanges } from './history/changes';
import { Executions, type StartResult } from './history/executions';
import { History } from './history/history';
import { HistoryReader } from './history/history-reader';
import { Retention } from './history/retention';
import type { Effect } from './history/transition';
import { Transfers } from './history/transfers';
import { WorkflowTaskCompletion } from './history/workflow-task-completion';
import { Matching } from './matching/matching';
import { TaskDispatch } from './matching/task-dispatch';
import { WorkflowTaskPoller } from './matching/workflow-task-poller';
import { Namespaces } from './namespaces';
import { Queries } from './queries-updates/queries';
import { Updates } from './queries-updates/updates';
import { TimeSkipping } from './timers/time-skipping';
import { TimerQueue } from './timers/timer-queue';
import { VisibilityService } from './visibility/visibility-service';

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

/**
 * The server's behaviour, as the gRPC layer sees it: a facade over services cut as Temporal's
 * own server cuts them (history and its commits, transfers and retention; matching and task
 * dispatch; timers and time skipping; queries and updates; activity dispatch; visibility and
 * describe), and the composition root that wires them. It holds no behaviour of its own but
 * the routing of commit effects.
 */
export class Engine {
  readonly store: Store;
  readonly clock: Clock;
  private readonly logger: Logger;
  private readonly stopping = new AbortController();
  private readonly retentionEnabled: boolean;
  private readonly namespaces: Namespaces;
  private readonly changes = new RunChanges();
  private readonly matching = new Matching();
  private readonly history: History;
  private readonly transfers: Transfers;
  private readonly dispatch: TaskDispatch;
  private readonly timers: TimerQueue;
  private readonly skipping: TimeSkipping;
  private readonly queries: Queries;
  private readonly executions: Executions;
  private readonly updates: Updates;
  private readonly workflowTaskPoller: WorkflowTaskPoller;
  private readonly workflowTasks: WorkflowTaskCompletion;
  private readonly activities: ActivityTasks;
  private readonly historyReader: HistoryReader;
  private readonly visibility: VisibilityService;
  private readonly retention: Retention;

  constructor(options: EngineOptions) {
    const { store, clock, logger } = options;
    const stopped = this.stopping.signal;
    this.store = store;
    this.clock = clock;
    this.logger = logger;
    this.retentionEnabled = options.retention ?? true;
    this.namespaces = new Namespaces(store);
    // The hooks run only once the engine is built, so they may name services created below.
    this.history = new History(store, clock, logger, {
      beforeCommit: (transitions) => this.dispatch.startForWaitingPolls(transitions),
      runEffect: (effect) => this.runEffect(effect),
      processTransfers: (namespace, runId) => this.transfers.process(namespace, runId),
      afterCommit: () => this.timers.rearm(),
    });
    this.transfers = new Transfers(this.history, clock, logger);
    this.dispatch = new TaskDispatch(this.matching, this.history, clock);
    this.timers = new TimerQueue(this.history, clock, logger, stopped, () => this.skipping.schedule());
    this.skipping = new TimeSkipping(store, clock, this.timers, stopped);
    this.queries = new Queries(this.history, this.namespaces, this.matching, clock);
    this.executions = new Executions(this.history, this.namespaces, clock);
    this.updates = new Updates(this.history, this.namespaces, this.executions, this.changes, stopped);
    this.workflowTaskPoller = new WorkflowTaskPoller(this.history, this.namespaces, this.matching, this.queries, clock, stopped);
    this.workflowTasks = new WorkflowTaskCompletion(this.history, this.namespaces, this.queries);
    this.activities = new ActivityTasks(this.history, this.namespaces, this.matching, clock, stopped);
    this.historyReader = new HistoryReader(this.history, this.namespaces, this.changes, stopped);
    this.visibility = new VisibilityService(this.history, this.namespaces, this.matching, clock);
    this.retention = new Retention(store, clock, logger, stopped, options.retentionMs);
  }

  /** Registers namespaces and rebuilds task queues and timers from the store. */
  async start(namespaces: string[], searchAttributes: Record<string, SearchAttributeType>): Promise<void> {
    await this.namespaces.ensure(namespaces, searchAttributes);
    await this.dispatch.rebuild();
    await this.transfers.resume();
    await this.timers.arm();
    if (this.retentionEnabled) await this.retention.start();
  }

  /** Deletes the closed runs of every namespace whose retention period has passed. */
  sweepRetention(): Promise<number> {
    return this.retention.sweep();
  }

  /** Stops timers and fails outstanding waits. */
  stop(): void {
    this.stopping.abort();
    this.timers.stop();
    this.retention.stop();
    this.queries.stop();
    this.changes.stop();
  }

  /** In-process work after a commit, routed to the service it belongs to. */
  private async runEffect(effect: Effect): Promise<void> {
    switch (effect.kind) {
      case 'workflowTask':
        return this.dispatch.workflowTask(effect);
      case 'activityTask':
        this.dispatch.activityTask(effect);
        return;
      case 'runChanged':
        await this.queries.pump(effect.namespace, effect.runId);
        this.changes.notify(effect.runId);
        return;
      case 'queriesFailed':
        return;
    }
  }

  // ---------------------------------------------------------------- namespaces

  namespace(name: string): Promise<NamespaceRecord> {
    return this.namespaces.get(name);
  }

  registerNamespace(name: string, retentionDays: number): Promise<void> {
    return this.namespaces.register(name, retentionDays);
  }

  addSearchAttributes(namespace: string, attributes: Record<string, SearchAttributeType>): Promise<void> {
    return this.namespaces.addSearchAttributes(namespace, attributes);
  }

  removeSearchAttributes(namespace: string, names: string[]): Promise<void> {
    return this.namespaces.removeSearchAttributes(namespace, names);
  }

  searchAttributeTypes(namespace: string): Promise<{ custom: Record<string, string>; system: Record<string, string> }> {
    return this.namespaces.searchAttributeTypes(namespace);
  }

  // ---------------------------------------------------------------- executions (history)

  /** StartWorkflowExecution and SignalWithStartWorkflowExecution. */
  startWorkflow(request: Msg, signal?: Msg, update?: Msg): Promise<StartResult> {
    return this.executions.start(request, signal, update);
  }

  signalWorkflow(request: Msg): Promise<void> {
    return this.executions.signal(request);
  }

  requestCancelWorkflow(request: Msg): Promise<void> {
    return this.executions.requestCancel(request);
  }

  terminateWorkflow(request: Msg): Promise<void> {
    return this.executions.terminate(request);
  }

  getHistory(request: Msg, deadlineMs: number, signal: AbortSignal): Promise<Msg> {
    return this.historyReader.getHistory(request, deadlineMs, signal);
  }

  // ---------------------------------------------------------------- workflow tasks (matching, history)

  /** PollWorkflowTaskQueue: long-polls for a workflow task or a query task. */
  pollWorkflowTask(request: Msg, deadlineMs: number, signal: AbortSignal): Promise<Msg> {
    return this.workflowTaskPoller.poll(request, deadlineMs, signal);
  }

  respondWorkflowTaskCompleted(request: Msg): Promise<Msg> {
    return this.workflowTasks.completed(request);
  }

  respondWorkflowTaskFailed(request: Msg): Promise<void> {
    return this.workflowTasks.failed(request);
  }

  shutdownWorker(request: Msg): Promise<void> {
    return this.workflowTasks.shutdownWorker(request);
  }

  resetStickyTaskQueue(request: Msg): Promise<void> {
    return this.workflowTasks.resetStickyTaskQueue(request);
  }

  // ---------------------------------------------------------------- queries and updates

  /** QueryWorkflow: answered by the next workflow task or by a query-only task. */
  queryWorkflow(request: Msg, deadlineMs: number, signal: AbortSignal): Promise<Msg> {
    return this.queries.query(request, deadlineMs, signal);
  }

  async respondQueryTaskCompleted(request: Msg): Promise<void> {
    this.queries.respond(request);
  }

  updateWorkflow(request: Msg, deadlineMs: number, signal: AbortSignal): Promise<Msg> {
    return this.updates.update(request, deadlineMs, signal);
  }

  /** ExecuteMultiOperation: update-with-start (start or reuse the workflow, then update it). */
  executeMultiOperation(request: Msg, deadlineMs: number, signal: AbortSignal): Promise<Msg> {
    return this.updates.executeMultiOperation(request, deadlineMs, signal);
  }

  pollWorkflowExecutionUpdate(request: Msg, deadlineMs: number, signal: AbortSignal): Promise<Msg> {
    return this.updates.poll(request, deadlineMs, signal);
  }

  // ---------------------------------------------------------------- activities

  pollActivityTask(request: Msg, deadlineMs: number, signal: AbortSignal): Promise<Msg> {
    return this.activities.poll(request, deadlineMs, signal);
  }

  respondActivityCompleted(request: Msg, byId = false): Promise<void> {
    return this.activities.completed(request, byId);
  }

  respondActivityFailed(request: Msg, byId = false): Promise<void> {
    return this.activities.failed(request, byId);
  }

  respondActivityCanceled(request: Msg, byId = false): Promise<void> {
    return this.activities.canceled(request, byId);
  }

  recordActivityHeartbeat(request: Msg, byId = false): Promise<Msg> {
    return this.activities.heartbeat(request, byId);
  }

  // ---------------------------------------------------------------- visibility and describe

  describeWorkflow(request: Msg): Promise<Msg> {
    return this.visibility.describeWorkflow(request);
  }

  listWorkflows(request: Msg): Promise<Msg> {
    return this.visibility.listWorkflows(request);
  }

  countWorkflows(request: Msg): Promise<Msg> {
    return this.visibility.countWorkflows(request);
  }

  /** DescribeTaskQueue: the pollers seen on a workflow or activity task queue and its backlog. */
  describeTaskQueue(request: Msg): Promise<Msg> {
    return this.visibility.describeTaskQueue(request);
  }

  // ---------------------------------------------------------------- time skipping

  lockTimeSkipping(): void {
    this.skipping.lock();
  }

  unlockTimeSkipping(): void {
    this.skipping.unlock();
  }

  /** Waits until server time reaches `until`; time may jump there if skipping is unlocked. */
  sleepUntil(until: number): Promise<void> {
    return this.skipping.sleepUntil(until);
  }

  /** UnlockTimeSkippingWithSleep: unlock, sleep (skipping), lock again. */
  unlockWithSleep(durationMs: number): Promise<void> {
    return this.skipping.unlockWithSleep(durationMs);
  }
}
