import { timestamp, type Msg } from '../../proto/proto';
import type { NewTransfer, RunState, Transfer } from '../../model/run-state';

/** In-process work after a commit: dispatching tasks to pollers and waking waiters. */
export type Effect =
  | { kind: 'workflowTask'; namespace: string; runId: string; taskQueue: string }
  | { kind: 'activityTask'; namespace: string; runId: string; taskQueue: string; scheduledEventId: number }
  | { kind: 'runChanged'; namespace: string; runId: string }
  | { kind: 'queriesFailed'; runId: string; message: string };

/** A timer or timeout due at `deadline`, derived from a run's state. */
export interface Deadline {
  deadline: number;
  kind:
    | 'userTimer'
    | 'activityScheduleToStart'
    | 'activityScheduleToClose'
    | 'activityStartToClose'
    | 'activityHeartbeat'
    | 'activityRetry'
    | 'workflowTaskTimeout'
    | 'stickyTimeout'
    | 'runTimeout'
    | 'executionTimeout'
    | 'firstTaskBackoff';
  /** Timer id or activity scheduled event id. */
  ref?: string;
}

/** Marker for a `started_event_id` that is resolved when buffered events receive their ids. */
export const PENDING_STARTED_ID = -1;

/** Attribute field name of an event type: `EVENT_TYPE_TIMER_FIRED` -> `timer_fired_event_attributes`. */
export function attributesField(eventType: string): string {
  return `${eventType.replace(/^EVENT_TYPE_/, '').toLowerCase()}_event_attributes`;
}

/**
 * One state change of one run: a private draft of the run, the history events it appends and
 * the effects to run after commit. The functions in `machine.ts` operate on it; nothing here
 * performs I/O.
 */
export class Transition {
  readonly events: Msg[] = [];
  readonly effects: Effect[] = [];
  /** Further runs written in the same commit (continue-as-new, retry). */
  readonly extraRuns: { run: RunState; events: Msg[] }[] = [];
  readonly expectedVersion: number | null;

  constructor(
    public readonly run: RunState,
    public readonly now: number,
    public readonly newId: () => string,
    created = false,
  ) {
    this.expectedVersion = created ? null : run.version;
  }

  /** Appends an event to history now, with the next dense event id. */
  write(eventType: string, attributes: Msg): number {
    const eventId = this.run.nextEventId++;
    this.events.push({
      event_id: eventId,
      event_time: timestamp(this.now),
      event_type: eventType,
      [attributesField(eventType)]: attributes,
    });
    return eventId;
  }

  /**
   * Adds an event caused from outside the workflow: written right away unless a workflow task is
   * in flight, in which case it waits in the buffer until that task finishes.
   * Returns the event id, or 0 when buffered.
   */
  add(eventType: string, attributes: Msg): number {
    if (this.run.wft.state === 'started') {
      this.run.bufferedEvents.push({ event_type: eventType, event_time: timestamp(this.now), [attributesField(eventType)]: attributes });
      return 0;
    }
    return this.write(eventType, attributes);
  }

  /** Writes buffered events, resolving pending started-event references. Returns how many. */
  flushBuffer(): number {
    const buffered = this.run.bufferedEvents;
    this.run.bufferedEvents = [];
    const startedIds = new Map<string, number>();
    for (const event of buffered) {
      const field = attributesField(event.event_type);
      const attributes = event[field];
      if (attributes.started_event_id === PENDING_STARTED_ID) {
        const key = startedKey(event.event_type, attributes);
        attributes.started_event_id = (key && startedIds.get(key)) ?? 0;
      }
      const eventId = this.run.nextEventId++;
      this.events.push({ ...event, event_id: eventId, event_time: timestamp(this.now) });
      if (event.event_type === 'EVENT_TYPE_ACTIVITY_TASK_STARTED') startedIds.set(`a:${attributes.scheduled_event_id}`, eventId);
      if (event.event_type === 'EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_STARTED') {
        startedIds.set(`c:${attributes.initiated_event_id}`, eventId);
        const child = this.run.children[String(attributes.initiated_event_id)];
        if (child) child.startedEventId = eventId;
      }
    }
    return buffered.length;
  }

  effect(effect: Effect): void {
    this.effects.push(effect);
  }

