import type { Logger } from 'pino';
import type { Clock } from '../../clock/clock';
import type { History } from '../history/history';
import * as machine from '../history/machine';

/** Runs whose deadlines are fired concurrently. */
const TIMER_CONCURRENCY = 16;
/** Delay before deadlines whose processing failed are tried again. */
const FIRE_RETRY_MS = 1000;
/**
 * Least time between the starts of two passes over due deadlines (on the wall clock). Deadlines
 * a few milliseconds apart then share a pass, its due-runs query and its commits, at the price
 * of firing up to this much later.
 */
const TIMER_PASS_INTERVAL_MS = 20;

/**
 * Temporal's timer queue: one wall-clock timer armed for the earliest deadline of all runs (the
 * store indexes runs by it) or sleeper; a pass fires every due deadline of every due run through
 * the state machine, a few runs at a time. Sleepers are callers waiting for server time (the
 * test service's Sleep).
 */
export class TimerQueue {
  private timerHandle: NodeJS.Timeout | undefined;
  private timerArmedFor: number | undefined;
  private passing = false;
  /** When the last pass over due deadlines started (clock ms). */
  private lastPassAt = Number.NEGATIVE_INFINITY;
  private refire = false;
  private readonly sleepers: { until: number; resolve(): void }[] = [];

  /** `afterPass` runs after every pass and every re-arm (time skipping looks for a jump then). */
  constructor(
    private readonly history: History,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly stopped: AbortSignal,
    private readonly afterPass: () => void,
  ) {}

  /** Whether a pass over due deadlines is running. */
  get firing(): boolean {
    return this.passing;
  }

  /** Arms the timer for the earliest deadline, then lets time skipping look (after every commit). */
  async rearm(): Promise<void> {
    await this.arm();
    this.afterPass();
  }

  /** Arms the wall-clock timer for the earliest deadline (or sleeper). */
  async arm(): Promise<void> {
    if (this.stopped.aborted) return;
    const next = await this.nextWakeTime();
    if (next === undefined) {
      if (this.timerHandle) clearTimeout(this.timerHandle);
      this.timerHandle = undefined;
      this.timerArmedFor = undefined;
      return;
    }
    if (this.timerArmedFor !== undefined && this.timerArmedFor <= next && this.timerHandle) return;
    if (this.timerHandle) clearTimeout(this.timerHandle);
    this.timerArmedFor = next;
    const now = this.clock.now();
    const earliest = this.clock.skipping ? now : this.lastPassAt + TIMER_PASS_INTERVAL_MS;
    const delay = Math.min(Math.max(0, next - now, earliest - now), 2 ** 31 - 1);
    this.timerHandle = setTimeout(() => {
      this.timerHandle = undefined;
      this.timerArmedFor = undefined;
      void this.fire();
    }, delay);
  }

  /** The earliest of the runs' deadlines and the sleepers' wake times. */
  async nextWakeTime(): Promise<number | undefined> {
    const storeNext = await this.history.store.nextDeadline();
    const sleeperNext = this.sleepers.reduce<number | undefined>((min, s) => (min === undefined || s.until < min ? s.until : min), undefined);
    if (storeNext === undefined) return sleeperNext;
    if (sleeperNext === undefined) return storeNext;
    return Math.min(storeNext, sleeperNext);
  }

  /** Fires now, whatever the armed timer says (the clock just jumped). */
  async fireNow(): Promise<void> {
    if (this.timerHandle) clearTimeout(this.timerHandle);
    this.timerHandle = undefined;
    this.timerArmedFor = undefined;
    await this.fire();
  }

  /** Fires all due deadlines, then re-arms. */
  private async fire(): Promise<void> {
    if (this.passing) {
      this.refire = true;
      return;
    }
    this.passing = true;
    let failed = false;
    try {
      do {
        this.refire = false;
        const now = this.clock.now();
        this.lastPassAt = now;
        const due = await this.history.store.runsDueBy(now);
        // Different runs are independent: fire them a few at a time, not one after another.
        let next = 0;
        await Promise.all(
          Array.from({ length: Math.min(TIMER_CONCURRENCY, due.length) }, async () => {
            while (next < due.length) {
              const ref = due[next++] as (typeof due)[number];
              try {
                await this.history.mutate(ref.namespace, ref.runId, (tr) => machine.fireDueDeadlines(tr));
              } catch (error) {
                failed = true;
                this.logger.error({ err: error, runId: ref.runId }, 'timer processing failed');
              }
            }
          }),
        );
        this.wakeSleepers();
      } while (this.refire);
    } finally {
      this.passing = false;
    }
    // The store counts the runs handed out as fired; one that failed is tried again shortly.
    if (failed && !this.stopped.aborted) setTimeout(() => void this.fire(), FIRE_RETRY_MS).unref();
    await this.rearm();
  }

  private wakeSleepers(): void {
    const now = this.clock.now();
    for (let i = this.sleepers.length - 1; i >= 0; i--) {
      const sleeper = this.sleepers[i];
      if (sleeper && sleeper.until <= now) {
        this.sleepers.splice(i, 1);
        sleeper.resolve();
      }
    }
  }

  /** Waits until server time reaches `until`. */
  async sleepUntil(until: number): Promise<void> {
    if (until <= this.clock.now()) return;
    await new Promise<void>((resolve) => {
      this.sleepers.push({ until, resolve });
      void this.rearm();
    });
  }

  stop(): void {
    if (this.timerHandle) clearTimeout(this.timerHandle);
  }
}
