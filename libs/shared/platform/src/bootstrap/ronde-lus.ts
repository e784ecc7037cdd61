import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';

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

/**
 * A Nest provider whose {@link RondeLus} runs from application bootstrap until shutdown, when its
 * `instellingen` say it is `actief` (tests drive `ronde` themselves). Outbox dispatchers and
 * feed readers extend it.
 */
export abstract class RondeDienst implements OnApplicationBootstrap, OnApplicationShutdown {
  private lus?: RondeLus;

  protected abstract readonly instellingen: { readonly actief: boolean; readonly intervalMs: number };

  /** One round; returns how much it did (0: nothing to do). */
  abstract ronde(): Promise<number>;

  /** A failed round (it is retried after the interval). */
  protected abstract rondeMislukt(error: unknown): void;

  onApplicationBootstrap(): void {
    if (!this.instellingen.actief) return;
    this.lus = new RondeLus(
      () => this.ronde(),
      this.instellingen.intervalMs,
      (error) => this.rondeMislukt(error),
    );
    this.lus.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.lus?.stop();
  }
}
