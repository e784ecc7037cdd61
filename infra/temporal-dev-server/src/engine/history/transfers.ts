import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Clock } from '../../clock/clock';
import { fromDuration, type Msg } from '../../proto/proto';
import type { Transfer } from '../../model/run-state';
import { normalizeSearchAttributes } from '../namespaces';
import { idReuseAllowed } from './id-reuse';
import type { History } from './history';
import * as machine from './machine';
import type { Transition } from './transition';

/**
 * Temporal's transfer task processing: the outbox of a run (`RunState.transfers`), work on other
 * runs written in the same commit as its cause, run after it as commits of their own (start a
 * child, tell a parent, signal or cancel another workflow, parent-close policies) and removed
 * when done. Resumed at start; every kind is idempotent.
 */
export class Transfers {
  /** Runs whose outbox is being processed; true when another pass was requested meanwhile. */
  private readonly transferring = new Map<string, boolean>();

  constructor(
    private readonly history: History,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  private get store() {
    return this.history.store;
  }

  /** Resumes the outboxes a previous server left (start-up). */
  async resume(): Promise<void> {
    for (const run of await this.store.listRunsWithTransfers()) await this.process(run.namespace, run.runId);
  }

  /** Runs the outbox of a run, one transfer after another; re-entrant calls only flag a rerun. */
  async process(namespace: string, runId: string): Promise<void> {
    const key = `${namespace}\u0000${runId}`;
    if (this.transferring.has(key)) {
      this.transferring.set(key, true);
      return;
    }
    this.transferring.set(key, false);
    try {
      for (;;) {
        const run = await this.store.getRun(namespace, runId);
        for (const transfer of run?.transfers ?? []) {
          try {
            await this.runTransfer(namespace, runId, transfer);
            await this.history.mutate(namespace, runId, (tr) => {
              tr.run.transfers = tr.run.transfers.filter((t) => t.id !== transfer.id);
            });
          } catch (error) {
            this.logger.error({ err: error, transfer: transfer.kind, runId }, 'transfer failed');
          }
        }
        if (!this.transferring.get(key)) return;
        this.transferring.set(key, false);
      }
    } finally {
      this.transferring.delete(key);
    }
  }

  /** One transfer; each kind is idempotent, so a resumed outbox may repeat it safely. */
  private async runTransfer(ownerNamespace: string, ownerRunId: string, transfer: Transfer): Promise<void> {
    switch (transfer.kind) {
      case 'startChild':
        await this.startChild(transfer.parentNamespace, transfer.parentRunId, transfer.initiatedEventId, transfer.attributes);
        return;
      case 'notifyParent': {
        const { parent } = transfer;
        const parentRun = await this.store.getRun(parent.namespace, parent.runId);
        if (!parentRun || parentRun.status !== 'Running') return;
        await this.history.mutate(parent.namespace, parent.runId, (tr) =>
          machine.childClosed(
            tr,
            parent.initiatedEventId,
            { workflow_id: transfer.childWorkflowId, run_id: transfer.childRunId },
            transfer.workflowType,
            transfer.closeEvent,
          ),
        );
        return;
      }
      case 'signalExternal': {
        const a = transfer.attributes;
        const ok = await this.deliverExternal(a.namespace, a.execution?.workflow_id, a.execution?.run_id, (tr) =>
          machine.signal(
            tr,
            { signal_name: a.signal_name, input: a.input, header: a.header, identity: '', request_id: `${transfer.runId}/${transfer.initiatedEventId}` },
            { workflow_id: '', run_id: transfer.runId },
          ),
        );
        await this.history.mutate(transfer.namespace, transfer.runId, (tr) => machine.externalRequestResolved(tr, 'signal', transfer.initiatedEventId, ok));
        return;
      }
      case 'cancelExternal': {
        const a = transfer.attributes;
        const source = await this.store.getRun(transfer.namespace, transfer.runId);
        const ok = await this.deliverExternal(a.namespace, a.workflow_id, a.run_id, (tr) =>
          machine.requestCancel(
            tr,
            { reason: a.reason },
            { initiatedEventId: transfer.initiatedEventId, execution: { workflow_id: source?.workflowId, run_id: transfer.runId } },
          ),
        );
        await this.history.mutate(transfer.namespace, transfer.runId, (tr) => machine.externalRequestResolved(tr, 'cancel', transfer.initiatedEventId, ok));
        return;
      }
      case 'parentClosed':
        for (const child of transfer.children) {
          const runId = await this.store.getCurrentRunId(child.namespace, child.workflowId);
          if (!runId) continue;
          const run = await this.store.getRun(child.namespace, runId);
          if (!run || run.status !== 'Running' || run.parent?.runId !== ownerRunId || run.parent.namespace !== ownerNamespace) continue;
          if (child.parentClosePolicy === 'PARENT_CLOSE_POLICY_REQUEST_CANCEL') {
            await this.history.mutate(child.namespace, runId, (tr) => machine.requestCancel(tr, { reason: transfer.reason }));
          } else {
            await this.history.mutate(child.namespace, runId, (tr) => machine.terminate(tr, 'by parent close policy', undefined, undefined));
          }
        }
        return;
    }
  }

  private async deliverExternal(namespace: string, workflowId: string, runId: string | undefined, apply: (tr: Transition) => void): Promise<boolean> {
    const target = runId || (await this.store.getCurrentRunId(namespace, workflowId));
    if (!target) return false;
    const run = await this.store.getRun(namespace, target);
    if (!run || run.status !== 'Running' || run.workflowId !== workflowId) return false;
    await this.history.mutate(namespace, target, apply);
    return true;
  }

  private async startChild(parentNamespace: string, parentRunId: string, initiatedEventId: number, a: Msg): Promise<void> {
    const namespace: string = a.namespace;
    const record = await this.store.getNamespace(namespace);
    const currentId = record ? await this.store.getCurrentRunId(namespace, a.workflow_id) : undefined;
    const current = currentId ? await this.store.getRun(namespace, currentId) : undefined;
    if (current?.parent?.runId === parentRunId && current.parent.initiatedEventId === initiatedEventId) {
      // Started by an earlier pass of this transfer; only the parent's record may be missing.
      await this.history.mutate(parentNamespace, parentRunId, (tr) =>
        machine.childStarted(tr, initiatedEventId, { workflow_id: a.workflow_id, run_id: current.firstExecutionRunId }, a.workflow_type?.name, a.header),
      );
      return;
    }
    const blocked = !record || (current !== undefined && (current.status === 'Running' || !idReuseAllowed(a.workflow_id_reuse_policy, current.status)));
    if (blocked) {
      await this.history.mutate(parentNamespace, parentRunId, (tr) =>
        machine.childStartFailed(tr, initiatedEventId, 'START_CHILD_WORKFLOW_EXECUTION_FAILED_CAUSE_WORKFLOW_ALREADY_EXISTS'),
      );
      return;
    }
    const parentRun = await this.store.getRun(parentNamespace, parentRunId);
    if (!parentRun || parentRun.status !== 'Running') return;
    const runId = randomUUID();
    const created = machine.createRun(
      {
        namespace,
        workflowId: a.workflow_id,
        runId,
        workflowType: a.workflow_type?.name,
        taskQueue: a.task_queue?.name,
        input: a.input,
        header: a.header,
        memo: a.memo,
        searchAttributes: normalizeSearchAttributes(record, a.search_attributes?.indexed_fields, false),
        executionTimeoutMs: fromDuration(a.workflow_execution_timeout),
        runTimeoutMs: fromDuration(a.workflow_run_timeout),
        taskTimeoutMs: fromDuration(a.workflow_task_timeout),
        retryPolicy: a.retry_policy,
        parent: { namespace: parentNamespace, workflowId: parentRun.workflowId, runId: parentRunId, initiatedEventId },
        idReusePolicy: a.workflow_id_reuse_policy,
      },
      this.clock.now(),
      randomUUID,
    );
    await this.history.commit([created]);
    await this.history.mutate(parentNamespace, parentRunId, (tr) =>
      machine.childStarted(tr, initiatedEventId, { workflow_id: a.workflow_id, run_id: runId }, a.workflow_type?.name, a.header),
    );
  }
}
