import { ToestemmingFeedController } from './toestemming-feed.controller';
import { DynamicModule, Injectable, Module, OnApplicationBootstrap } from '@nestjs/common';
import {
  BesluitService,
  consentStorageProviders,
  ConsentToegang,
  LEVENSCYCLUS_POORT,
  RegisterService,
  ToestemmingLevenscyclusPoort,
  ToestemmingFeedService,
  ToestemmingService,
  VerwerkingService,
} from '@ketenregie/consent-application';
import { type PseudoniemSleutel, consentStorage } from '@ketenregie/consent-data-access';
import { DEMO_REGISTER } from '@ketenregie/consent-domain';
import { BETROKKENHEID_POORT, ONTVANGER_POORT } from '@ketenregie/shared-platform';
import type { BetrokkenheidPoort, OntvangerPoort } from '@ketenregie/shared-platform';
import { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { BesluitenController } from './besluiten.controller';
import { DeelnemersController } from './deelnemers.controller';
import { LEVENSCYCLUS_BEZORG_INTERVAL_MS, LevenscyclusBezorger } from './levenscyclus-bezorger';
import { ANKER_OPTIES, type AnkerOpties, VerwerkingslogAnkeraar } from './verwerkingslog-ankeraar';
import { TemporalToestemmingLevenscyclus } from './temporal-levenscyclus';
import { ToestemmingenController } from './toestemmingen.controller';
import { VerwerkingenController } from './verwerkingen.controller';

/** What the consent module needs from the service configuration. */
export interface ConsentModuleOptions {
  readonly pseudoniemSleutelId: string;
  /** Base64, at least 32 bytes. */
  readonly pseudoniemSleutel: string;
  /** The processing log's chain keys (HMAC), as the configuration gives them. */
  readonly ketenSleutel: Pick<PseudoniemSleutel, 'CONSENT_LOG_KETEN_SLEUTEL' | 'CONSENT_LOG_KETEN_SLEUTEL_ID' | 'CONSENT_LOG_OUDE_KETEN_SLEUTELS'>;
  /** The lifecycle workflows; by default over the application's Temporal `Client` (`TemporalClientModule`), replaceable in tests. */
  readonly levenscyclus?: ToestemmingLevenscyclusPoort;
  /** Days before a consent ends that its lifecycle workflow reminds the coach (with the Temporal lifecycle). */
  readonly herinneringDagen: number;
  /** The traject context's involvement facts (traject-service's API; replaceable in tests). */
  readonly betrokkenheid: BetrokkenheidPoort;
  /** Ends a receiver's involvement in the traject context when the consent it rested on is withdrawn (absent: nobody is told). */
  readonly ontvangers?: OntvangerPoort;
  /** ms between deliveries of the lifecycle outbox (default 2000; 0: only right after each withdrawal). */
  readonly bezorgIntervalMs?: number;
  /** Where and how often the processing log is anchored (default: `.data/verwerkingslog-ankers`, every minute). */
  readonly anker?: AnkerOpties;
}

/** Publishes the partnership's processing register at start-up (idempotent; a changed version is refused). */
@Injectable()
class RegisterPublicatie implements OnApplicationBootstrap {
  constructor(private readonly register: RegisterService) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.register.publiceer(DEMO_REGISTER.versies);
  }
}

/** The consent context's use cases wired to its SQL repositories, the key-held pseudonymiser and the workflow port (needs `DatabaseModule`). */
@Module({})
export class ConsentModule {
  static register(options: ConsentModuleOptions): DynamicModule {
    return {
      module: ConsentModule,
      providers: [
        ...consentStorageProviders({
          inject: [DataSource],
          useFactory: (ds: DataSource) =>
            consentStorage(
              ds,
              { CONSENT_PSEUDONIEM_SLEUTEL_ID: options.pseudoniemSleutelId, CONSENT_PSEUDONIEM_SLEUTEL: options.pseudoniemSleutel, ...options.ketenSleutel },
              { gelijktijdig: 8 },
            ),
        }),
        options.levenscyclus
          ? { provide: LEVENSCYCLUS_POORT, useValue: options.levenscyclus }
          : {
              provide: LEVENSCYCLUS_POORT,
              useFactory: (client: Client) => new TemporalToestemmingLevenscyclus(client, options.herinneringDagen),
              inject: [Client],
            },
        { provide: BETROKKENHEID_POORT, useValue: options.betrokkenheid },
        ...(options.ontvangers ? [{ provide: ONTVANGER_POORT, useValue: options.ontvangers }] : []),
        ConsentToegang,
        RegisterService,
        ToestemmingService,
        ToestemmingFeedService,
        BesluitService,
        VerwerkingService,
        RegisterPublicatie,
        { provide: ANKER_OPTIES, useValue: options.anker ?? { map: '.data/verwerkingslog-ankers', intervalMs: 60_000 } },
        VerwerkingslogAnkeraar,
        { provide: LEVENSCYCLUS_BEZORG_INTERVAL_MS, useValue: options.bezorgIntervalMs ?? 2_000 },
        LevenscyclusBezorger,
      ],
      controllers: [ToestemmingenController, BesluitenController, VerwerkingenController, DeelnemersController, ToestemmingFeedController],
      exports: [ToestemmingService, BesluitService, VerwerkingService, RegisterService, VerwerkingslogAnkeraar],
    };
  }
}
