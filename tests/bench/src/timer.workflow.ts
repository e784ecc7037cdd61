import { proxySinks, sleep, type Sinks } from '@temporalio/workflow';

/** Worker-side observers of the timer workflow (sinks are not called during replay). */
export interface TimerSinks extends Sinks {
  timers: {
    /** The workflow has started its timer. */
    armed(): void;
    /** The timer has fired; `fireAt` is when it was due (epoch ms). */
    fired(fireAt: number): void;
  };
}

const { timers } = proxySinks<TimerSinks>();

/** Waits until `fireAt` (epoch ms) on one timer, then completes. The durable bench's scale workflow. */
export async function timerWorkflow(fireAt: number): Promise<number> {
  timers.armed();
  await sleep(Math.max(1, fireAt - Date.now()));
  timers.fired(fireAt);
  return fireAt;
}
