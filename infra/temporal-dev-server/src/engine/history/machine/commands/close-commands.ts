/** Commands that close the run: complete, fail (or retry), cancel, continue as new. */
import { duration, fromDuration, type Msg } from '../../../../proto/proto';
import { decideRetry } from '../../retry';
import type { Transition } from '../../transition';
import { closeRun, startNextRun } from '../run';
import type { CompletionContext } from './command-table';

/** CompleteWorkflowExecution. */
export function completeWorkflowExecution(tr: Transition, a: Msg, completedEventId: number): boolean {
  const result = a?.result;
  tr.run.completionPayloads = result;
  const closeEventId = tr.write('EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED', { result, workflow_task_completed_event_id: completedEventId });
  closeRun(tr, 'Completed', closeEventId);
  return false;
}

/** FailWorkflowExecution: retried in a new run when the workflow's retry policy allows. */
export function failWorkflowExecution(tr: Transition, a: Msg, completedEventId: number): boolean {
  const run = tr.run;
  const failure = a?.failure;
  const decision = decideRetry(run.retryPolicy, run.attempt, failure, tr.now, run.executionExpirationTime);
  if (decision.retry) {
    const newRunId = tr.newId();
    const closeEventId = tr.write('EVENT_TYPE_WORKFLOW_EXECUTION_FAILED', {
      failure,
      retry_state: 'RETRY_STATE_IN_PROGRESS',
      workflow_task_completed_event_id: completedEventId,
      new_execution_run_id: newRunId,
    });
    run.failure = failure;
    run.newExecutionRunId = newRunId;
    closeRun(tr, 'Failed', closeEventId, true);
    startNextRun(tr, newRunId, {
      initiator: 'CONTINUE_AS_NEW_INITIATOR_RETRY',
      backoffMs: decision.backoffMs,
      attempt: run.attempt + 1,
      lastFailure: failure,
    });
    return false;
  }
  const closeEventId = tr.write('EVENT_TYPE_WORKFLOW_EXECUTION_FAILED', {
    failure,
    retry_state: decision.retryState,
    workflow_task_completed_event_id: completedEventId,
  });
  run.failure = failure;
  closeRun(tr, 'Failed', closeEventId);
  return false;
}

/** CancelWorkflowExecution. */
export function cancelWorkflowExecution(tr: Transition, a: Msg, completedEventId: number): boolean {
  const details = a?.details;
  const closeEventId = tr.write('EVENT_TYPE_WORKFLOW_EXECUTION_CANCELED', { details, workflow_task_completed_event_id: completedEventId });
  closeRun(tr, 'Canceled', closeEventId);
  return false;
}

/** ContinueAsNewWorkflowExecution: closes this run and creates the next in the same commit. */
export function continueAsNewWorkflowExecution(tr: Transition, a: Msg, completedEventId: number, ctx: CompletionContext): boolean {
  const run = tr.run;
  const newRunId = tr.newId();
  const taskQueue = a.task_queue?.name || run.taskQueue;
  const runTimeoutMs = fromDuration(a.workflow_run_timeout) || run.runTimeoutMs;
  const taskTimeoutMs = fromDuration(a.workflow_task_timeout) || run.taskTimeoutMs;
  const closeEventId = tr.write('EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW', {
    new_execution_run_id: newRunId,
    workflow_type: a.workflow_type ?? { name: run.workflowType },
    task_queue: { name: taskQueue, kind: 'TASK_QUEUE_KIND_NORMAL' },
    input: a.input,
    workflow_run_timeout: runTimeoutMs ? duration(runTimeoutMs) : undefined,
    workflow_task_timeout: duration(taskTimeoutMs),
    workflow_task_completed_event_id: completedEventId,
    backoff_start_interval: a.backoff_start_interval,
    initiator: 'CONTINUE_AS_NEW_INITIATOR_WORKFLOW',
    header: a.header,
    memo: a.memo,
    search_attributes: a.search_attributes,
  });
  run.newExecutionRunId = newRunId;
  closeRun(tr, 'ContinuedAsNew', closeEventId, true);
  startNextRun(tr, newRunId, {
    initiator: 'CONTINUE_AS_NEW_INITIATOR_WORKFLOW',
    backoffMs: fromDuration(a.backoff_start_interval),
    attempt: 1,
    workflowType: a.workflow_type?.name,
    taskQueue,
    input: a.input,
    header: a.header,
    memo: a.memo,
    searchAttributes: ctx.normalizeSearchAttributes(a.search_attributes?.indexed_fields),
    runTimeoutMs,
    taskTimeoutMs,
    retryPolicy: a.retry_policy,
  });
  return false;
}
