import type { Logger } from 'pino';
import type { Clock } from '../clock/clock';
import type { Store } from '../store/store';
import type { SearchAttributeType } from '../visibility';
import { ActivityTasks } from './activities/activity-tasks';
import type { EngineCore } from './engine-service';
import { RunChanges } from './history/changes';
import { Executions } from './history/executions';
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
 * The server's behaviour, as services cut as Temporal's own server cuts them (history and its
 * commits, transfers and retention; matching and task dispatch; timers and time skipping; queries
 * and updates; activity dispatch; visibility and describe), and the composition root that wires
 * them. The gRPC layer calls the request-facing services below; the engine holds no behaviour of
 * its own but the routing of commit effects.
 */
export class Engine {
  readonly store: Store;
  readonly clock: Clock;
  // The services the gRPC layer calls, one per group of RPCs.
  readonly namespaces: Namespaces;
  readonly executions: Executions;
  readonly historyReader: HistoryReader;
  readonly workflowTaskPoller: WorkflowTaskPoller;
  readonly workflowTasks: WorkflowTaskCompletion;
  readonly queries: Queries;
  readonly updates: Updates;
  readonly activities: ActivityTasks;
  readonly visibility: VisibilityService;
  readonly skipping: TimeSkipping;
  private readonly logger: Logger;
  private readonly stopping = new AbortController();
  private readonly retentionEnabled: boolean;
  private readonly changes = new RunChanges();
  private readonly matching = new Matching();
  private readonly history: History;
  private readonly transfers: Transfers;
  private readonly dispatch: TaskDispatch;
  private readonly timers: TimerQueue;
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
    const core: EngineCore = { history: this.history, namespaces: this.namespaces, matching: this.matching, clock, stopped };
    this.queries = new Queries(core);
    this.executions = new Executions(core);
    this.updates = new Updates(core, this.executions, this.changes);
    this.workflowTaskPoller = new WorkflowTaskPoller(core, this.queries);
    this.workflowTasks = new WorkflowTaskCompletion(core, this.queries);
    this.activities = new ActivityTasks(core);
    this.historyReader = new HistoryReader(core, this.changes);
    this.visibility = new VisibilityService(core);
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
}
