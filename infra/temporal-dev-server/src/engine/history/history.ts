import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Clock } from '../../clock/clock';
import type { Msg } from '../../proto/proto';
import type { RunState } from '../../model/run-state';
import { ConcurrencyConflictError, type RunWrite, type Store } from '../../store/store';
import { RpcError } from '../errors';
import { cloneRun, earliestDeadline, Transition, type Effect } from './transition';

/** What follows a commit for the work handed over before it (see {@link CommitHooks.beforeCommit}). */
export interface CommitFollowUp {
  /** The commit succeeded. */
  committed(): void;
  /** The commit failed: undo what `beforeCommit` claimed. */
  failed(): void;
}

/**
 * The other services' parts of a commit, in the order they run: matching may start tasks for
 * waiting polls inside the transitions, then after the commit each effect is run, each outbox
 * processed and the timers re-armed.
 */
export interface CommitHooks {
  beforeCommit(transitions: readonly Transition[]): CommitFollowUp | undefined;
  runEffect(effect: Effect): Promise<void>;
  processTransfers(namespace: string, runId: string): Promise<void>;
  afterCommit(): Promise<void>;
}

/**
 * Temporal's history service at its core: runs are read from the store, changed by the state
 * machine in a {@link Transition} and committed atomically with optimistic versions; a version
 * conflict is retried. Every change of every run goes through {@link History.commit}.
 */
export class History {
  constructor(
    readonly store: Store,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly hooks: CommitHooks,
  ) {}

  private async resolveRunId(namespace: string, execution: Msg | undefined): Promise<string> {
    const runId = execution?.run_id || (await this.store.getCurrentRunId(namespace, execution?.workflow_id ?? ''));
    if (!runId) throw new RpcError('NOT_FOUND', `workflow not found for ID: ${String(execution?.workflow_id)}`);
    return runId;
  }

  /** The run an execution (workflow id, optional run id) names, or NOT_FOUND. */
  async getRun(namespace: string, execution: Msg | undefined): Promise<RunState> {
    const runId = await this.resolveRunId(namespace, execution);
    const run = await this.store.getRun(namespace, runId);
    if (!run || (execution?.workflow_id && run.workflowId !== execution.workflow_id)) {
      throw new RpcError('NOT_FOUND', `workflow not found for ID: ${String(execution?.workflow_id)}`);
    }
    return run;
  }

  /** A transition over a private copy of a stored run. */
  newTransition(run: RunState): Transition {
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

  /** Commits transitions atomically, then runs their effects and outboxes and re-arms the timers. */
  async commit(transitions: Transition[]): Promise<void> {
    const followUp = this.hooks.beforeCommit(transitions);
    try {
      await this.store.commit(transitions.flatMap((tr) => this.writesOf(tr)));
    } catch (error) {
      followUp?.failed();
      throw error;
    }
    followUp?.committed();
    for (const tr of transitions) await this.runEffects(tr.effects);
    for (const tr of transitions) {
      for (const run of [tr.run, ...tr.extraRuns.map((extra) => extra.run)]) {
        if (run.transfers.length > 0) await this.hooks.processTransfers(run.namespace, run.runId);
      }
    }
    await this.hooks.afterCommit();
  }

  /** Read-modify-commit of one run, retried on concurrent modification. */
  async mutate<T>(namespace: string, runId: string, apply: (tr: Transition) => T): Promise<T> {
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
        await this.hooks.runEffect(effect);
      } catch (error) {
        // An effect never fails the commit that caused it.
        this.logger.error({ err: error, effect: effect.kind }, 'effect failed');
      }
    }
  }
}
