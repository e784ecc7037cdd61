/**
 * Source of server time. The real clock follows the wall clock; the virtual clock follows it
 * too but can be advanced in jumps (time skipping).
 */
export interface Clock {
  /** Current server time in epoch milliseconds. */
  now(): number;
  /** Whether this clock may jump forward. */
  readonly skipping: boolean;
}

/** Wall-clock time. */
export class RealClock implements Clock {
  readonly skipping = false;
  now(): number {
    return Date.now();
  }
}

/** Wall-clock time plus an offset that only ever grows (time skipping). */
export class VirtualClock implements Clock {
  readonly skipping = true;
  private offsetMs = 0;

  now(): number {
    return Date.now() + this.offsetMs;
  }

  /** Moves time forward to `targetMs` if it is in the future. */
  advanceTo(targetMs: number): void {
    const current = this.now();
    if (targetMs > current) this.offsetMs += targetMs - current;
  }
}
