import { randomUUID } from 'node:crypto';
import { fromDuration, type Msg } from '../../proto/proto';
import type { RunState } from '../../model/run-state';
import { ConcurrencyConflictError } from '../../store/store';
import { RpcError } from '../errors';
import { normalizeSearchAttributes } from '../namespaces';
import { idReuseAllowed } from './id-reuse';
import * as machine from './machine';
import type { Transition } from './transition';
import { EngineService } from '../engine-service';

/** Result of a start: the run that serves it and whether this request created it. */
export interface StartResult {
  runId: string;
  started: boolean;
}

function alreadyStarted(workflowId: string, run: RunState, requestId: string): RpcError {
  return new RpcError('ALREADY_EXISTS', `Workflow execution is already running. WorkflowId: ${workflowId}, RunId: ${run.runId}.`, {
    typeName: 'temporal.api.errordetails.v1.WorkflowExecutionAlreadyStartedFailure',
    body: { start_request_id: requestId, run_id: run.runId, first_execution_run_id: run.firstExecutionRunId },
  });
}

/**
 * What clients do to executions in history: start (with id reuse and conflict policies, signal-
 * or update-with-start), signal, request cancellation and terminate.
 */
export class Executions extends EngineService {
  /** StartWorkflowExecution and SignalWithStartWorkflowExecution (and the start of update-with-start). */
  async start(request: Msg, signal?: Msg, update?: Msg): Promise<StartResult> {
    const record = await this.namespaces.get(request.namespace);
    const workflowId: string = request.workflow_id;
    if (!workflowId) throw new RpcError('INVALID_ARGUMENT', 'WorkflowId is not set on request.');
    if (!request.workflow_type?.name) throw new RpcError('INVALID_ARGUMENT', 'WorkflowType is not set on request.');
    if (!request.task_queue?.name) throw new RpcError('INVALID_ARGUMENT', 'TaskQueue is not set on request.');
    const requestId: string = request.request_id || randomUUID();
    const searchAttributes = normalizeSearchAttributes(record, request.search_attributes?.indexed_fields, true);
    const store = this.history.store;
    for (let attempt = 0; ; attempt++) {
      const currentId = await store.getCurrentRunId(record.name, workflowId);
      const current = currentId ? await store.getRun(record.name, currentId) : undefined;
      const transitions: Transition[] = [];
      let reusePolicy: string | undefined = request.workflow_id_reuse_policy;
      let conflictPolicy: string | undefined = request.workflow_id_conflict_policy;
      if (reusePolicy === 'WORKFLOW_ID_REUSE_POLICY_TERMINATE_IF_RUNNING') {
        reusePolicy = 'WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE';
        conflictPolicy = 'WORKFLOW_ID_CONFLICT_POLICY_TERMINATE_EXISTING';
      }
      if (current?.status === 'Running') {
        if (current.requestIds.includes(requestId)) return { runId: current.runId, started: true };
        if (update && conflictPolicy === 'WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING') {
          if (!current.updates[update.meta?.update_id]) await this.history.mutate(record.name, current.runId, (tr) => machine.admitUpdate(tr, update));
          return { runId: current.runId, started: false };
        }
        if (signal) {
          await this.history.mutate(record.name, current.runId, (tr) => machine.signal(tr, signal));
          return { runId: current.runId, started: false };
        }
        if (conflictPolicy === 'WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING') return { runId: current.runId, started: false };
        if (conflictPolicy !== 'WORKFLOW_ID_CONFLICT_POLICY_TERMINATE_EXISTING') throw alreadyStarted(workflowId, current, requestId);
        const terminating = this.history.newTransition(current);
        machine.terminate(terminating, 'terminated by new start (TERMINATE_EXISTING)', undefined, request.identity);
        transitions.push(terminating);
      } else if (current && !idReuseAllowed(reusePolicy, current.status)) {
        throw alreadyStarted(workflowId, current, requestId);
      }
      const runId = randomUUID();
      const created = machine.createRun(
        {
          namespace: record.name,
          workflowId,
          runId,
          workflowType: request.workflow_type.name,
          taskQueue: request.task_queue.name,
          input: request.input,
          header: request.header,
          memo: request.memo,
          searchAttributes,
          executionTimeoutMs: fromDuration(request.workflow_execution_timeout),
          runTimeoutMs: fromDuration(request.workflow_run_timeout),
          taskTimeoutMs: fromDuration(request.workflow_task_timeout),
          retryPolicy: request.retry_policy,
          identity: request.identity,
          requestId,
          startDelayMs: fromDuration(request.workflow_start_delay),
          lastFailure: request.continued_failure,
          lastCompletionResult: request.last_completion_result,
          idReusePolicy: reusePolicy,
          signal: signal ? { name: signal.signal_name, input: signal.input, header: signal.header, identity: signal.identity } : undefined,
        },
        this.clock.now(),
        randomUUID,
      );
      if (update) machine.admitUpdate(created, update);
      transitions.push(created);
      try {
        await this.history.commit(transitions);
        return { runId, started: true };
      } catch (error) {
        if (error instanceof ConcurrencyConflictError && attempt < 10) continue;
        throw error;
      }
    }
  }

  /** Applies a change to the open run an execution names; a closed run is NOT_FOUND. */
  private async changeOpenRun(request: Msg, apply: (tr: Transition) => void): Promise<void> {
    const record = await this.namespaces.get(request.namespace);
    const run = await this.history.getRun(record.name, request.workflow_execution);
    if (run.status !== 'Running') throw new RpcError('NOT_FOUND', 'workflow execution already completed');
    await this.history.mutate(record.name, run.runId, apply);
  }

  async signal(request: Msg): Promise<void> {
    await this.changeOpenRun(request, (tr) => machine.signal(tr, request));
  }

  async requestCancel(request: Msg): Promise<void> {
    await this.changeOpenRun(request, (tr) => machine.requestCancel(tr, request));
  }

  async terminate(request: Msg): Promise<void> {
    await this.changeOpenRun(request, (tr) => machine.terminate(tr, request.reason ?? '', request.details, request.identity));
  }
}
