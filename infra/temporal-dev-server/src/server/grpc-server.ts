import * as zlib from 'node:zlib';
import * as grpc from '@grpc/grpc-js';
import type { Logger } from 'pino';
import { RpcError } from '../engine/errors';
import type { Engine } from '../engine/engine';
import { VisibilityQueryError } from '../visibility';
import { encodeMessage, packAny, serviceDefinition, serviceMethods, type Msg } from '../proto/proto';
import { operatorHandlers } from './operator-service';
import { testHandlers } from './test-service';
import { workflowHandlers } from './workflow-service';

/** Context handed to every RPC handler. */
export interface CallContext {
  /** Absolute deadline in epoch ms (wall clock); far future when the caller set none. */
  deadline: number;
  /** Aborted when the caller cancels. */
  signal: AbortSignal;
}

/** An RPC implementation: request in, response out. */
export type Handler = (request: Msg, ctx: CallContext) => Promise<Msg>;

const WORKFLOW_SERVICE = 'temporal.api.workflowservice.v1.WorkflowService';
const OPERATOR_SERVICE = 'temporal.api.operatorservice.v1.OperatorService';
const TEST_SERVICE = 'temporal.api.testservice.v1.TestService';

const STATUS: Record<RpcError['code'], grpc.status> = {
  NOT_FOUND: grpc.status.NOT_FOUND,
  INVALID_ARGUMENT: grpc.status.INVALID_ARGUMENT,
  ALREADY_EXISTS: grpc.status.ALREADY_EXISTS,
  FAILED_PRECONDITION: grpc.status.FAILED_PRECONDITION,
  UNIMPLEMENTED: grpc.status.UNIMPLEMENTED,
};

/** RPCs that may wait; only these watch for cancellation by the caller. */
const LONG_POLLS = new Set([
  'PollWorkflowTaskQueue',
  'PollActivityTaskQueue',
  'QueryWorkflow',
  'UpdateWorkflowExecution',
  'ExecuteMultiOperation',
  'PollWorkflowExecutionUpdate',
  'GetWorkflowExecutionHistory',
  'Sleep',
  'SleepUntil',
  'UnlockTimeSkippingWithSleep',
]);
const NEVER_ABORTED = new AbortController().signal;
/**
 * Reason of every aborted long poll. `AbortController.abort()` without a reason builds a new
 * `DOMException` (with a stack) per call, which showed in profiles.
 */
const CALL_CANCELLED = Object.freeze({ name: 'CallCancelled', message: 'the caller cancelled the call' });

function toServiceError(error: unknown, logger: Logger, rpc: string): Partial<grpc.StatusObject> {
  if (error instanceof VisibilityQueryError) {
    return { code: grpc.status.INVALID_ARGUMENT, details: error.message };
  }
  if (error instanceof RpcError) {
    const metadata = new grpc.Metadata();
    const code = STATUS[error.code];
    if (error.details) {
      metadata.set(
        'grpc-status-details-bin',
        encodeMessage('google.rpc.Status', { code, message: error.message, details: [packAny(error.details.typeName, error.details.body)] }),
      );
    }
    return { code, details: error.message, metadata };
  }
  logger.error({ err: error, rpc }, 'internal error');
  return { code: grpc.status.INTERNAL, details: error instanceof Error ? error.message : String(error) };
}

/** Workflow id of a request, for logs (ids carry no personal data by convention). */
function workflowIdOf(request: Msg): string | undefined {
  return request.workflow_id || request.workflow_execution?.workflow_id || request.execution?.workflow_id || undefined;
}

function callDeadline(call: grpc.ServerUnaryCall<Msg, Msg>): number {
  const deadline = call.getDeadline();
  if (deadline instanceof Date) return deadline.getTime();
  if (typeof deadline === 'number' && Number.isFinite(deadline)) return deadline;
  return Date.now() + 24 * 3600_000;
}

