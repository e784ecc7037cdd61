import type {
  AcceptatieOpdracht,
  AfwijzingOpdracht,
  AnnuleringOpdracht,
  DriegesprekOpdracht,
  OntvangerOnbereikbaar,
  OverdrachtWeergave,
  OverdrachtWorkflowInput,
  ToestemmingOpdracht,
} from '@ketenregie/exchange-contracts';

import type {
  AbonnementRecord,
  Afwijzing,
  Aflevering,
  BronGegevens,
  DossierInzage,
  DossierRecord,
  NieuwAbonnement,
  OverdrachtRecord,
  StapRecord,
  TaakRecord,
  UitgaandeGebeurtenis,
  VerwijzingRecord,
} from '@ketenregie/exchange-domain';
import type { FeedRij, IsoDate } from '@ketenregie/shared-kernel';
import type { BesluitAanvraag, BesluitUitkomst } from '@ketenregie/shared-platform';

/** The caller of a request, its processing reports and the processing log: shared with traject (shared-platform). */
export type { Aanroep, VerwerkingMelding, VerwerkingslogPoort } from '@ketenregie/shared-platform';

/** A command to a running overdracht workflow (each maps to one update of the contract). */
export type OverdrachtOpdracht =
  | ({ readonly soort: 'acceptatie' } & AcceptatieOpdracht)
  | ({ readonly soort: 'afwijzing' } & AfwijzingOpdracht)
  | { readonly soort: 'toestemming'; readonly opdracht: ToestemmingOpdracht }
  | { readonly soort: 'driegesprek'; readonly opdracht: DriegesprekOpdracht }
  | ({ readonly soort: 'annulering' } & AnnuleringOpdracht)
  | { readonly soort: 'heraanbieding'; readonly door: string };

/** The overdracht workflows as the use cases see them (Temporal client in the app). */
export interface OverdrachtWorkflowPoort {
  start(input: OverdrachtWorkflowInput): Promise<void>;
  /** Sends the command as an update; a refused step surfaces as a `PreconditionError`. */
  voerUit(overdrachtId: string, opdracht: OverdrachtOpdracht): Promise<OverdrachtWeergave>;
  /** Tells the handover that its receiver's webhook could not be reached (`ontvangerOnbereikbaarSignal`); an ended handover ignores it. */
  meldOntvangerOnbereikbaar(overdrachtId: string, melding: OntvangerOnbereikbaar): Promise<void>;
}

/** What a disclosure decision is asked about: the caller's organisation is the source (the platform's consent client asks it). */
export type BesluitVraag = BesluitAanvraag;

/** consent-service's decision point, as exchange asks it (with the caller's token: the caller is the source). */
export interface BesluitPoort {
  /**
   * The decision's id and the categories it permits; undefined when consent-service refuses to
   * decide for this caller (403: not involved with the deelnemer), which permits nothing.
   */
  besluit(vraag: BesluitVraag, bearer: string | undefined): Promise<BesluitUitkomst | undefined>;
}

/**
 * Sends one CloudEvent to a webhook, signed with the subscription's secret (Standard Webhooks);
 * resolves on a 2xx answer, rejects otherwise, also when the target turns out to be an address
 * webhooks may not reach.
 */
export type WebhookVerzender = (url: string, event: { readonly id: string }, geheim: string) => Promise<void>;

/**
 * Checks a webhook target before it is stored: `undefined` when it may be reached, otherwise why
 * not (a private, loopback or link-local address, or a name that does not resolve).
 */
export type WebhookDoelControle = (url: string) => Promise<string | undefined>;

export const OVERDRACHT_REPOSITORY = Symbol('OVERDRACHT_REPOSITORY');
export const DOSSIER_REPOSITORY = Symbol('DOSSIER_REPOSITORY');
export const VERWIJZING_REPOSITORY = Symbol('VERWIJZING_REPOSITORY');
export const ABONNEMENT_REPOSITORY = Symbol('ABONNEMENT_REPOSITORY');
export const OUTBOX_REPOSITORY = Symbol('OUTBOX_REPOSITORY');
export const OVERDRACHT_WORKFLOWS = Symbol('OVERDRACHT_WORKFLOWS');
export const VERWERKINGSLOG = Symbol('VERWERKINGSLOG');
export const WEBHOOK_VERZENDER = Symbol('WEBHOOK_VERZENDER');
export const WEBHOOK_DOEL_CONTROLE = Symbol('WEBHOOK_DOEL_CONTROLE');
export const BESLUIT_POORT = Symbol('BESLUIT_POORT');
/** Options of the outbox dispatcher ({@link BezorgInstellingen}). */
export const BEZORG_INSTELLINGEN = Symbol('BEZORG_INSTELLINGEN');

