import { randomUUID } from 'node:crypto';
import { timestamp, type Msg } from '../../proto/proto';
import type { RunState } from '../../model/run-state';
import * as machine from '../history/machine';
import type { Queries } from '../queries-updates/queries';
import { encodeToken } from '../task-token';
import type { TaskRef } from './matching';
import { longPoll } from './long-poll';
import { type StartedForPoll } from './task-dispatch';
import { type EngineCore, EngineService } from '../engine-service';

/**
 * PollWorkflowTaskQueue: long-polls a workflow task queue for a workflow task (started in
 * history as the poll takes it, unless a commit started it for this poll already) or a
 * query-only task.
 */
export class WorkflowTaskPoller extends EngineService {
  constructor(
    core: EngineCore,
    private readonly queries: Queries,
  ) {
    super(core);
  }

  async poll(request: Msg, deadlineMs: number, signal: AbortSignal): Promise<Msg> {
    const record = await this.namespaces.get(request.namespace);
    const queueName: string = request.task_queue?.name;
    const poll = { namespace: record.name, type: 'workflow' as const, queueName, identity: request.identity ?? '', deadlineMs, signal };
    return longPoll(this.matching, this.clock, this.stopped, poll, async (ref) => {
      if (ref.kind === 'query') return this.queries.take(ref.queryId, queueName);
      if (ref.kind === 'workflow') return this.takeWorkflowTask(record.name, ref, queueName, request);
      return undefined;
    });
  }

  private async takeWorkflowTask(namespace: string, ref: TaskRef & { kind: 'workflow' }, queueName: string, request: Msg): Promise<Msg | undefined> {
    const prestarted = ref.started as StartedForPoll | undefined;
    if (prestarted) {
      if (prestarted.check) {
        const current = await this.history.store.getRun(namespace, ref.runId);
        if (current?.wft.state !== 'started' || current.wft.token !== prestarted.task.token) return undefined;
      }
      return this.response(namespace, prestarted.run, prestarted.task, queueName);
    }
    const requestId = randomUUID();
    let committed: RunState | undefined;
    const started = await this.history.mutate(namespace, ref.runId, (tr) => {
      committed = tr.run;
      return machine.startWorkflowTask(tr, queueName, request.identity ?? '', requestId);
    });
    // The state just committed, as the store now holds it (the transition is not used again).
    const run = committed;
    if (!started || !run) return undefined;
    return this.response(namespace, run, started, queueName);
  }

  /** The answer for a workflow task just started on `run` (its committed state). */
  private async response(namespace: string, run: RunState, started: machine.StartedWorkflowTask, queueName: string): Promise<Msg> {
    const fromEventId = started.sticky ? started.previousStartedEventId + 1 : 1;
    const events = (await this.history.store.readHistory(namespace, run.runId, fromEventId)).filter((e) => e.event_id <= started.startedEventId);
    const queries = this.queries.attachTo(run.runId, started.token);
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
}
