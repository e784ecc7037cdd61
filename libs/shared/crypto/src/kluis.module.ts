import { DynamicModule, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { type ServiceBasisConfig, type ServiceBasisOptions, serviceBasisModules, TemporalClientModule, temporalVerbinding } from '@ketenregie/shared-platform';
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
 * What a service whose workflows carry a deelnemer's data starts with: its key store; its Temporal
 * client (the configured frontend, TLS included) whose payload codec encrypts under the
 * deelnemer's key, found through the workflow's row in the service's own `tabellen`
 * (docs/privacy.md); and the service basis ({@link serviceBasisModules}) with migrations that may
 * use the key store (an encrypting migration). With `temporal: false` (tests with a workflow port
 * of their own) neither the Temporal client nor its readiness check.
 */
export function kluisDienstModules(
  config: ServiceBasisConfig & KluisConfig,
  o: Omit<ServiceBasisOptions, 'migrations' | 'temporal'> & {
    readonly migrations: (sleutels: Sleutelkluis) => ServiceBasisOptions['migrations'];
    readonly tabellen: WorkflowEigenaarSchemas;
    readonly temporal: boolean;
  },
): DynamicModule[] {
  const { migrations, tabellen, temporal, ...basis } = o;
  const sleutels = sleutelkluisVanConfig(config, { applicationName: `${o.applicationName}-kluis` });
  const eigenaren = workflowDeelnemerUitTabellen(config.DATABASE_URL, tabellen);
  const converter = { inject: [], useFactory: () => kluisDataConverter(sleutels, eigenaren.deelnemerVan) };
  return [
    KluisModule.forRoot(sleutels, [eigenaren.sluit]),
    ...(temporal ? [TemporalClientModule.forRoot(temporalVerbinding(config), converter)] : []),
    ...serviceBasisModules(config, { ...basis, migrations: migrations(sleutels), ...(temporal ? {} : { temporal: false }) }),
  ];
}
