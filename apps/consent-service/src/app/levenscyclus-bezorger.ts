import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ToestemmingService } from '@ketenregie/consent-application';

export const LEVENSCYCLUS_BEZORG_INTERVAL_MS = Symbol('LEVENSCYCLUS_BEZORG_INTERVAL_MS');

/**
 * Delivers the lifecycle outbox on a timer: every end of a consent that did not reach its
 * lifecycle workflow at the withdrawal (Temporal down, a restart in between) is retried until it
 * does. One run at a time per process; entries are claimed with a lease, so several instances
 * of the service do not deliver the same entry at once.
 */
@Injectable()
export class LevenscyclusBezorger implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private bezig = false;

  constructor(
    @Inject(LEVENSCYCLUS_BEZORG_INTERVAL_MS) private readonly intervalMs: number,
    private readonly toestemmingen: ToestemmingService,
  ) {}

  onApplicationBootstrap(): void {
    if (this.intervalMs <= 0) return;
    this.timer = setInterval(() => void this.ronde(), this.intervalMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private async ronde(): Promise<void> {
    if (this.bezig) return;
    this.bezig = true;
    try {
      await this.toestemmingen.bezorgLevenscyclus();
    } finally {
      this.bezig = false;
    }
  }
}
