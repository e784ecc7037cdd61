import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ACTIVITY_HEARTBEAT_MS, ACTIVITY_HEARTBEAT_TIMEOUT_MS } from '@ketenregie/shared-kernel';
import { metricsRegistry, startTracing, stopTracing } from '@ketenregie/shared-platform';
import { eventually } from '@ketenregie/shared-testing';
import { context, trace } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { Client, Connection, WorkflowFailedError } from '@temporalio/client';
import { activityInfo } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { tsToMs } from '@temporalio/common/lib/time';
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry/lib/client';
import { temporal } from '@temporalio/proto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { PeerActivities, PeerActivitiesModule } from '../testing/peer.activities';
import { WORKSPACE_TSCONFIG } from './worker-app.module';
import { WorkerHostModule } from './worker-host.module';
import { activityMetrics, freeLoopbackPort, tracingPlugin } from './worker-observability';

const SERVER_BIN = join(__dirname, '..', '..', '..', '..', 'infra', 'temporal-dev-server', 'bin', 'temporal-dev-server');
const TASK_QUEUE = 'activity-retry-spec';

@Module({})
class RootModule {}

/** A peer service that answers each path with the next answer of its script (the last one repeats), and records what it received. */
function fakePeer(
  scripts: Record<string, readonly { status: number; body: unknown }[]>,
): Promise<{ url: string; server: Server; calls: Record<string, string[]> }> {
  const calls: Record<string, string[]> = {};
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    const seen = (calls[path] ??= []);
    seen.push(String(req.headers['traceparent'] ?? ''));
    const script = scripts[path] ?? [{ status: 404, body: {} }];
    const answer = script[Math.min(seen.length - 1, script.length - 1)];
    res.writeHead(answer.status, { 'content-type': answer.status >= 400 ? 'application/problem+json' : 'application/json' }).end(JSON.stringify(answer.body));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, calls })),
  );
}

