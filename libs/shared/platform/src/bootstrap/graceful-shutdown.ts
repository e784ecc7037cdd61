import type { INestApplicationContext } from '@nestjs/common';
import type { Server } from 'node:http';
import { stopTracing } from '../observability/tracing';

let draining = false;

/** Whether this process is shutting down: readiness answers 503 from the first moment. */
export function isDraining(): boolean {
  return draining;
}

/** Back to serving (tests that shut down an app and start another in the same process). */
export function resetDraining(): void {
  draining = false;
}

/** How an app shuts down. */
export interface GracefulShutdownOptions {
  /**
   * How long readiness answers 503 while requests are still served, so load balancers and
   * Kubernetes endpoints stop sending new requests before the listener closes (`SHUTDOWN_DRAIN_MS`).
   */
  readonly drainMs: number;
  /** How long in-flight requests may take to finish after the listener closed; then their connections are closed (`SHUTDOWN_TIMEOUT_MS`). */
  readonly timeoutMs: number;
  /** The HTTP server to drain; omitted for an app without one. */
  readonly server?: Server;
  readonly log?: (message: string, details?: Record<string, unknown>) => void;
}

function closeServer(server: Server, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    const timer = setTimeout(() => server.closeAllConnections(), timeoutMs);
    // Connections that finish their request while draining are idle keep-alive connections: close those too.
    const idle = setInterval(() => server.closeIdleConnections(), 100);
    server.close(() => {
      clearTimeout(timer);
      clearInterval(idle);
      resolve();
    });
    server.closeIdleConnections();
  });
}

/**
 * The shutdown sequence of every app: readiness off first (503), wait `drainMs` while still
 * serving, close the listener and let in-flight requests finish (at most `timeoutMs`), then close
 * the Nest application (its shutdown hooks: the Temporal workers' `Worker.shutdown`, database
 * pools, Temporal connections) and flush the trace exporter.
 * @returns a function that runs the sequence once (every further call returns the same promise).
 */
export function gracefulShutdown(app: INestApplicationContext, options: GracefulShutdownOptions): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => {
    running ??= (async () => {
      draining = true;
      options.log?.('Shutting down: readiness off, draining', { drainMs: options.drainMs });
      if (options.drainMs > 0) await new Promise((resolve) => setTimeout(resolve, options.drainMs));
      if (options.server) await closeServer(options.server, options.timeoutMs);
      await app.close();
      await stopTracing().catch(() => undefined);
    })();
    return running;
  };
}

/**
 * Installs SIGTERM and SIGINT handlers that run {@link gracefulShutdown} and then exit the process
 * (status 0; 1 when the sequence failed). Use instead of Nest's `enableShutdownHooks`, which closes
 * the database before the listener and so fails requests still in flight.
 */
export function exitOnSignals(shutdown: () => Promise<void>): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      shutdown().then(
        () => process.exit(0),
        (error: unknown) => {
          process.stderr.write(`shutdown failed: ${error instanceof Error ? error.message : String(error)}\n`);
          process.exit(1);
        },
      );
    });
  }
}
