import { DynamicModule, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { type TemporalConfig, TemporalClientModule, temporalVerbinding } from '@ketenregie/shared-platform';
import { type KluisConfig, sleutelkluisVanConfig } from './kluis.config';
import { kluisDataConverter } from './payload-codec';
import { Sleutelkluis } from './sleutelkluis';
import { type WorkflowEigenaarSchemas, workflowDeelnemerUitTabellen } from './workflow-eigenaar';

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

/**
 * What a service whose workflows carry a deelnemer's data starts with: its key store, and its
 * Temporal client (the configured frontend, TLS included) whose payload codec encrypts under the
 * deelnemer's key, found through the workflow's row in the service's own tables (docs/privacy.md).
 * With `temporal: false` (tests with a workflow port of their own) the key store only.
 */
export function kluisEnTemporal(
  config: KluisConfig & TemporalConfig & { readonly DATABASE_URL: string },
  opties: { readonly applicationName: string; readonly tabellen: WorkflowEigenaarSchemas; readonly temporal: boolean },
): { readonly sleutels: Sleutelkluis; readonly modules: DynamicModule[] } {
  const sleutels = sleutelkluisVanConfig(config, { applicationName: opties.applicationName });
  const eigenaren = workflowDeelnemerUitTabellen(config.DATABASE_URL, opties.tabellen);
  const converter = { inject: [], useFactory: () => kluisDataConverter(sleutels, eigenaren.deelnemerVan) };
  return {
    sleutels,
    modules: [
      KluisModule.forRoot(sleutels, [eigenaren.sluit]),
      ...(opties.temporal ? [TemporalClientModule.forRoot(temporalVerbinding(config), converter)] : []),
    ],
  };
}
