/** What other runs report back to a run: children started or closed, external requests resolved. */
import type { Msg } from '../../../proto/proto';
import { PENDING_STARTED_ID, type Transition } from '../transition';
import { addExternalEvent } from './run';

/** Records the start (or failed start) of a child on the parent. */
export function childStarted(tr: Transition, initiatedEventId: number, execution: Msg, workflowType: string, header: Msg | undefined): void {
  const child = tr.run.children[String(initiatedEventId)];
  if (!child || child.runId || tr.run.status !== 'Running') return;
  child.runId = execution.run_id;
  const id = addExternalEvent(tr, 'EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_STARTED', {
    namespace: child.namespace,
    initiated_event_id: initiatedEventId,
    workflow_execution: execution,
    workflow_type: { name: workflowType },
    header,
  });
  if (id > 0) child.startedEventId = id;
}

/** StartChildWorkflowExecutionFailed (workflow id already in use). */
export function childStartFailed(tr: Transition, initiatedEventId: number, cause: string): void {
  const child = tr.run.children[String(initiatedEventId)];
  if (!child || tr.run.status !== 'Running') return;
  delete tr.run.children[String(initiatedEventId)];
  addExternalEvent(tr, 'EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_FAILED', {
    namespace: child.namespace,
    workflow_id: child.workflowId,
    workflow_type: { name: child.workflowType },
    cause,
    initiated_event_id: initiatedEventId,
  });
}

const CHILD_CLOSE_EVENTS: Record<string, string> = {
  EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED: 'EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_COMPLETED',
  EVENT_TYPE_WORKFLOW_EXECUTION_FAILED: 'EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_FAILED',
  EVENT_TYPE_WORKFLOW_EXECUTION_CANCELED: 'EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_CANCELED',
  EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED: 'EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_TERMINATED',
  EVENT_TYPE_WORKFLOW_EXECUTION_TIMED_OUT: 'EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_TIMED_OUT',
};

/** Records a child's close event on the parent. */
export function childClosed(tr: Transition, initiatedEventId: number, execution: Msg, workflowType: string, closeEvent: Msg): void {
  const child = tr.run.children[String(initiatedEventId)];
  if (!child || tr.run.status !== 'Running') return;
  const eventType = CHILD_CLOSE_EVENTS[closeEvent.event_type];
  if (!eventType) return;
  const source = closeEvent[`${closeEvent.event_type.replace(/^EVENT_TYPE_/, '').toLowerCase()}_event_attributes`] ?? {};
  delete tr.run.children[String(initiatedEventId)];
  addExternalEvent(tr, eventType, {
    namespace: child.namespace,
    workflow_execution: execution,
    workflow_type: { name: workflowType },
    initiated_event_id: initiatedEventId,
    started_event_id: child.startedEventId ?? PENDING_STARTED_ID,
    result: source.result,
    failure: source.failure,
    retry_state: source.retry_state,
    details: source.details,
  });
}

/** Outcome of a signal-external or cancel-external request on the initiating run. */
export function externalRequestResolved(tr: Transition, kind: 'signal' | 'cancel', initiatedEventId: number, ok: boolean): void {
  const run = tr.run;
  const table = kind === 'signal' ? run.signalsExternal : run.cancelsExternal;
  const request = table[String(initiatedEventId)];
  if (!request || run.status !== 'Running') return;
  delete table[String(initiatedEventId)];
  const execution = { workflow_id: request.workflowId, run_id: request.runId };
  if (kind === 'signal') {
    addExternalEvent(
      tr,
      ok ? 'EVENT_TYPE_EXTERNAL_WORKFLOW_EXECUTION_SIGNALED' : 'EVENT_TYPE_SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_FAILED',
      ok
        ? { initiated_event_id: initiatedEventId, namespace: request.namespace, workflow_execution: execution, control: request.control }
        : {
            cause: 'SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_FAILED_CAUSE_EXTERNAL_WORKFLOW_EXECUTION_NOT_FOUND',
            initiated_event_id: initiatedEventId,
            namespace: request.namespace,
            workflow_execution: execution,
            control: request.control,
          },
    );
  } else {
    addExternalEvent(
      tr,
      ok ? 'EVENT_TYPE_EXTERNAL_WORKFLOW_EXECUTION_CANCEL_REQUESTED' : 'EVENT_TYPE_REQUEST_CANCEL_EXTERNAL_WORKFLOW_EXECUTION_FAILED',
      ok
        ? { initiated_event_id: initiatedEventId, namespace: request.namespace, workflow_execution: execution }
        : {
            cause: 'CANCEL_EXTERNAL_WORKFLOW_EXECUTION_FAILED_CAUSE_EXTERNAL_WORKFLOW_EXECUTION_NOT_FOUND',
            initiated_event_id: initiatedEventId,
            namespace: request.namespace,
            workflow_execution: execution,
            control: request.control,
          },
    );
  }
}
