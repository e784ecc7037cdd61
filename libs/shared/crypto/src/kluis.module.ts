import { DynamicModule, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { Sleutelkluis } from './sleutelkluis';

/** Closes the key store's data source when the application shuts down. */
const KLUIS_AFSLUITEN = Symbol('KLUIS_AFSLUITEN');

@Injectable()
class KluisAfsluiter implements OnApplicationShutdown {
  constructor(
    @Inject(Sleutelkluis) private readonly kluis: Sleutelkluis,
    @Inject(KLUIS_AFSLUITEN) private readonly ook: readonly (() => Promise<void>)[],
  ) {}

  async onApplicationShutdown(): Promise<void> {
    for (const sluit of this.ook) await sluit();
    await this.kluis.sluit();
  }
}

/** Makes one {@link Sleutelkluis} injectable everywhere in a Nest application (as `Sleutelkluis`). */
@Module({})
export class KluisModule {
  /** @param ook closed with it at shutdown (e.g. the pool of `workflowDeelnemerUitTabellen`) */
  static forRoot(kluis: Sleutelkluis, ook: readonly (() => Promise<void>)[] = []): DynamicModule {
    return {
      module: KluisModule,
      global: true,
      providers: [{ provide: Sleutelkluis, useValue: kluis }, { provide: KLUIS_AFSLUITEN, useValue: ook }, KluisAfsluiter],
      exports: [Sleutelkluis],
    };
  }
}
