/**
 * Runs `ronde` over and over in the background until stopped: at once again while a round did
 * something, after `intervalMs` when it did nothing or failed. Outbox dispatchers and feed
 * readers use it; stopping wakes a sleeping loop and waits for the running round to end.
 */
export class RondeLus {
  private lus?: Promise<void>;
  private stoppen = false;
  private wekker?: () => void;

  constructor(
    /** One round; returns how much it did (0: nothing to do). */
    private readonly ronde: () => Promise<number>,
    private readonly intervalMs: number,
    /** A failed round (it is retried after the interval). */
    private readonly fout: (error: unknown) => void,
  ) {}

  start(): void {
    this.lus ??= this.draai();
  }

  async stop(): Promise<void> {
    this.stoppen = true;
    this.wekker?.();
    await this.lus;
  }

  private async draai(): Promise<void> {
    while (!this.stoppen) {
      let gedaan = 0;
      try {
        gedaan = await this.ronde();
      } catch (error) {
        this.fout(error);
      }
      if (gedaan === 0 && !this.stoppen) {
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, this.intervalMs);
          this.wekker = () => {
            clearTimeout(t);
            resolve();
          };
        });
      }
    }
  }
}