  /** Records work on another run in this run's outbox (committed with this transition). */
  transfer(transfer: NewTransfer): void {
    this.run.transfers.push({ ...transfer, id: this.run.nextTransferId++ } as Transfer);
  }
}

function startedKey(eventType: string, attributes: Msg): string | undefined {
  if (eventType.startsWith('EVENT_TYPE_ACTIVITY_TASK_')) return `a:${attributes.scheduled_event_id}`;
  if (eventType.startsWith('EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_')) return `c:${attributes.initiated_event_id}`;
  return undefined;
}

function copyEntries<T extends object>(table: Record<string, T>): Record<string, T> {
  const copy: Record<string, T> = {};
  for (const [key, value] of Object.entries(table)) copy[key] = { ...value };
  return copy;
}

/**
 * A private copy of a run for a transition. Containers and bookkeeping records are copied;
 * payload messages are shared because the machine replaces them and never modifies them.
 */
export function cloneRun(run: RunState): RunState {
  return {
    ...run,
    searchAttributes: { ...run.searchAttributes },
    wft: { ...run.wft, updateIds: [...run.wft.updateIds] },
    bufferedEvents: run.bufferedEvents.map((event) => {
      const field = attributesField(event.event_type);
      return { ...event, [field]: { ...event[field] } };
    }),
    activities: copyEntries(run.activities),
    timers: copyEntries(run.timers),
    children: copyEntries(run.children),
    signalsExternal: copyEntries(run.signalsExternal),
    cancelsExternal: copyEntries(run.cancelsExternal),
    updates: copyEntries(run.updates),
    requestIds: [...run.requestIds],
    transfers: [...run.transfers],
  };
}

/** Every timer and timeout currently armed for a run. */
export function runDeadlines(run: RunState): Deadline[] {
  if (run.status !== 'Running') return [];
  const deadlines: Deadline[] = [];
  if (run.runExpirationTime > 0) deadlines.push({ deadline: run.runExpirationTime, kind: 'runTimeout' });
  if (run.executionExpirationTime > 0) deadlines.push({ deadline: run.executionExpirationTime, kind: 'executionTimeout' });
  if (run.firstTaskBackoffUntil !== undefined) deadlines.push({ deadline: run.firstTaskBackoffUntil, kind: 'firstTaskBackoff' });
  if (run.wft.state === 'started' && run.wft.startedTime !== undefined) {
    deadlines.push({ deadline: run.wft.startedTime + run.taskTimeoutMs, kind: 'workflowTaskTimeout' });
  }
  if (run.wft.state === 'scheduled' && run.wft.sticky && run.stickyTimeoutMs > 0) {
    deadlines.push({ deadline: run.wft.scheduledTime + run.stickyTimeoutMs, kind: 'stickyTimeout' });
  }
  for (const timer of Object.values(run.timers)) deadlines.push({ deadline: timer.deadline, kind: 'userTimer', ref: timer.timerId });
  for (const activity of Object.values(run.activities)) {
    const ref = String(activity.scheduledEventId);
    if (activity.scheduleToCloseMs > 0) {
      deadlines.push({ deadline: activity.firstScheduledTime + activity.scheduleToCloseMs, kind: 'activityScheduleToClose', ref });
    }
    if (activity.state === 'backoff') deadlines.push({ deadline: activity.attemptScheduledTime, kind: 'activityRetry', ref });
    if (activity.state === 'scheduled' && activity.scheduleToStartMs > 0) {
      deadlines.push({ deadline: activity.attemptScheduledTime + activity.scheduleToStartMs, kind: 'activityScheduleToStart', ref });
    }
    if (activity.state === 'started' && activity.startedTime !== undefined) {
      if (activity.startToCloseMs > 0) {
        deadlines.push({ deadline: activity.startedTime + activity.startToCloseMs, kind: 'activityStartToClose', ref });
      }
      if (activity.heartbeatMs > 0) {
        deadlines.push({ deadline: (activity.lastHeartbeatTime ?? activity.startedTime) + activity.heartbeatMs, kind: 'activityHeartbeat', ref });
      }
    }
  }
  return deadlines;
}

/** Earliest deadline of a run, if any. */
export function earliestDeadline(run: RunState): number | undefined {
  let min: number | undefined;
  for (const d of runDeadlines(run)) if (min === undefined || d.deadline < min) min = d.deadline;
  return min;
}
