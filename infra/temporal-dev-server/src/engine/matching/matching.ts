/**
 * Reference to a dispatched task; the run state decides whether it is still valid when taken.
 * A workflow task may come started already (`started`: the engine started it for a waiting poll
 * in the commit that scheduled it).
 */
export type TaskRef =
  { kind: 'workflow'; runId: string; started?: unknown } | { kind: 'query'; queryId: string } | { kind: 'activity'; runId: string; scheduledEventId: number };

/** A waiting poll. */
export interface Poller {
  /** Identity the worker polls with. */
  readonly identity: string;
  /** Hands the poll its task (undefined: none); false if the poll had ended already. */
  resolve(ref: TaskRef | undefined): boolean;
  /** Whether the poll has ended (answered, timed out or aborted). */
  ended(): boolean;
}

interface Queue {
  tasks: TaskRef[];
  pollers: Poller[];
  /** Last poll time (server clock, ms) per poller identity. */
  lastAccess: Map<string, number>;
}

/** A worker seen polling a queue. */
export interface PollerSeen {
  identity: string;
  lastAccessTime: number;
}

/**
 * In-memory task queues (Temporal's matching service). Holds only references; after a restart
 * they are rebuilt from the runs' state.
 */
export class Matching {
  private readonly queues = new Map<string, Queue>();

  private queue(namespace: string, type: 'workflow' | 'activity', name: string): Queue {
    const key = `${namespace}\u0000${type}\u0000${name}`;
    let queue = this.queues.get(key);
    if (!queue) {
      queue = { tasks: [], pollers: [], lastAccess: new Map() };
      this.queues.set(key, queue);
    }
    return queue;
  }

  /** Offers a task: handed to a waiting poller, or kept until one arrives. */
  add(namespace: string, type: 'workflow' | 'activity', name: string, ref: TaskRef): void {
    const queue = this.queue(namespace, type, name);
    for (let poller = queue.pollers.shift(); poller; poller = queue.pollers.shift()) if (poller.resolve(ref)) return;
    queue.tasks.push(ref);
  }

  /**
   * Takes the longest-waiting poll of a queue that has no task waiting, for the caller to hand
   * a task to ({@link Poller.resolve}) or give back ({@link Matching.giveBack}).
   */
  claimPoller(namespace: string, type: 'workflow' | 'activity', name: string): Poller | undefined {
    const queue = this.queues.get(`${namespace}\u0000${type}\u0000${name}`);
    return queue && queue.tasks.length === 0 ? queue.pollers.shift() : undefined;
  }

  /** Returns a claimed poll to the front of its queue (unless it ended meanwhile). */
  giveBack(namespace: string, type: 'workflow' | 'activity', name: string, poller: Poller): void {
    if (!poller.ended()) this.queue(namespace, type, name).pollers.unshift(poller);
  }

  /** Waits up to `timeoutMs` for a task; undefined on timeout or abort. */
  poll(namespace: string, type: 'workflow' | 'activity', name: string, identity: string, timeoutMs: number, signal: AbortSignal): Promise<TaskRef | undefined> {
    const queue = this.queue(namespace, type, name);
    const ready = queue.tasks.shift();
    if (ready) return Promise.resolve(ready);
    return new Promise((resolve) => {
      let done = false;
      const poller: Poller = {
        identity,
        ended: () => done,
        resolve: (ref) => {
          if (done) return false;
          done = true;
          clearTimeout(timer);
          signal.removeEventListener('abort', onAbort);
          resolve(ref);
          return true;
        },
      };
      const remove = () => {
        const index = queue.pollers.indexOf(poller);
        if (index >= 0) queue.pollers.splice(index, 1);
      };
      const onAbort = () => {
        remove();
        poller.resolve(undefined);
      };
      const timer = setTimeout(onAbort, Math.max(0, timeoutMs));
      signal.addEventListener('abort', onAbort, { once: true });
      queue.pollers.push(poller);
    });
  }

  /** Notes that `identity` polled the queue at `time`. */
  recordPoller(namespace: string, type: 'workflow' | 'activity', name: string, identity: string, time: number): void {
    this.queue(namespace, type, name).lastAccess.set(identity, time);
  }

  /**
   * Whether a worker polls the queue: a poll is waiting now or one started within `withinMs`
   * of `now` (a worker between two polls).
   */
  hasLivePoller(namespace: string, type: 'workflow' | 'activity', name: string, now: number, withinMs: number): boolean {
    const queue = this.queues.get(`${namespace}\u0000${type}\u0000${name}`);
    if (!queue) return false;
    if (queue.pollers.length > 0) return true;
    for (const time of queue.lastAccess.values()) if (now - time <= withinMs) return true;
    return false;
  }

  /** Pollers seen on a queue, most recent first. */
  pollersSeen(namespace: string, type: 'workflow' | 'activity', name: string): PollerSeen[] {
    return [...this.queue(namespace, type, name).lastAccess.entries()]
      .map(([identity, lastAccessTime]) => ({ identity, lastAccessTime }))
      .sort((a, b) => b.lastAccessTime - a.lastAccessTime);
  }

  /** Number of tasks waiting in a queue (backlog hint). */
  backlog(namespace: string, type: 'workflow' | 'activity', name: string): number {
    return this.queue(namespace, type, name).tasks.length;
  }

  /** Number of pollers waiting on a queue. */
  pollerCount(namespace: string, type: 'workflow' | 'activity', name: string): number {
    return this.queue(namespace, type, name).pollers.length;
  }
}
