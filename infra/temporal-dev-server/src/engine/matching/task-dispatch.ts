import { randomUUID } from 'node:crypto';
import type { Clock } from '../../clock/clock';
import type { RunState } from '../../model/run-state';
import type { CommitFollowUp, History } from '../history/history';
import * as machine from '../history/machine';
import type { Effect, Transition } from '../history/transition';
import type { Matching, Poller, TaskRef } from './matching';

/** A sticky queue counts as polled this long after a poll on it started. */
const STICKY_POLLER_GRACE_MS = 10_000;

/**
 * A workflow task started for a waiting poll in the commit that scheduled it: the run as
 * committed and the task. `check`: the poll had ended, so whoever takes it next must see that
 * the task is still the run's started one.
 */
export interface StartedForPoll {
  run: RunState;
  task: machine.StartedWorkflowTask;
  check?: boolean;
}

interface Handoff {
  namespace: string;
  queue: string;
  poller: Poller;
  started: StartedForPoll;
}

/** A task for another poll: one started for a poll that ended is checked again when taken. */
export function requeued(ref: TaskRef): TaskRef {
  if (ref.kind !== 'workflow' || !ref.started) return ref;
  return { ...ref, started: { ...(ref.started as StartedForPoll), check: true } };
}

/**
 * Puts the tasks that commits schedule into the task queues (Temporal's history → matching
 * transfer of tasks): workflow tasks (falling back from a sticky queue nobody polls), activity
 * tasks, and at start-up every task the store says is scheduled.
 */
export class TaskDispatch {
  constructor(
    private readonly matching: Matching,
    private readonly history: History,
    private readonly clock: Clock,
  ) {}

  /** Rebuilds the in-memory task queues from the runs' state (start-up). */
  async rebuild(): Promise<void> {
    for (const run of await this.history.store.listRunsWithQueuedTasks()) {
      if (run.status !== 'Running') continue;
      if (run.wft.state === 'scheduled') this.matching.add(run.namespace, 'workflow', run.wft.taskQueue, { kind: 'workflow', runId: run.runId });
      for (const activity of Object.values(run.activities)) {
        if (activity.state === 'scheduled') {
          this.matching.add(run.namespace, 'activity', activity.taskQueue, { kind: 'activity', runId: run.runId, scheduledEventId: activity.scheduledEventId });
        }
      }
    }
  }

  /**
   * Starts, within each transition, a workflow task it newly schedules on a queue where a poll
   * is waiting, claiming that poll; the task's dispatch effect is dropped. After the commit the
   * polls get their tasks (saving each poll a commit of its own); if it fails they are given back.
   */
  startForWaitingPolls(transitions: readonly Transition[]): CommitFollowUp | undefined {
    let handoffs: Handoff[] | undefined;
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
      (handoffs ??= []).push({ namespace: run.namespace, queue, poller, started: { run, task } });
    }
    if (!handoffs) return undefined;
    const claimed = handoffs;
    return {
      committed: () => {
        for (const h of claimed) {
          const ref: TaskRef = { kind: 'workflow', runId: h.started.run.runId, started: h.started };
          if (!h.poller.resolve(ref)) this.matching.add(h.namespace, 'workflow', h.queue, requeued(ref));
        }
      },
      failed: () => {
        for (const h of claimed) this.matching.giveBack(h.namespace, 'workflow', h.queue, h.poller);
      },
    };
  }

  /** A committed workflow task goes to its queue, or back to the normal queue if its sticky worker is gone. */
  async workflowTask(effect: Effect & { kind: 'workflowTask' }): Promise<void> {
    if (await this.stickyWorkerGone(effect.namespace, effect.runId, effect.taskQueue)) {
      await this.history.mutate(effect.namespace, effect.runId, (tr) => machine.unstickWorkflowTask(tr));
      return;
    }
    this.matching.add(effect.namespace, 'workflow', effect.taskQueue, { kind: 'workflow', runId: effect.runId });
  }

  /** A committed activity attempt goes to its queue. */
  activityTask(effect: Effect & { kind: 'activityTask' }): void {
    this.matching.add(effect.namespace, 'activity', effect.taskQueue, { kind: 'activity', runId: effect.runId, scheduledEventId: effect.scheduledEventId });
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
    const run = await this.history.store.getRun(namespace, runId);
    return !!run && run.wft.state === 'scheduled' && run.wft.sticky && run.wft.taskQueue === taskQueue;
  }
}