function addService(server: grpc.Server, name: string, handlers: Record<string, Handler>, logger: Logger, ready: Readiness): void {
  const implementation: grpc.UntypedServiceImplementation = {};
  for (const method of serviceMethods(name)) {
    const handler = handlers[method];
    implementation[method] = (call: grpc.ServerUnaryCall<Msg, Msg>, callback: grpc.sendUnaryData<Msg>) => {
      const started = Date.now();
      if (!handler) {
        logger.debug({ rpc: method }, 'unimplemented rpc');
        callback({ code: grpc.status.UNIMPLEMENTED, details: `${method} is not implemented by this server` });
        return;
      }
      let signal = NEVER_ABORTED;
      let finished = false;
      if (LONG_POLLS.has(method)) {
        const abort = new AbortController();
        call.on('cancelled', () => {
          if (!finished) abort.abort(CALL_CANCELLED);
        });
        signal = abort.signal;
      }
      const request = call.request;
      const context = { deadline: callDeadline(call), signal };
      (ready.done ? handler(request, context) : ready.promise.then(() => handler(request, context))).then(
        (response) => {
          finished = true;
          logger.debug({ rpc: method, namespace: request.namespace, workflowId: workflowIdOf(request), ms: Date.now() - started }, 'rpc');
          callback(null, response);
        },
        (error: unknown) => {
          finished = true;
          const status = toServiceError(error, logger, method);
          logger.debug(
            {
              rpc: method,
              namespace: request.namespace,
              workflowId: workflowIdOf(request),
              ms: Date.now() - started,
              code: status.code,
              error: status.details,
            },
            'rpc failed',
          );
          callback(status);
        },
      );
    };
  }
  server.addService(serviceDefinition(name), implementation);
}

/** Calls wait until the engine is ready (the store opened and recovered). */
interface Readiness {
  done: boolean;
  promise: Promise<void>;
}

interface DecompressingCall {
  decompressMessage(message: Buffer, encoding: string): Buffer | Promise<Buffer>;
}

/**
 * The Temporal SDK's Rust client gzips every request. grpc-js inflates each message through a
 * zlib stream, which costs more than handling the request; inflate small messages synchronously.
 */
function useSynchronousInflate(): void {
  const internals = require('@grpc/grpc-js/build/src/server-interceptors') as { BaseServerInterceptingCall?: { prototype: DecompressingCall } };
  const prototype = internals.BaseServerInterceptingCall?.prototype;
  if (!prototype || typeof prototype.decompressMessage !== 'function') return;
  const streaming = prototype.decompressMessage;
  prototype.decompressMessage = function decompressMessage(this: DecompressingCall, message: Buffer, encoding: string) {
    if ((encoding === 'gzip' || encoding === 'deflate') && message.length < 1024 * 1024) {
      try {
        const body = message.subarray(5);
        return Promise.resolve(encoding === 'gzip' ? zlib.gunzipSync(body) : zlib.inflateSync(body));
      } catch {
        return streaming.call(this, message, encoding);
      }
    }
    return streaming.call(this, message, encoding);
  };
}

/** Options of {@link startGrpcServer}. */
export interface GrpcServerOptions {
  engine: Engine;
  logger: Logger;
  host: string;
  port: number;
  /** Serve TestService (time skipping). */
  testService: boolean;
  /**
   * Resolves when the engine can serve. The port is bound at once (the SDK allows a launched
   * server 5 s to listen) and calls wait for this; a rejection fails them.
   */
  ready?: Promise<void>;
}

/** Binds the Temporal services and resolves with the bound port. */
export async function startGrpcServer(options: GrpcServerOptions): Promise<{ server: grpc.Server; port: number }> {
  useSynchronousInflate();
  const server = new grpc.Server({
    'grpc.max_receive_message_length': 128 * 1024 * 1024,
    'grpc.max_send_message_length': 128 * 1024 * 1024,
  });
  const ready: Readiness = { done: options.ready === undefined, promise: options.ready ?? Promise.resolve() };
  ready.promise.then(
    () => {
      ready.done = true;
    },
    () => undefined,
  );
  addService(server, WORKFLOW_SERVICE, workflowHandlers(options.engine), options.logger, ready);
  addService(server, OPERATOR_SERVICE, operatorHandlers(options.engine), options.logger, ready);
  if (options.testService) addService(server, TEST_SERVICE, testHandlers(options.engine), options.logger, ready);
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync(`${options.host}:${options.port}`, grpc.ServerCredentials.createInsecure(), (error, bound) => {
      if (error) reject(error);
      else resolve(bound);
    });
  });
  return { server, port };
}
