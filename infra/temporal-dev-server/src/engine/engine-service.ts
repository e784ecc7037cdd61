import type { Clock } from '../clock/clock';
import type { History } from './history/history';
import type { Matching } from './matching/matching';
import type { Namespaces } from './namespaces';

/** What the engine gives every request-facing service: history, the namespace registry, matching, the clock and the engine's stop signal. */
export interface EngineCore {
  readonly history: History;
  readonly namespaces: Namespaces;
  readonly matching: Matching;
  readonly clock: Clock;
  /** Aborted when the engine stops: long polls and waits end. */
  readonly stopped: AbortSignal;
}

/** A service of the engine on its {@link EngineCore}; a service that needs more takes it after the core. */
export abstract class EngineService {
  protected readonly history: History;
  protected readonly namespaces: Namespaces;
  protected readonly matching: Matching;
  protected readonly clock: Clock;
  protected readonly stopped: AbortSignal;

  constructor(core: EngineCore) {
    this.history = core.history;
    this.namespaces = core.namespaces;
    this.matching = core.matching;
    this.clock = core.clock;
    this.stopped = core.stopped;
  }
}
