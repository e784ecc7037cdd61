/**
 * Commands that act on other runs: start a child, signal or cancel another workflow. Each writes
 * its initiated event and a transfer to the run's outbox, run after the commit.
 */
import type { Msg } from '../../../../proto/proto';
import type { ChildInfo } from '../../../../model/run-state';
import type { Transition } from '../../transition';

const DEFAULT_PARENT_CLOSE_POLICY = 'PARENT_CLOSE_POLICY_TERMINATE';

/** StartChildWorkflowExecution. */
export function startChildWorkflowExecution(tr: Transition, a: Msg, completedEventId: number): boolean {
  const run = tr.run;
  const namespace = a.namespace || run.namespace;
  const initiatedEventId = tr.write('EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED', {
    ...a,
    namespace,
    task_queue: { name: a.task_queue?.name || run.taskQueue, kind: 'TASK_QUEUE_KIND_NORMAL' },
    parent_close_policy: a.parent_close_policy ?? DEFAULT_PARENT_CLOSE_POLICY,
    workflow_task_completed_event_id: completedEventId,
  });
  const child: ChildInfo = {
    initiatedEventId,
    namespace,
    workflowId: a.workflow_id,
    workflowType: a.workflow_type?.name ?? '',
    parentClosePolicy:
      a.parent_close_policy && a.parent_close_policy !== 'PARENT_CLOSE_POLICY_UNSPECIFIED' ? a.parent_close_policy : DEFAULT_PARENT_CLOSE_POLICY,
  };
  run.children[String(initiatedEventId)] = child;
  tr.transfer({
    kind: 'startChild',
    parentNamespace: run.namespace,
    parentRunId: run.runId,
    initiatedEventId,
    attributes: { ...a, namespace, task_queue: { name: a.task_queue?.name || run.taskQueue } },
  });
  return false;
}

/** SignalExternalWorkflowExecution. */
export function signalExternalWorkflowExecution(tr: Transition, a: Msg, completedEventId: number): boolean {
  const run = tr.run;
  const namespace = a.namespace || run.namespace;
  const initiatedEventId = tr.write('EVENT_TYPE_SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_INITIATED', {
    ...a,
    namespace,
    workflow_task_completed_event_id: completedEventId,
  });
  run.signalsExternal[String(initiatedEventId)] = {
    initiatedEventId,
    namespace,
    workflowId: a.execution?.workflow_id,
    runId: a.execution?.run_id || undefined,
    control: a.control,
  };
  tr.transfer({ kind: 'signalExternal', namespace: run.namespace, runId: run.runId, initiatedEventId, attributes: { ...a, namespace } });
  return false;
}

/** RequestCancelExternalWorkflowExecution. */
export function requestCancelExternalWorkflowExecution(tr: Transition, a: Msg, completedEventId: number): boolean {
  const run = tr.run;
  const namespace = a.namespace || run.namespace;
  const initiatedEventId = tr.write('EVENT_TYPE_REQUEST_CANCEL_EXTERNAL_WORKFLOW_EXECUTION_INITIATED', {
    namespace,
    workflow_execution: { workflow_id: a.workflow_id, run_id: a.run_id || undefined },
    control: a.control,
    child_workflow_only: a.child_workflow_only,
    reason: a.reason,
    workflow_task_completed_event_id: completedEventId,
  });
  run.cancelsExternal[String(initiatedEventId)] = {
    initiatedEventId,
    namespace,
    workflowId: a.workflow_id,
    runId: a.run_id || undefined,
    control: a.control,
  };
  tr.transfer({ kind: 'cancelExternal', namespace: run.namespace, runId: run.runId, initiatedEventId, attributes: { ...a, namespace } });
  return false;
}
