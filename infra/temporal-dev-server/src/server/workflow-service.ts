import type { Engine } from '../engine/engine';
import { duration, type Msg } from '../proto/proto';
import { answeredEmpty } from './answered-empty';
import type { Handler } from './grpc-server';

const SERVER_VERSION = '1.27.0';

/** Handlers of `temporal.api.workflowservice.v1.WorkflowService`. */
export function workflowHandlers(engine: Engine): Record<string, Handler> {
  const describeNamespace = async (request: Msg): Promise<Msg> => {
    const record = await engine.namespaces.get(request.namespace || request.id);
    return {
      namespace_info: {
        name: record.name,
        state: 'NAMESPACE_STATE_REGISTERED',
        description: '',
        owner_email: '',
        data: {},
        id: record.id,
        capabilities: { eager_workflow_start: false, sync_update: true, async_update: true },
        supports_schedules: false,
      },
      config: {
        workflow_execution_retention_ttl: duration(record.retentionDays * 24 * 3600_000),
        history_archival_state: 'ARCHIVAL_STATE_DISABLED',
        visibility_archival_state: 'ARCHIVAL_STATE_DISABLED',
      },
      replication_config: { active_cluster_name: 'active', clusters: [{ cluster_name: 'active' }], state: 'REPLICATION_STATE_NORMAL' },
      failover_version: 0,
      is_global_namespace: false,
    };
  };

  return {
    GetSystemInfo: async () => ({
      server_version: SERVER_VERSION,
      capabilities: {
        signal_and_query_header: true,
        internal_error_differentiation: true,
        activity_failure_include_heartbeat: true,
        supports_schedules: false,
        encoded_failure_attributes: true,
        build_id_based_versioning: false,
        upsert_memo: true,
        eager_workflow_start: false,
        sdk_metadata: true,
        count_group_by_execution_status: false,
        nexus: false,
      },
    }),
    GetClusterInfo: async () => ({
      supported_clients: {},
      server_version: SERVER_VERSION,
      cluster_id: 'temporal-dev-server',
      cluster_name: 'active',
      history_shard_count: 1,
      persistence_store: 'memory',
      visibility_store: 'memory',
    }),
    DescribeNamespace: describeNamespace,
    ListNamespaces: async () => {
      const namespaces = await engine.store.listNamespaces();
      return { namespaces: await Promise.all(namespaces.map((n) => describeNamespace({ namespace: n.name }))) };
    },
    RegisterNamespace: async (request) => {
      const retention = request.workflow_execution_retention_period;
      await engine.namespaces.register(request.namespace, retention ? Math.max(1, Math.round(Number(retention.seconds ?? 0) / 86400)) : 1);
      return {};
    },
    StartWorkflowExecution: async (request) => {
      const { runId, started } = await engine.executions.start(request);
      return { run_id: runId, started };
    },
    SignalWithStartWorkflowExecution: async (request) => {
      const { runId, started } = await engine.executions.start(request, {
        signal_name: request.signal_name,
        input: request.signal_input,
        header: request.header,
        identity: request.identity,
        request_id: undefined,
      });
      return { run_id: runId, started };
    },
    SignalWorkflowExecution: answeredEmpty((request) => engine.executions.signal(request)),
    RequestCancelWorkflowExecution: answeredEmpty((request) => engine.executions.requestCancel(request)),
    TerminateWorkflowExecution: answeredEmpty((request) => engine.executions.terminate(request)),
    QueryWorkflow: (request, ctx) => engine.queries.query(request, ctx.deadline, ctx.signal),
    UpdateWorkflowExecution: (request, ctx) => engine.updates.update(request, ctx.deadline, ctx.signal),
    ExecuteMultiOperation: (request, ctx) => engine.updates.executeMultiOperation(request, ctx.deadline, ctx.signal),
    PollWorkflowExecutionUpdate: (request, ctx) => engine.updates.poll(request, ctx.deadline, ctx.signal),
    DescribeWorkflowExecution: (request) => engine.visibility.describeWorkflow(request),
    GetWorkflowExecutionHistory: (request, ctx) => engine.historyReader.getHistory(request, ctx.deadline, ctx.signal),
    PollWorkflowTaskQueue: (request, ctx) => engine.workflowTaskPoller.poll(request, ctx.deadline, ctx.signal),
    RespondWorkflowTaskCompleted: (request) => engine.workflowTasks.completed(request),
    RespondWorkflowTaskFailed: answeredEmpty((request) => engine.workflowTasks.failed(request)),
    RespondQueryTaskCompleted: answeredEmpty((request) => engine.queries.respond(request)),
    ShutdownWorker: answeredEmpty((request) => engine.workflowTasks.shutdownWorker(request)),
    ResetStickyTaskQueue: answeredEmpty((request) => engine.workflowTasks.resetStickyTaskQueue(request)),
    PollActivityTaskQueue: (request, ctx) => engine.activities.poll(request, ctx.deadline, ctx.signal),
    RespondActivityTaskCompleted: answeredEmpty((request) => engine.activities.completed(request, false)),
    RespondActivityTaskCompletedById: answeredEmpty((request) => engine.activities.completed(request, true)),
    RespondActivityTaskFailed: answeredEmpty((request) => engine.activities.failed(request, false), { failures: [] }),
    RespondActivityTaskFailedById: answeredEmpty((request) => engine.activities.failed(request, true), { failures: [] }),
    RespondActivityTaskCanceled: answeredEmpty((request) => engine.activities.canceled(request, false)),
    RespondActivityTaskCanceledById: answeredEmpty((request) => engine.activities.canceled(request, true)),
    RecordActivityTaskHeartbeat: (request) => engine.activities.heartbeat(request, false),
    RecordActivityTaskHeartbeatById: (request) => engine.activities.heartbeat(request, true),
    RecordWorkerHeartbeat: async () => ({}),
    ListWorkflowExecutions: (request) => engine.visibility.listWorkflows(request),
    ScanWorkflowExecutions: (request) => engine.visibility.listWorkflows(request),
    ListOpenWorkflowExecutions: (request) =>
      engine.visibility.listWorkflows({
        namespace: request.namespace,
        page_size: request.maximum_page_size,
        next_page_token: request.next_page_token,
        query: 'ExecutionStatus = "Running"',
      }),
    ListClosedWorkflowExecutions: (request) =>
      engine.visibility.listWorkflows({
        namespace: request.namespace,
        page_size: request.maximum_page_size,
        next_page_token: request.next_page_token,
        query: 'ExecutionStatus != "Running"',
      }),
    CountWorkflowExecutions: (request) => engine.visibility.countWorkflows(request),
    GetSearchAttributes: async (request) => {
      const { custom, system } = await engine.namespaces.searchAttributeTypes(request.namespace ?? 'default');
      return { keys: { ...system, ...custom } };
    },
    DescribeTaskQueue: (request) => engine.visibility.describeTaskQueue(request),
  };
}
