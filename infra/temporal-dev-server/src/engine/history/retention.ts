import type { Logger } from 'pino';
import type { Clock } from '../../clock/clock';
import type { Store } from '../../store/store';

const RETENTION_SWEEP_MS = 60_000;
const RETENTION_BATCH = 1000;

/** Deletes closed runs once their namespace's retention (or the server's override) has passed. */
export class Retention {
  private handle: NodeJS.Timeout | undefined;

  /** `retentionMs` overrides every namespace's `retentionDays`. */
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly stopped: AbortSignal,
    private readonly retentionMs: number | undefined,
  ) {}

  /** Sweeps now, then every minute (or a quarter of a shorter retention). */
  async start(): Promise<void> {
    await this.sweep();
    const every = this.retentionMs === undefined ? RETENTION_SWEEP_MS : Math.min(RETENTION_SWEEP_MS, Math.max(1000, this.retentionMs / 4));
    this.handle = setInterval(() => void this.sweep(), every);
    this.handle.unref();
  }

  stop(): void {
    if (this.handle) clearInterval(this.handle);
  }

  /** Deletes the closed runs of every namespace whose retention period has passed. */
  async sweep(): Promise<number> {
    let deleted = 0;
    try {
      for (const record of await this.store.listNamespaces()) {
        const retentionMs = this.retentionMs ?? record.retentionDays * 86_400_000;
        const closedBefore = this.clock.now() - retentionMs;
        for (;;) {
          const count = await this.store.deleteClosedRuns(record.name, closedBefore, RETENTION_BATCH);
          deleted += count;
          if (count < RETENTION_BATCH || this.stopped.aborted) break;
        }
      }
    } catch (error) {
      this.logger.error({ err: error }, 'retention sweep failed');
    }
    if (deleted > 0) this.logger.info({ deleted }, 'closed runs deleted after their retention period');
    return deleted;
  }
}
