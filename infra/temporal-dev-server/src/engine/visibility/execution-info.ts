import { duration, timestamp, type Msg } from '../../proto/proto';
import type { RunState, RunStatus } from '../../model/run-state';
import { withTypeMetadata } from '../../model/search-attributes';
import type { NamespaceRecord } from '../../store/store';

/** `WORKFLOW_EXECUTION_STATUS_*` of each run status. */
export const STATUS_ENUM: Record<RunStatus, string> = {
  Running: 'WORKFLOW_EXECUTION_STATUS_RUNNING',
  Completed: 'WORKFLOW_EXECUTION_STATUS_COMPLETED',
  Failed: 'WORKFLOW_EXECUTION_STATUS_FAILED',
  Canceled: 'WORKFLOW_EXECUTION_STATUS_CANCELED',
  Terminated: 'WORKFLOW_EXECUTION_STATUS_TERMINATED',
  ContinuedAsNew: 'WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW',
  TimedOut: 'WORKFLOW_EXECUTION_STATUS_TIMED_OUT',
};

/** A run as `WorkflowExecutionInfo` (describe and list), search attributes with their registered types. */
export function executionInfo(run: RunState, record: NamespaceRecord): Msg {
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
