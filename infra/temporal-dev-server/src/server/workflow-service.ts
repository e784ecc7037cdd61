import type { Engine } from '../engine/engine';
import { duration, type Msg } from '../proto/proto';
import type { Handler } from './grpc-server';

const SERVER_VERSION = '1.27.0';

/** Handlers of `temporal.api.workflowservice.v1.WorkflowService`. */
export function workflowHandlers(engine: Engine): Record<string, Handler> {
  const describeNamespace = async (request: Msg): Promise<Msg> => {
    const record = await engine.namespace(request.namespace || request.id);
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
      await engine.registerNamespace(request.namespace, retention ? Math.max(1, Math.round(Number(retention.seconds ?? 0) / 86400)) : 1);
      return {};
    },
    StartWorkflowExecution: async (request) => {
      const { runId, started } = await engine.startWorkflow(request);
      return { run_id: runId, started };
    },
    SignalWithStartWorkflowExecution: async (request) => {
      const { runId, started } = await engine.startWorkflow(request, {
        signal_name: request.signal_name,
        input: request.signal_input,
        header: request.header,
        identity: request.identity,
        request_id: undefined,
      });
      return { run_id: runId, started };
    },
    SignalWorkflowExecution: async (request) => {
      await engine.signalWorkflow(request);
      return {};
    },
    RequestCancelWorkflowExecution: async (request) => {
      await engine.requestCancelWorkflow(request);
      return {};
    },
    TerminateWorkflowExecution: async (request) => {
      await engine.terminateWorkflow(request);
      return {};
    },
    QueryWorkflow: (request, ctx) => engine.queryWorkflow(request, ctx.deadline, ctx.signal),
    UpdateWorkflowExecution: (request, ctx) => engine.updateWorkflow(request, ctx.deadline, ctx.signal),
    ExecuteMultiOperation: (request, ctx) => engine.executeMultiOperation(request, ctx.deadline, ctx.signal),
    PollWorkflowExecutionUpdate: (request, ctx) => engine.pollWorkflowExecutionUpdate(request, ctx.deadline, ctx.signal),
    DescribeWorkflowExecution: (request) => engine.describeWorkflow(request),
    GetWorkflowExecutionHistory: (request, ctx) => engine.getHistory(request, ctx.deadline, ctx.signal),
    PollWorkflowTaskQueue: (request, ctx) => engine.pollWorkflowTask(request, ctx.deadline, ctx.signal),
    RespondWorkflowTaskCompleted: (request) => engine.respondWorkflowTaskCompleted(request),
    RespondWorkflowTaskFailed: async (request) => {
      await engine.respondWorkflowTaskFailed(request);
      return {};
    },
    RespondQueryTaskCompleted: async (request) => {
      await engine.respondQueryTaskCompleted(request);
      return {};
    },
    ShutdownWorker: async (request) => {
      await engine.shutdownWorker(request);
      return {};
    },
    ResetStickyTaskQueue: async (request) => {
      await engine.resetStickyTaskQueue(request);
      return {};
    },
    PollActivityTaskQueue: (request, ctx) => engine.pollActivityTask(request, ctx.deadline, ctx.signal),
    RespondActivityTaskCompleted: async (request) => {
      await engine.respondActivityCompleted(request);
      return {};
    },
    RespondActivityTaskCompletedById: async (request) => {
      await engine.respondActivityCompleted(request, true);
      return {};
    },
    RespondActivityTaskFailed: async (request) => {
      await engine.respondActivityFailed(request);
      return { failures: [] };
    },
    RespondActivityTaskFailedById: async (request) => {
      await engine.respondActivityFailed(request, true);
      return { failures: [] };
    },
    RespondActivityTaskCanceled: async (request) => {
      await engine.respondActivityCanceled(request);
      return {};
    },
    RespondActivityTaskCanceledById: async (request) => {
      await engine.respondActivityCanceled(request, true);
      return {};
    },
    RecordActivityTaskHeartbeat: (request) => engine.recordActivityHeartbeat(request),
    RecordActivityTaskHeartbeatById: (request) => engine.recordActivityHeartbeat(request, true),
    RecordWorkerHeartbeat: async () => ({}),
    ListWorkflowExecutions: (request) => engine.listWorkflows(request),
    ScanWorkflowExecutions: (request) => engine.listWorkflows(request),
    ListOpenWorkflowExecutions: (request) =>
      engine.listWorkflows({
        namespace: request.namespace,
        page_size: request.maximum_page_size,
        next_page_token: request.next_page_token,
        query: 'ExecutionStatus = "Running"',
      }),
    ListClosedWorkflowExecutions: (request) =>
      engine.listWorkflows({
        namespace: request.namespace,
        page_size: request.maximum_page_size,
        next_page_token: request.next_page_token,
        query: 'ExecutionStatus != "Running"',
      }),
    CountWorkflowExecutions: (request) => engine.countWorkflows(request),
    GetSearchAttributes: async (request) => {
      const { custom, system } = await engine.searchAttributeTypes(request.namespace ?? 'default');
      return { keys: { ...system, ...custom } };
    },
    DescribeTaskQueue: (request) => engine.describeTaskQueue(request),
  };
}
