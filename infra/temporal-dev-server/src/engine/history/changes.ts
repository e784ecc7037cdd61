import { EventEmitter } from 'node:events';

/** Wakes waiters on a run (history long polls, update waits) when a commit changed it. */
export class RunChanges {
  private readonly changes = new EventEmitter();

  constructor() {
    this.changes.setMaxListeners(0);
  }

  /** A commit changed the run. */
  notify(runId: string): void {
    this.changes.emit(runId);
  }

  /** Ends every wait (server stopping). */
  stop(): void {
    this.changes.emit('stop');
  }

  /** Resolves when the run changes, the timeout passes, the signal aborts or the server stops. */
  waitForChange(runId: string, timeoutMs: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.changes.off(runId, done);
        this.changes.off('stop', done);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, timeoutMs));
      this.changes.on(runId, done);
      this.changes.on('stop', done);
      signal?.addEventListener('abort', done, { once: true });
    });
  }
}
