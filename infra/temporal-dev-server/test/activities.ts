import { activityInfo, ApplicationFailure, CancelledFailure, heartbeat, sleep } from '@temporalio/activity';

/** Calls observed by the test activities, keyed by workflow id. */
export const attemptLog = new Map<string, { attempt: number; at: number }[]>();

function record(workflowId: string): number {
  const attempt = activityInfo().attempt;
  const list = attemptLog.get(workflowId) ?? [];
  list.push({ attempt, at: Date.now() });
  attemptLog.set(workflowId, list);
  return attempt;
}

/** Activities used by the conformance workflows. */
export const activities = {
  async greet(name: string): Promise<string> {
    return `Hello, ${name}!`;
  },
  async flaky(workflowId: string, succeedOnAttempt: number): Promise<string> {
    const attempt = record(workflowId);
    if (attempt < succeedOnAttempt) throw ApplicationFailure.create({ message: `attempt ${attempt} failed`, type: 'Flaky' });
    return `succeeded on attempt ${attempt}`;
  },
  async failHard(workflowId: string): Promise<string> {
    record(workflowId);
    throw ApplicationFailure.create({ message: 'permanent', type: 'Permanent', nonRetryable: true });
  },
  async slow(ms: number): Promise<void> {
    await sleep(ms);
  },
  async resumeFromHeartbeat(): Promise<number> {
    const info = activityInfo();
    const resumed = (info.heartbeatDetails as number | undefined) ?? 0;
    if (info.attempt === 1) {
      heartbeat(7);
      await sleep(1500);
      return -1;
    }
    return resumed * 10 + info.attempt;
  },
  /** Heartbeats every `everyMs` for `ms`, then answers its attempt. */
  async heartbeatFor(ms: number, everyMs: number): Promise<number> {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      heartbeat();
      await sleep(everyMs);
    }
    return activityInfo().attempt;
  },
  /** Records its attempt, then works `ms` without a heartbeat. */
  async silent(workflowId: string, ms: number): Promise<void> {
    record(workflowId);
    await sleep(ms);
  },
  async waitForCancel(): Promise<string> {
    for (;;) {
      heartbeat();
      try {
        await sleep(100);
      } catch (error) {
        if (error instanceof CancelledFailure) throw error;
        throw error;
      }
    }
  },
};

/** Activity interface seen by workflows. */
export type TestActivities = typeof activities;
