import { randomUUID } from 'node:crypto';
import { timestamp, type Msg } from '../../proto/proto';
import { RpcError } from '../errors';
import { decodeTokenOf, encodeToken } from '../task-token';
import { STATUS_ENUM } from '../visibility/execution-info';
import { EngineService } from '../engine-service';

interface PendingQuery {
  id: string;
  namespace: string;
  runId: string;
  query: Msg;
  state: 'waiting' | 'attached' | 'dispatched' | 'taken';
  attachedToken?: number;
  resolve(result: Msg): void;
  reject(error: Error): void;
}

/**
 * QueryWorkflow. A query goes with the run's pending workflow task when there is one, otherwise
 * as a query-only task (to the sticky queue first) answered by RespondQueryTaskCompleted. Queries
 * are in memory only: one outstanding during a crash fails and the client retries.
 */
export class Queries extends EngineService {
  private readonly queries = new Map<string, PendingQuery>();

  /** QueryWorkflow: answered by the next workflow task or by a query-only task. */
  async query(request: Msg, deadlineMs: number, signal: AbortSignal): Promise<Msg> {
    const record = await this.namespaces.get(request.namespace);
    const run = await this.history.getRun(record.name, request.execution);
    const reject = request.query_reject_condition;
    if (run.status !== 'Running') {
      if (reject === 'QUERY_REJECT_CONDITION_NOT_OPEN' || (reject === 'QUERY_REJECT_CONDITION_NOT_COMPLETED_CLEANLY' && run.status !== 'Completed')) {
        return { query_rejected: { status: STATUS_ENUM[run.status] } };
      }
    }
    const id = randomUUID();
    const result = new Promise<Msg>((resolve, reject) => {
      this.queries.set(id, { id, namespace: record.name, runId: run.runId, query: request.query, state: 'waiting', resolve, reject });
    });
    const cleanup = () => {
      const query = this.queries.get(id);
      if (query) {
        this.queries.delete(id);
        query.reject(new RpcError('FAILED_PRECONDITION', 'query timed out'));
      }
    };
    const timer = setTimeout(cleanup, Math.max(0, deadlineMs - Date.now()));
    signal.addEventListener('abort', cleanup, { once: true });
    await this.pump(record.name, run.runId);
    try {
      const answer = await result;
      if (answer.result_type === 'QUERY_RESULT_TYPE_FAILED') {
        throw new RpcError('INVALID_ARGUMENT', answer.error_message || 'query failed', {
          typeName: 'temporal.api.errordetails.v1.QueryFailedFailure',
          body: { failure: answer.failure },
        });
      }
      return { query_result: answer.answer };
    } finally {
      clearTimeout(timer);
      signal.removeEventListener('abort', cleanup);
    }
  }

  /** Routes waiting queries of a run: attach to a pending task or dispatch a query-only task. */
  async pump(namespace: string, runId: string): Promise<void> {
    const waiting = [...this.queries.values()].filter((q) => q.runId === runId && q.namespace === namespace);
    if (waiting.length === 0) return;
    const run = await this.history.store.getRun(namespace, runId);
    if (!run) return;
    for (const query of waiting) {
      if (query.state === 'attached' && (run.wft.state !== 'started' || run.wft.token !== query.attachedToken)) query.state = 'waiting';
      if (query.state !== 'waiting') continue;
      if (run.status === 'Running' && run.wft.state !== 'none') continue;
      query.state = 'dispatched';
      const sticky = run.status === 'Running' ? run.stickyQueue : undefined;
      this.matching.add(namespace, 'workflow', sticky ?? run.taskQueue, { kind: 'query', queryId: query.id });
      if (sticky) {
        setTimeout(() => {
          if (this.queries.get(query.id)?.state === 'dispatched') this.matching.add(namespace, 'workflow', run.taskQueue, { kind: 'query', queryId: query.id });
        }, run.stickyTimeoutMs || 5000).unref();
      }
    }
  }

  /** The run's waiting queries, attached to the workflow task `token` just started (by query id). */
  attachTo(runId: string, token: number): Record<string, Msg> {
    const queries: Record<string, Msg> = {};
    for (const query of this.queries.values()) {
      if (query.runId === runId && query.state === 'waiting') {
        query.state = 'attached';
        query.attachedToken = token;
        queries[query.id] = query.query;
      }
    }
    return queries;
  }

  /** PollWorkflowTaskQueue's answer for a query-only task, undefined if it is gone. */
  async take(queryId: string, queueName: string): Promise<Msg | undefined> {
    const query = this.queries.get(queryId);
    if (!query || query.state !== 'dispatched') return undefined;
    const store = this.history.store;
    const run = await store.getRun(query.namespace, query.runId);
    if (!run) return undefined;
    query.state = 'taken';
    const sticky = queueName !== run.taskQueue;
    const events = sticky ? [] : await store.readHistory(run.namespace, run.runId);
    return {
      task_token: encodeToken({ k: 'q', ns: run.namespace, q: queryId }),
      workflow_execution: { workflow_id: run.workflowId, run_id: run.runId },
      workflow_type: { name: run.workflowType },
      previous_started_event_id: run.lastCompletedTaskStartedEventId,
      started_event_id: 0,
      attempt: 1,
      history: { events },
      query: query.query,
      workflow_execution_task_queue: { name: run.taskQueue, kind: 'TASK_QUEUE_KIND_NORMAL' },
      scheduled_time: timestamp(this.clock.now()),
      started_time: timestamp(this.clock.now()),
    };
  }

  /** RespondQueryTaskCompleted of a query-only task. */
  respond(request: Msg): void {
    const queryId = decodeTokenOf(request.task_token, 'q', 'a query task').q;
    const query = this.queries.get(queryId);
    if (!query) throw new RpcError('NOT_FOUND', 'query not found');
    this.queries.delete(queryId);
    query.resolve({
      result_type: request.completed_type === 'QUERY_RESULT_TYPE_ANSWERED' ? 'QUERY_RESULT_TYPE_ANSWERED' : 'QUERY_RESULT_TYPE_FAILED',
      answer: request.query_result,
      error_message: request.error_message,
      failure: request.failure,
    });
  }

  /** Answers of queries that went with a workflow task (its completion's `query_results`). */
  resolveResults(results: Record<string, Msg>): void {
    for (const [id, result] of Object.entries(results)) {
      const query = this.queries.get(id);
      if (!query) continue;
      this.queries.delete(id);
      query.resolve(result);
    }
  }

  /** Fails every outstanding query (server stopping). */
  stop(): void {
    for (const query of this.queries.values()) query.reject(new RpcError('FAILED_PRECONDITION', 'server stopping'));
    this.queries.clear();
  }
}
