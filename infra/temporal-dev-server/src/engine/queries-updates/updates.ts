import { packAny, type Msg } from '../../proto/proto';
import { GRPC_CODES, RpcError } from '../errors';
import type { RunChanges } from '../history/changes';
import type { Executions, StartResult } from '../history/executions';
import * as machine from '../history/machine';
import { type EngineCore, EngineService } from '../engine-service';

const UPDATE_LONG_POLL_MS = 10_000;

/**
 * Workflow updates: admitted into the run (reaching the worker with its next, always normal,
 * workflow task) and waited for until the requested lifecycle stage; update-with-start.
 */
export class Updates extends EngineService {
  constructor(
    core: EngineCore,
    private readonly executions: Executions,
    private readonly changes: RunChanges,
  ) {
    super(core);
  }

  /** UpdateWorkflowExecution. */
  async update(request: Msg, deadlineMs: number, signal: AbortSignal): Promise<Msg> {
    const record = await this.namespaces.get(request.namespace);
    const run = await this.history.getRun(record.name, request.workflow_execution);
    if (request.first_execution_run_id && run.firstExecutionRunId !== request.first_execution_run_id) {
      throw new RpcError('NOT_FOUND', 'workflow execution not found');
    }
    const updateId: string = request.request?.meta?.update_id;
    if (run.status !== 'Running' && !run.updates[updateId]) throw new RpcError('NOT_FOUND', 'workflow execution already completed');
    if (run.status === 'Running' && !run.updates[updateId]) {
      await this.history.mutate(record.name, run.runId, (tr) => machine.admitUpdate(tr, request.request));
    }
    const stage = request.wait_policy?.lifecycle_stage ?? 'UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_ACCEPTED';
    return this.awaitUpdate(record.name, run.runId, run.workflowId, updateId, stage, deadlineMs, signal);
  }

  /** ExecuteMultiOperation: update-with-start (start or reuse the workflow, then update it). */
  async executeMultiOperation(request: Msg, deadlineMs: number, signal: AbortSignal): Promise<Msg> {
    const [startOperation, updateOperation] = request.operations ?? [];
    const start: Msg | undefined = startOperation?.start_workflow;
    const update: Msg | undefined = updateOperation?.update_workflow;
    if (!start || !update || request.operations.length !== 2) {
      throw new RpcError('INVALID_ARGUMENT', 'ExecuteMultiOperation supports exactly one start followed by one update.');
    }
    if (start.workflow_id !== update.workflow_execution?.workflow_id) {
      throw new RpcError('INVALID_ARGUMENT', 'Start and update must address the same workflow id.');
    }
    let started: StartResult;
    try {
      started = await this.executions.start({ ...start, namespace: request.namespace }, undefined, update.request);
    } catch (error) {
      if (!(error instanceof RpcError)) throw error;
      throw new RpcError(error.code, error.message, {
        typeName: 'temporal.api.errordetails.v1.MultiOperationExecutionFailure',
        body: {
          statuses: [
            { code: GRPC_CODES[error.code], message: error.message, details: error.details ? [packAny(error.details.typeName, error.details.body)] : [] },
            { code: 10, message: 'Operation was aborted.', details: [packAny('temporal.api.failure.v1.MultiOperationExecutionAborted', {})] },
          ],
        },
      });
    }
    const record = await this.namespaces.get(request.namespace);
    const stage = update.wait_policy?.lifecycle_stage ?? 'UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_ACCEPTED';
    const updateResponse = await this.awaitUpdate(record.name, started.runId, start.workflow_id, update.request?.meta?.update_id, stage, deadlineMs, signal);
    return {
      responses: [{ start_workflow: { run_id: started.runId, started: started.started } }, { update_workflow: updateResponse }],
    };
  }

  /** PollWorkflowExecutionUpdate. */
  async poll(request: Msg, deadlineMs: number, signal: AbortSignal): Promise<Msg> {
    const record = await this.namespaces.get(request.namespace);
    const ref = request.update_ref;
    const run = await this.history.getRun(record.name, ref?.workflow_execution);
    if (!run.updates[ref?.update_id]) throw new RpcError('NOT_FOUND', `update ${String(ref?.update_id)} not found`);
    const stage = request.wait_policy?.lifecycle_stage ?? 'UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_COMPLETED';
    return this.awaitUpdate(record.name, run.runId, run.workflowId, ref.update_id, stage, deadlineMs, signal);
  }

  private async awaitUpdate(
    namespace: string,
    runId: string,
    workflowId: string,
    updateId: string,
    stage: string,
    deadlineMs: number,
    signal: AbortSignal,
  ): Promise<Msg> {
    const until = Math.min(Date.now() + UPDATE_LONG_POLL_MS, deadlineMs - 500);
    const updateRef = { workflow_execution: { workflow_id: workflowId, run_id: runId }, update_id: updateId };
    for (;;) {
      const run = await this.history.store.getRun(namespace, runId);
      const update = run?.updates[updateId];
      if (!run || !update) throw new RpcError('NOT_FOUND', `update ${updateId} not found`);
      if (update.state === 'completed' || update.state === 'rejected') {
        return { update_ref: updateRef, outcome: update.outcome, stage: 'UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_COMPLETED' };
      }
      if (update.state === 'accepted' && stage !== 'UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_COMPLETED') {
        return { update_ref: updateRef, stage: 'UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_ACCEPTED' };
      }
      if (run.status !== 'Running') throw new RpcError('NOT_FOUND', 'workflow execution already completed');
      if (Date.now() >= until || signal.aborted || this.stopped.aborted) {
        return {
          update_ref: updateRef,
          stage: update.state === 'accepted' ? 'UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_ACCEPTED' : 'UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_ADMITTED',
        };
      }
      await this.changes.waitForChange(runId, until - Date.now(), signal);
    }
  }
}
