import type { Msg } from '../../proto/proto';
import { RpcError } from '../errors';
import { normalizeSearchAttributes } from '../namespaces';
import type { Queries } from '../queries-updates/queries';
import { decodeTokenOf } from '../task-token';
import * as machine from './machine';
import { type EngineCore, EngineService } from '../engine-service';

/**
 * What workers report about workflow tasks: completion (the commands, one handler per command
 * type, and the answers of queries that went with the task), failure, and leaving a sticky
 * queue (ShutdownWorker, ResetStickyTaskQueue).
 */
export class WorkflowTaskCompletion extends EngineService {
  constructor(
    core: EngineCore,
    private readonly queries: Queries,
  ) {
    super(core);
  }

  async completed(request: Msg): Promise<Msg> {
    const token = decodeTokenOf(request.task_token, 'w', 'a workflow task');
    const record = await this.namespaces.get(token.ns);
    this.queries.resolveResults(request.query_results ?? {});
    const outcome = await this.history.mutate(record.name, token.r, (tr) =>
      machine.completeWorkflowTask(tr, token.t, request, {
        normalizeSearchAttributes: (fields) => normalizeSearchAttributes(record, fields, false),
      }),
    );
    if (outcome.unhandledCommand) throw new RpcError('INVALID_ARGUMENT', 'UnhandledCommand');
    return {};
  }

  async failed(request: Msg): Promise<void> {
    const token = decodeTokenOf(request.task_token, 'w', 'a workflow task');
    await this.history.mutate(token.ns, token.r, (tr) => machine.failWorkflowTask(tr, token.t, request));
  }

  /** ShutdownWorker: the runs on the worker's sticky queue go back to their normal queue. */
  async shutdownWorker(request: Msg): Promise<void> {
    const sticky: string | undefined = request.sticky_task_queue;
    if (!sticky) return;
    const record = await this.namespaces.get(request.namespace);
    for (const run of await this.history.store.listRunsOnStickyQueue(record.name, sticky)) {
      await this.history.mutate(record.name, run.runId, (tr) => machine.unstickWorkflowTask(tr));
    }
  }

  async resetStickyTaskQueue(request: Msg): Promise<void> {
    const record = await this.namespaces.get(request.namespace);
    const run = await this.history.getRun(record.name, request.execution);
    await this.history.mutate(record.name, run.runId, (tr) => machine.unstickWorkflowTask(tr));
  }
}
