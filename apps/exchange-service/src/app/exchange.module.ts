import { DynamicModule, Module } from '@nestjs/common';
import {
  AbonnementService,
  BESLUIT_POORT,
  BesluitPoort,
  BEZORG_INSTELLINGEN,
  BezorgInstellingen,
  ABONNEMENT_REPOSITORY,
  DOSSIER_REPOSITORY,
  OUTBOX_REPOSITORY,
  OVERDRACHT_REPOSITORY,
  VERWIJZING_REPOSITORY,
  ExchangeFeedService,
  OutboxBezorger,
  OVERDRACHT_WORKFLOWS,
  OverdrachtActiviteitenService,
  OverdrachtService,
  OverdrachtWorkflowPoort,
  VERWERKINGSLOG,
  VerwerkingslogPoort,
  VerwijzingService,
  WEBHOOK_DOEL_CONTROLE,
  WEBHOOK_VERZENDER,
  WebhookDoelControle,
  WebhookVerzender,
} from '@ketenregie/exchange-application';
import {
  SqlAbonnementRepository,
  SqlDossierRepository,
  SqlOutboxRepository,
  SqlOverdrachtRepository,
  SqlVerwijzingRepository,
} from '@ketenregie/exchange-data-access';
import { BETROKKENHEID_POORT, ONTVANGER_POORT } from '@ketenregie/shared-platform';
import { Client } from '@temporalio/client';
import type { BetrokkenheidPoort, OntvangerPoort } from '@ketenregie/shared-platform';
import { Sleutelkluis } from '@ketenregie/shared-crypto';
import { DataSource } from 'typeorm';
import { InboxController, OverdrachtenController } from './overdrachten.controller';
import { ExchangeFeedController } from './exchange-feed.controller';
import { TemporalOverdrachten } from './temporal-overdrachten';
import { AbonnementenController, VerwijzingenController } from './verwijzingen.controller';

/** What the exchange module is wired with; tests replace the workflow port, the log and the webhook sender. */
export interface ExchangeModuleOptions {
  /** By default the Temporal one, over the application's `Client` (`TemporalClientModule`). */
  readonly workflows?: OverdrachtWorkflowPoort;
  readonly verwerkingslog: VerwerkingslogPoort;
  readonly webhook: WebhookVerzender;
  /** Checks a webhook target when an organisation subscribes. */
  readonly webhookDoel: WebhookDoelControle;
  readonly bezorging: BezorgInstellingen;
  /** The traject context's involvement facts (traject-service's API; replaceable in tests). */
  readonly betrokkenheid: BetrokkenheidPoort;
  /** Records a referral's receiver as `ontvanger` in the traject context. */
  readonly ontvangers: OntvangerPoort;
  /** consent-service's decision point (referrals). */
  readonly besluiten: BesluitPoort;
}

/** The exchange use cases on SQL storage (needs `DatabaseModule`). */
@Module({})
export class ExchangeModule {
  static register(options: ExchangeModuleOptions): DynamicModule {
    return {
      module: ExchangeModule,
      providers: [
        ...[
          { provide: OVERDRACHT_REPOSITORY, useFactory: (ds: DataSource, s?: Sleutelkluis) => new SqlOverdrachtRepository(ds, s) },
          { provide: DOSSIER_REPOSITORY, useFactory: (ds: DataSource, s?: Sleutelkluis) => new SqlDossierRepository(ds, s) },
          { provide: VERWIJZING_REPOSITORY, useFactory: (ds: DataSource) => new SqlVerwijzingRepository(ds) },
          { provide: ABONNEMENT_REPOSITORY, useFactory: (ds: DataSource) => new SqlAbonnementRepository(ds) },
          { provide: OUTBOX_REPOSITORY, useFactory: (ds: DataSource) => new SqlOutboxRepository(ds) },
        ].map((p) => ({ ...p, inject: [DataSource, { token: Sleutelkluis, optional: true }] })),
        options.workflows
          ? { provide: OVERDRACHT_WORKFLOWS, useValue: options.workflows }
          : { provide: OVERDRACHT_WORKFLOWS, useFactory: (client: Client) => new TemporalOverdrachten(client), inject: [Client] },
        { provide: VERWERKINGSLOG, useValue: options.verwerkingslog },
        { provide: WEBHOOK_VERZENDER, useValue: options.webhook },
        { provide: WEBHOOK_DOEL_CONTROLE, useValue: options.webhookDoel },
        { provide: BEZORG_INSTELLINGEN, useValue: options.bezorging },
        { provide: BETROKKENHEID_POORT, useValue: options.betrokkenheid },
        { provide: ONTVANGER_POORT, useValue: options.ontvangers },
        { provide: BESLUIT_POORT, useValue: options.besluiten },
        OverdrachtService,
        // The workflow's own steps: the worker runs them in-process; here for tests that play the workflow's part.
        OverdrachtActiviteitenService,
        VerwijzingService,
        AbonnementService,
        ExchangeFeedService,
        OutboxBezorger,
      ],
      controllers: [InboxController, OverdrachtenController, VerwijzingenController, AbonnementenController, ExchangeFeedController],
      exports: [OverdrachtService, OverdrachtActiviteitenService, VerwijzingService, OutboxBezorger],
    };
  }
}