/** How the outbox is delivered. */
export interface BezorgInstellingen {
  /** Pause between polls when nothing is due (ms). */
  readonly intervalMs: number;
  /** How long a claimed delivery stays with one dispatcher before another may take it (ms). */
  readonly leaseMs: number;
  /** Backoff after failed attempt n (1-based): `basisMs * 2^(n-1)`, capped at `maxMs`. */
  readonly basisMs: number;
  readonly maxMs: number;
  /**
   * Failed attempts after which a delivery is given up. A given-up delivery to the receiver of a
   * handover awaiting acceptance ends that handover as `ontvanger-onbereikbaar`.
   */
  readonly maxPogingen: number;
  /** Set false to disable the background loop (tests drive {@link OutboxBezorger.ronde} directly). */
  readonly actief: boolean;
}

/*
 * Storage of the exchange context: one repository per aggregate (implemented in
 * `exchange-data-access`). Every write that reports something to other organisations also writes
 * the event to the outbox in the same transaction, so a state change is never published without
 * being stored, nor the reverse.
 */

/** Handover requests, with their source data and the tasks their steps create. */
export interface OverdrachtRepository {
  voegOverdrachtToe(o: OverdrachtRecord, bron: BronGegevens, gebeurtenis: UitgaandeGebeurtenis): Promise<void>;
  overdracht(id: string): Promise<OverdrachtRecord | undefined>;
  /**
   * Removes every trace of a handover request the traject refused before it started: the
   * request, its source data, tasks, dossier, reads and outbox events. A refused request leaves nothing.
   */
  verwijderOverdracht(id: string): Promise<void>;
  overdrachtenVan(organisatie: string): Promise<OverdrachtRecord[]>;
  legAfwijzingVast(id: string, afwijzing: Afwijzing): Promise<void>;
  legDriegesprekVast(id: string, datum: IsoDate | undefined): Promise<void>;
  bron(id: string): Promise<BronGegevens | undefined>;
  /** Projection, task and event in one transaction; false when `sleutel` was recorded before. */
  registreerStap(stap: StapRecord): Promise<boolean>;
  takenVan(organisatie: string): Promise<TaakRecord[]>;
}

/** The dossier delivered to the receiver of a handover, and the log of who read it. */
export interface DossierRepository {
  /**
   * Whether the disclosure of the dossier stored under `sleutel` still has to go into the
   * processing log (until {@link verstrekkingGemeld}): a retried delivery whose first log call
   * failed still logs it. Stores without it log only when the dossier was stored anew.
   */
  verstrekkingTeMelden?(overdrachtId: string, sleutel: string): Promise<boolean>;
  /** Records that the disclosure of the dossier stored under `sleutel` is in the processing log. */
  verstrekkingGemeld?(overdrachtId: string, sleutel: string): Promise<void>;
  /** Idempotent on `sleutel`: a retried delivery stores nothing twice. A new key replaces a withdrawn dossier. */
  slaDossierOp(d: {
    readonly sleutel: string;
    readonly overdrachtId: string;
    readonly besluitId: string;
    readonly categorieen: BronGegevens;
  }): Promise<boolean>;
  dossier(overdrachtId: string): Promise<DossierRecord | undefined>;
  trekDossierIn(overdrachtId: string, reden: string): Promise<void>;
  logInzage(inzage: DossierInzage): Promise<void>;
  inzagen(overdrachtId: string): Promise<DossierInzage[]>;
}

/** Referrals. */
export interface VerwijzingRepository {
  voegVerwijzingToe(v: VerwijzingRecord, gebeurtenis: UitgaandeGebeurtenis): Promise<void>;
  verwijzing(id: string): Promise<VerwijzingRecord | undefined>;
  verwijzingenVan(organisatie: string): Promise<VerwijzingRecord[]>;
  werkVerwijzingBij(v: VerwijzingRecord, gebeurtenis: UitgaandeGebeurtenis): Promise<void>;
}

/** Webhook subscriptions of the organisations. */
export interface AbonnementRepository {
  /** Stores a subscription; the same organisation and URL again replaces its types and secret. Returns the stored id. */
  voegAbonnementToe(a: NieuwAbonnement): Promise<string>;
  /** The organisation's subscriptions, oldest first. */
  abonnementenVan(organisatie: string): Promise<AbonnementRecord[]>;
  /** Deletes the subscription with its pending deliveries; false when it is not the organisation's (or does not exist). */
  verwijderAbonnement(id: string, organisatie: string): Promise<boolean>;
}

/** The outbox: its events as a feed, and their deliveries to the subscriptions. */
export interface OutboxRepository {
  /**
   * The outbox after sequence `na` (at most `max`, oldest first) as feed rows for monitor-service's
   * projection; each row's data also names the sending and receiving organisation of its handover or referral.
   */
  gebeurtenissenNa(na: number, max: number): Promise<FeedRij[]>;
  /** Claims due deliveries for `leaseMs`: a crashed dispatcher's claims fall due again after the lease. */
  claimAfleveringen(max: number, leaseMs: number): Promise<Aflevering[]>;
  markeerAfgeleverd(eventId: string, abonnementId: string): Promise<void>;
  markeerMislukt(eventId: string, abonnementId: string, fout: string, volgendePogingMs: number): Promise<void>;
  /** Gives up a delivery whose retries are exhausted: never claimed again. False when it was delivered or given up before. */
  geefAfleveringOp(eventId: string, abonnementId: string, fout: string): Promise<boolean>;
}
