import { randomUUID } from 'node:crypto';
import { duration, timestamp, type Msg } from '../../proto/proto';
import { RpcError } from '../errors';
import * as machine from '../history/machine';
import { longPoll } from '../matching/long-poll';
import { decodeTokenOf, encodeToken, type TaskToken } from '../task-token';
import { EngineService } from '../engine-service';

type ActivityToken = TaskToken & { k: 'a' };

/**
 * Activity dispatch: PollActivityTaskQueue hands an attempt to a worker (started in history as
 * it is taken) and the worker reports back by task token or, for async completion, by workflow
 * id + activity id: completed, failed (retried per policy), canceled, heartbeats.
 */
export class ActivityTasks extends EngineService {
  async poll(request: Msg, deadlineMs: number, signal: AbortSignal): Promise<Msg> {
    const record = await this.namespaces.get(request.namespace);
    const queueName: string = request.task_queue?.name;
    const identity: string = request.identity ?? '';
    const poll = { namespace: record.name, type: 'activity' as const, queueName, identity, deadlineMs, signal };
    return longPoll(this.matching, this.clock, this.stopped, poll, async (ref) => {
      if (ref.kind !== 'activity') return {};
      const requestId = randomUUID();
      const taken = await this.history.mutate(record.name, ref.runId, (tr) => {
        const activity = machine.startActivity(tr, ref.scheduledEventId, identity, requestId);
        return activity ? { activity: structuredClone(activity), run: tr.run } : undefined;
      });
      if (!taken) return undefined;
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
    });
  }

  /** The started activity a request addresses: by task token, or by workflow id + activity id. */
  private async target(request: Msg, byId: boolean): Promise<ActivityToken> {
    if (!byId) return decodeTokenOf(request.task_token, 'a', 'an activity task');
    const record = await this.namespaces.get(request.namespace);
    const run = await this.history.getRun(record.name, { workflow_id: request.workflow_id, run_id: request.run_id });
    const activity = Object.values(run.activities).find((a) => a.activityId === request.activity_id);
    if (!activity || activity.state !== 'started') throw new RpcError('NOT_FOUND', 'Activity task not found.');
    return { k: 'a', ns: record.name, r: run.runId, s: activity.scheduledEventId, t: activity.token };
  }

  async completed(request: Msg, byId: boolean): Promise<void> {
    const t = await this.target(request, byId);
    await this.history.mutate(t.ns, t.r, (tr) => machine.completeActivity(tr, t.s, t.t, request.result, request.identity ?? ''));
  }

  async failed(request: Msg, byId: boolean): Promise<void> {
    const t = await this.target(request, byId);
    await this.history.mutate(t.ns, t.r, (tr) => machine.failActivity(tr, t.s, t.t, request.failure, request.last_heartbeat_details, request.identity ?? ''));
  }

  async canceled(request: Msg, byId: boolean): Promise<void> {
    const t = await this.target(request, byId);
    await this.history.mutate(t.ns, t.r, (tr) => machine.cancelActivity(tr, t.s, t.t, request.details, request.identity ?? ''));
  }

  async heartbeat(request: Msg, byId: boolean): Promise<Msg> {
    const t = await this.target(request, byId);
    const cancelRequested = await this.history.mutate(t.ns, t.r, (tr) => machine.heartbeatActivity(tr, t.s, t.t, request.details));
    return { cancel_requested: cancelRequested, activity_paused: false, activity_reset: false };
  }
}
