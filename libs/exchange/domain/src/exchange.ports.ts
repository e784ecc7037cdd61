import type { IsoDate } from '@ketenregie/shared-kernel';
import type { BronGegevens, OntvangerType } from './dossier';
import type { Afwijzing, OverdrachtStatus } from './overdracht';
import type { Eindreden, VerwijzingAfwijzingReden, VerwijzingSoort, VerwijzingStatus } from './verwijzing';

/** An organisation taking part, with its type. */
export interface PartijRecord {
  readonly organisatie: string;
  readonly type: OntvangerType;
}

/** The stored overdracht: request plus the projection the workflow keeps current. */
export interface OverdrachtRecord {
  readonly id: string;
  readonly deelnemerId: string;
  readonly trajectId?: string;
  readonly zender: PartijRecord & { readonly professional: string; readonly rol: string };
  readonly ontvanger: PartijRecord;
  readonly regievoerder: string;
  readonly reden: string;
  readonly overTeNemen: readonly string[];
  readonly voorgesteldEersteGesprek?: IsoDate;
  readonly status: OverdrachtStatus;
  readonly termijn?: { readonly soort: 'toestemming' | 'acceptatie'; readonly uiterlijk: IsoDate };
  readonly afwijzingen: readonly Afwijzing[];
  readonly driegesprek?: IsoDate;
  readonly aangevraagdOp: Date;
  readonly bijgewerktOp: Date;
}

/** The minimal dossier stored for the receiver. */
export interface DossierRecord {
  readonly overdrachtId: string;
  readonly besluitId: string;
  readonly categorieen: BronGegevens;
  readonly geleverdOp: Date;
  readonly ingetrokkenOp?: Date;
  readonly intrekkingReden?: string;
}

/** One read attempt of a dossier, allowed or denied: the exchange's own access log. */
export interface DossierInzage {
  readonly overdrachtId: string;
  readonly organisatie: string;
  readonly sub: string;
  readonly uitkomst: 'toegestaan' | 'geweigerd';
  readonly reden?: string;
  readonly traceId: string;
  readonly op?: Date;
}

/** A CloudEvent to publish, in the same transaction as the state change it reports. */
export interface UitgaandeGebeurtenis {
  readonly id: string;
  readonly sleutel: string;
  readonly type: string;
  readonly subject: string;
  readonly dataref: string;
  readonly data: Readonly<Record<string, string | number | boolean>>;
  /** Organisations whose subscriptions receive it. */
  readonly ontvangers: readonly string[];
}

/** A task on an organisation's list. */
export interface TaakRecord {
  readonly sleutel: string;
  readonly overdrachtId: string;
  readonly organisatie: string;
  readonly voor: string;
  readonly soort: string;
  readonly vervalt?: IsoDate;
}

/** A referral as stored. */
export interface VerwijzingRecord {
  readonly id: string;
  readonly deelnemerId: string;
  readonly soort: VerwijzingSoort;
  readonly zender: PartijRecord;
  readonly ontvanger: PartijRecord;
  readonly reden: string;
  readonly detailTerugkoppeling: boolean;
  readonly status: VerwijzingStatus;
  readonly eindreden?: Eindreden;
  readonly afwijzingReden?: VerwijzingAfwijzingReden;
  readonly aangemeldOp: Date;
  readonly bijgewerktOp: Date;
}

/** One pending delivery of an event to one subscription. */
export interface Aflevering {
  readonly eventId: string;
  readonly abonnementId: string;
  readonly url: string;
  /** Organisation of the subscription. */
  readonly organisatie: string;
  /** The subscription's signing secret (`whsec_…`, Standard Webhooks). */
  readonly geheim: string;
  /** Attempts so far, this one included. */
  readonly pogingen: number;
  readonly volgnummer: string;
  readonly type: string;
  readonly subject: string;
  readonly dataref: string;
  readonly data: Readonly<Record<string, string | number | boolean>>;
  readonly tijd: Date;
}

/** A webhook subscription as its organisation sees it (never with its secret). */
export interface AbonnementRecord {
  readonly id: string;
  readonly organisatie: string;
  readonly url: string;
  /** Event types it receives; absent: every type. */
  readonly types?: readonly string[];
  readonly aangemaaktOp: Date;
}

/** A subscription to store, with its signing secret. */
export interface NieuwAbonnement {
  readonly id: string;
  readonly organisatie: string;
  readonly url: string;
  readonly types?: readonly string[];
  readonly geheim: string;
}

/**
 * Storage of the exchange context (implemented in `exchange-data-access`). Every write that
 * reports something to other organisations also writes the event to the outbox in the same
 * transaction, so a state change is never published without being stored, nor the reverse.
 */
export interface ExchangeOpslag {
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
  /** Projection, task and event in one transaction; false when `sleutel` was recorded before. */
  registreerStap(stap: {
    readonly sleutel: string;
    readonly overdrachtId: string;
    readonly status: OverdrachtStatus;
    readonly termijn?: OverdrachtRecord['termijn'];
    readonly taak?: TaakRecord;
    readonly gebeurtenis: UitgaandeGebeurtenis;
  }): Promise<boolean>;
  takenVan(organisatie: string): Promise<TaakRecord[]>;
  voegVerwijzingToe(v: VerwijzingRecord, gebeurtenis: UitgaandeGebeurtenis): Promise<void>;
  verwijzing(id: string): Promise<VerwijzingRecord | undefined>;
  verwijzingenVan(organisatie: string): Promise<VerwijzingRecord[]>;
  werkVerwijzingBij(v: VerwijzingRecord, gebeurtenis: UitgaandeGebeurtenis): Promise<void>;
  /** Stores a subscription; the same organisation and URL again replaces its types and secret. Returns the stored id. */
  voegAbonnementToe(a: NieuwAbonnement): Promise<string>;
  /** The organisation's subscriptions, oldest first. */
  abonnementenVan(organisatie: string): Promise<AbonnementRecord[]>;
  /** Deletes the subscription with its pending deliveries; false when it is not the organisation's (or does not exist). */
  verwijderAbonnement(id: string, organisatie: string): Promise<boolean>;
  /** Claims due deliveries for `leaseMs`: a crashed dispatcher's claims fall due again after the lease. */
  claimAfleveringen(max: number, leaseMs: number): Promise<Aflevering[]>;
  markeerAfgeleverd(eventId: string, abonnementId: string): Promise<void>;
  markeerMislukt(eventId: string, abonnementId: string, fout: string, volgendePogingMs: number): Promise<void>;
  /** Gives up a delivery whose retries are exhausted: never claimed again. False when it was delivered or given up before. */
  geefAfleveringOp(eventId: string, abonnementId: string, fout: string): Promise<boolean>;
}
