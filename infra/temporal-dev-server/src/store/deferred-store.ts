import type { Msg } from '../proto/proto';
import type { RunState } from '../model/run-state';
import type { NamespaceRecord, RunRef, RunWrite, Store, VisibilityPage, VisibilityQuery } from './store';

/**
 * A {@link Store} that becomes available later (a database that is still starting): calls wait
 * for it, then go straight through. Lets the server bind its port before the store has opened.
 */
export class DeferredStore implements Store {
  private inner: Store | undefined;
  private readonly opening: Promise<Store>;

  constructor(opening: Promise<Store>) {
    this.opening = opening.then((store) => (this.inner = store));
    this.opening.catch(() => undefined);
  }

  private async store(): Promise<Store> {
    return this.inner ?? this.opening;
  }

  async getNamespace(name: string): Promise<NamespaceRecord | undefined> {
    return (this.inner ?? (await this.store())).getNamespace(name);
  }
  async putNamespace(record: NamespaceRecord): Promise<void> {
    return (this.inner ?? (await this.store())).putNamespace(record);
  }
  async listNamespaces(): Promise<NamespaceRecord[]> {
    return (this.inner ?? (await this.store())).listNamespaces();
  }
  async getRun(namespace: string, runId: string): Promise<RunState | undefined> {
    return (this.inner ?? (await this.store())).getRun(namespace, runId);
  }
  async getCurrentRunId(namespace: string, workflowId: string): Promise<string | undefined> {
    return (this.inner ?? (await this.store())).getCurrentRunId(namespace, workflowId);
  }
  async readHistory(namespace: string, runId: string, fromEventId?: number): Promise<Msg[]> {
    return (this.inner ?? (await this.store())).readHistory(namespace, runId, fromEventId);
  }
  async commit(writes: RunWrite[]): Promise<void> {
    return (this.inner ?? (await this.store())).commit(writes);
  }
  async listVisibility(query: VisibilityQuery, pageSize: number, pageToken?: Uint8Array): Promise<VisibilityPage> {
    return (this.inner ?? (await this.store())).listVisibility(query, pageSize, pageToken);
  }
  async countVisibility(query: VisibilityQuery): Promise<number> {
    return (this.inner ?? (await this.store())).countVisibility(query);
  }
  async listOpenRuns(): Promise<RunState[]> {
    return (this.inner ?? (await this.store())).listOpenRuns();
  }
  async listRunsWithQueuedTasks(): Promise<RunState[]> {
    return (this.inner ?? (await this.store())).listRunsWithQueuedTasks();
  }
  async listRunsOnStickyQueue(namespace: string, stickyQueue: string): Promise<RunState[]> {
    return (this.inner ?? (await this.store())).listRunsOnStickyQueue(namespace, stickyQueue);
  }
  async listRunsWithTransfers(): Promise<RunState[]> {
    return (this.inner ?? (await this.store())).listRunsWithTransfers();
  }
  async runsDueBy(time: number): Promise<RunRef[]> {
    return (this.inner ?? (await this.store())).runsDueBy(time);
  }
  async nextDeadline(): Promise<number | undefined> {
    return (this.inner ?? (await this.store())).nextDeadline();
  }
  async deleteClosedRuns(namespace: string, closedBefore: number, limit: number): Promise<number> {
    return (this.inner ?? (await this.store())).deleteClosedRuns(namespace, closedBefore, limit);
  }
  async close(): Promise<void> {
    return (this.inner ?? (await this.store())).close();
  }
}
