import type { Clock } from '../../clock/clock';
import type { Msg } from '../../proto/proto';
import type { Matching, TaskRef } from './matching';
import { requeued } from './task-dispatch';

/** How long one poll waits for a task before it answers empty (the worker then polls again). */
const POLL_TIMEOUT_MS = 60_000;

/** One poll of a task queue. */
export interface LongPoll {
  readonly namespace: string;
  readonly type: 'workflow' | 'activity';
  readonly queueName: string;
  readonly identity: string;
  readonly deadlineMs: number;
  readonly signal: AbortSignal;
}

/**
 * The long poll of a task queue, as PollWorkflowTaskQueue and PollActivityTaskQueue share it:
 * records the poller, waits up to a minute (a second short of the caller's deadline) for a task,
 * puts the task back when the caller went away meanwhile, and otherwise offers it to `take`. A
 * task `take` declines (`undefined`: taken or settled meanwhile) makes it wait for the next one.
 * Empty when nothing came in time or the server stops.
 */
export async function longPoll(
  matching: Matching,
  clock: Clock,
  stopped: AbortSignal,
  p: LongPoll,
  take: (ref: TaskRef) => Promise<Msg | undefined>,
): Promise<Msg> {
  matching.recordPoller(p.namespace, p.type, p.queueName, p.identity, clock.now());
  const until = Math.min(Date.now() + POLL_TIMEOUT_MS, p.deadlineMs - 1000);
  while (!p.signal.aborted && !stopped.aborted) {
    const ref = await matching.poll(p.namespace, p.type, p.queueName, p.identity, until - Date.now(), p.signal);
    if (!ref) return {};
    if (p.signal.aborted) {
      matching.add(p.namespace, p.type, p.queueName, requeued(ref));
      return {};
    }
    const response = await take(ref);
    if (response) return response;
  }
  return {};
}
