import type { Clock } from '../../clock/clock';
import type { Store } from '../../store/store';
import type { TimerQueue } from './timer-queue';

/**
 * Time skipping (the test server's TestService): while unlocked and no workflow task or activity
 * (other than one waiting for its retry) is scheduled or running, the virtual clock jumps to the
 * next deadline. Starts locked, like the Java test server.
 */
export class TimeSkipping {
  /** Lock count; time only jumps at 0 or below. */
  private lockCount = 1;
  private skipScheduled = false;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly timers: TimerQueue,
    private readonly stopped: AbortSignal,
  ) {}

  /** Looks for a jump once the current work has settled (after commits and timer passes). */
  schedule(): void {
    if (!this.clock.skipping || this.skipScheduled || this.stopped.aborted) return;
    this.skipScheduled = true;
    setImmediate(() => {
      this.skipScheduled = false;
      void this.trySkip();
    });
  }

  /** Jumps the virtual clock to the next deadline when unlocked and no task is outstanding. */
  private async trySkip(): Promise<void> {
    if (!this.clock.skipping || this.lockCount > 0 || this.stopped.aborted || this.timers.firing) return;
    const clock = this.clock as Clock & { advanceTo(t: number): void };
    for (const run of await this.store.listOpenRuns()) {
      if (run.wft.state !== 'none') return;
      if (Object.values(run.activities).some((a) => a.state !== 'backoff')) return;
    }
    const next = await this.timers.nextWakeTime();
    if (next === undefined || next <= this.clock.now()) return;
    if (this.lockCount > 0) return;
    clock.advanceTo(next);
    await this.timers.fireNow();
  }

  lock(): void {
    this.lockCount += 1;
  }

  /**
   * Lock and unlock calls pair up; the count may drop below zero when callers overlap (two
   * concurrent `result()` calls unlock twice before locking twice), which still means unlocked.
   */
  unlock(): void {
    this.lockCount -= 1;
    this.schedule();
  }

  /** Waits until server time reaches `until`; time may jump there if skipping is unlocked. */
  sleepUntil(until: number): Promise<void> {
    return this.timers.sleepUntil(until);
  }

  /** UnlockTimeSkippingWithSleep: unlock, sleep (skipping), lock again. */
  async unlockWithSleep(durationMs: number): Promise<void> {
    this.unlock();
    try {
      await this.sleepUntil(this.clock.now() + durationMs);
    } finally {
      this.lock();
    }
  }
}
