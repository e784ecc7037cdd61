/**
 * How often an activity heartbeats while its work runs (`runActivity` in shared-platform), and how
 * often the worker at most sends a heartbeat to the server (its `maxHeartbeatThrottleInterval`):
 * the server hears from a live attempt every few seconds.
 */
export const ACTIVITY_HEARTBEAT_MS = 5_000;

/**
 * How long the server waits for a heartbeat of a running activity attempt before it times the
 * attempt out (`TIMEOUT_TYPE_HEARTBEAT`) and retries it per the workflow's retry policy, on any
 * worker: a worker that dies mid-activity is noticed after this, not after the start-to-close
 * timeout. Four heartbeat intervals, so a busy worker is not mistaken for a dead one.
 */
export const ACTIVITY_HEARTBEAT_TIMEOUT_MS = 20_000;

/**
 * The timeouts of every activity a workflow schedules on a task queue (`proxyActivities`; all of
 * them run through `runActivity`, which heartbeats). Local activities take no heartbeat timeout:
 * they run inside the workflow task of the worker that asked for them.
 * Activity options are not part of a workflow's determinism: changing them needs no `patched()`.
 */
export const ACTIVITY_TIMEOUTS = { startToCloseTimeout: '1 minute', heartbeatTimeout: ACTIVITY_HEARTBEAT_TIMEOUT_MS } as const;