describe('activities on a real worker and Temporal dev server: calls to another service, heartbeats', () => {
  const spans = new InMemorySpanExporter();
  let env: TestWorkflowEnvironment;
  let address: string;
  let app: INestApplicationContext;
  let client: Client;
  let connection: Connection;
  let peer: Awaited<ReturnType<typeof fakePeer>>;

  beforeAll(async () => {
    Runtime.install({ logger: new DefaultLogger('ERROR'), shutdownSignals: [] });
    const port = await freeLoopbackPort();
    address = `127.0.0.1:${port}`;
    env = await TestWorkflowEnvironment.createLocal({
      server: { executable: { type: 'existing-path', path: SERVER_BIN }, ip: '127.0.0.1', port, extraArgs: ['--in-memory'] },
    });
    const tracing = startTracing({ service: 'activity-retry-spec', exporter: spans });
    peer = await fakePeer({
      // A service outage and a transient authentication problem, then the answer.
      '/herstelt': [
        { status: 503, body: { code: 'PEER.DOWN' } },
        { status: 401, body: { code: 'AUTH.TOKEN_INVALID' } },
        { status: 403, body: { code: 'AUTH.SERVICE_NOT_ALLOWED' } },
        { status: 200, body: { antwoord: 'hersteld' } },
      ],
      // A refusal of the domain: final.
      '/weigert': [{ status: 403, body: { code: 'TOESTEMMING.GEWEIGERD' } }],
    });
    app = await NestFactory.createApplicationContext(
      {
        module: RootModule,
        imports: [
          WorkerHostModule.register(
            {
              temporalAddress: `127.0.0.1:${port}`,
              namespace: 'default',
              tsconfigPath: WORKSPACE_TSCONFIG,
              plugins: [tracingPlugin(tracing)],
              activityInterceptors: [activityMetrics],
            },
            [{ taskQueue: TASK_QUEUE, workflowsPath: require.resolve('../testing/peer.workflows'), module: PeerActivitiesModule, activities: PeerActivities }],
          ),
        ],
      },
      { logger: false, abortOnError: false },
    );
    connection = await Connection.connect({ address: `127.0.0.1:${port}` });
    client = new Client({ connection, namespace: 'default', interceptors: { workflow: [new OpenTelemetryWorkflowClientInterceptor()] } });
  }, 180_000);

  afterAll(async () => {
    await connection?.close();
    await app?.close();
    await env?.teardown();
    await new Promise((resolve) => peer?.server.close(resolve));
    await stopTracing();
  }, 60_000);

  it('retries a 503, a 401 and a 403 AUTH.* with backoff and completes; the trace runs from the caller through the activity to the peer', async () => {
    const tracer = trace.getTracer('spec');
    const root = tracer.startSpan('caller');
    const traceId = root.spanContext().traceId;
    const result = await context.with(trace.setSpan(context.active(), root), () =>
      client.workflow.execute('peerWorkflow', { taskQueue: TASK_QUEUE, workflowId: `retry-${Date.now()}`, args: [`${peer.url}/herstelt`] }),
    );
    root.end();
    expect(result).toBe('hersteld');
    expect(peer.calls['/herstelt']).toHaveLength(4);
    // Every attempt carried the caller's trace to the peer.
    for (const traceparent of peer.calls['/herstelt']) expect(traceparent.split('-')[1]).toBe(traceId);
    const activitySpans = spans.getFinishedSpans().filter((s) => s.name === 'RunActivity:askPeer' && s.spanContext().traceId === traceId);
    expect(activitySpans.length).toBeGreaterThanOrEqual(4);
    const metrics = await metricsRegistry.getSingleMetricAsString('ketenregie_activity_duration_seconds');
    expect(metrics).toMatch(/ketenregie_activity_duration_seconds_count\{activity="askPeer",task_queue="activity-retry-spec",outcome="retry"\} 3/);
    expect(metrics).toMatch(/ketenregie_activity_duration_seconds_count\{activity="askPeer",task_queue="activity-retry-spec",outcome="ok"\} 1/);
  }, 60_000);

  it('does not retry a refusal of the domain (403 with its code): the workflow sees the code', async () => {
    const run = client.workflow.execute('peerWorkflow', { taskQueue: TASK_QUEUE, workflowId: `refused-${Date.now()}`, args: [`${peer.url}/weigert`] });
    const error = await run.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkflowFailedError);
    const failure = (error as WorkflowFailedError).cause?.cause;
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect((failure as ApplicationFailure).type).toBe('TOESTEMMING.GEWEIGERD');
    expect(peer.calls['/weigert']).toHaveLength(1);
  }, 60_000);

  it('a worker killed mid-activity: its attempt times out one heartbeat timeout after the last heartbeat and another worker retries it, long before start-to-close', async () => {
    const { PENDING_ACTIVITY_STATE_STARTED } = temporal.api.enums.v1.PendingActivityState;
    const queue = `${TASK_QUEUE}-long`;
    const handle = await client.workflow.start('longActivityWorkflow', {
      taskQueue: TASK_QUEUE,
      workflowId: `killed-${Date.now()}`,
      args: [queue, 10 * 60_000],
    });
    // The worker host in a process of its own, running the activity through `runActivity`.
    const child = spawn(process.execPath, ['-r', '@swc-node/register', join(__dirname, '..', 'testing', 'long-activity-worker.ts'), address, queue], {
      env: { ...process.env, SWC_NODE_PROJECT: WORKSPACE_TSCONFIG },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise((resolve) => child.once('exit', resolve));
    let startedAt = 0;
    let killedAt = 0;
    try {
      const started = await eventually(
        async () => {
          const activity = (await handle.describe()).raw.pendingActivities?.[0];
          expect(activity?.state).toBe(PENDING_ACTIVITY_STATE_STARTED);
          return activity;
        },
        90_000,
        200,
      ).catch((error: Error) => {
        throw new Error(`${error.message}\nworker process: ${stderr}`);
      });
      startedAt = tsToMs(started?.lastStartedTime);
      // Its heartbeats keep the attempt alive past the heartbeat timeout.
      await new Promise((resolve) => setTimeout(resolve, startedAt + ACTIVITY_HEARTBEAT_TIMEOUT_MS + ACTIVITY_HEARTBEAT_MS - Date.now()));
      const alive = (await handle.describe()).raw.pendingActivities?.[0];
      expect(alive).toMatchObject({ state: PENDING_ACTIVITY_STATE_STARTED, attempt: 1 });
      expect(tsToMs(alive?.lastHeartbeatTime)).toBeGreaterThan(Date.now() - 2 * ACTIVITY_HEARTBEAT_MS);
    } finally {
      child.kill('SIGKILL');
      killedAt = Date.now();
    }
    await exited;

    // Another worker (a fresh one, whose activity answers at once) gets the retry.
    const connection = await NativeConnection.connect({ address });
    const survivor = await Worker.create({ connection, namespace: 'default', taskQueue: queue, activities: { takesLong: async () => activityInfo().attempt } });
    try {
      expect(await survivor.runUntil(handle.result())).toBe(2);
    } finally {
      await connection.close();
    }
    const retry = ((await handle.fetchHistory()).events ?? []).find((e) => e.activityTaskStartedEventAttributes);
    expect(retry?.activityTaskStartedEventAttributes?.attempt).toBe(2);
    expect(retry?.activityTaskStartedEventAttributes?.lastFailure?.timeoutFailureInfo?.timeoutType).toBe(
      temporal.api.enums.v1.TimeoutType.TIMEOUT_TYPE_HEARTBEAT,
    );
    const retriedAt = tsToMs(retry?.eventTime);
    // The server heard a heartbeat at most one interval before the kill; the retry follows the
    // heartbeat timeout (plus the first backoff of 1 s), not the start-to-close timeout of 1 minute.
    expect(retriedAt - killedAt).toBeGreaterThanOrEqual(ACTIVITY_HEARTBEAT_TIMEOUT_MS - ACTIVITY_HEARTBEAT_MS - 1_000);
    expect(retriedAt - killedAt).toBeLessThan(ACTIVITY_HEARTBEAT_TIMEOUT_MS + 5_000);
    expect(retriedAt).toBeLessThan(startedAt + 60_000 - 5_000);
  }, 240_000);
});
