import { duration, timestamp, type Msg } from '../../proto/proto';
import { executionInfo } from './execution-info';
import { EngineService } from '../engine-service';

/**
 * Read-only views (Temporal's visibility and describe APIs): DescribeWorkflowExecution,
 * List/Count over the store's visibility query, and DescribeTaskQueue from matching.
 */
export class VisibilityService extends EngineService {
  async describeWorkflow(request: Msg): Promise<Msg> {
    const record = await this.namespaces.get(request.namespace);
    const run = await this.history.getRun(record.name, request.execution);
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
      workflow_execution_info: executionInfo(run, record),
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

  async listWorkflows(request: Msg): Promise<Msg> {
    const record = await this.namespaces.get(request.namespace);
    const pageSize = request.page_size > 0 ? request.page_size : 1000;
    const page = await this.history.store.listVisibility(
      { namespace: record, query: request.query ?? '', now: this.clock.now() },
      pageSize,
      request.next_page_token,
    );
    return { executions: page.runs.map((run) => executionInfo(run, record)), next_page_token: page.nextPageToken };
  }

  async countWorkflows(request: Msg): Promise<Msg> {
    const record = await this.namespaces.get(request.namespace);
    return { count: await this.history.store.countVisibility({ namespace: record, query: request.query ?? '', now: this.clock.now() }) };
  }

  /** DescribeTaskQueue: the pollers seen on a workflow or activity task queue and its backlog. */
  async describeTaskQueue(request: Msg): Promise<Msg> {
    const record = await this.namespaces.get(request.namespace);
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
}
