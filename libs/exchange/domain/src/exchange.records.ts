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
  /** The traject's regievoerder (professional) when the handover was requested: who is escalated to. */
  readonly regievoerder: string;
  /** The organisation of the traject's regievoerder: it gets every task and notification meant for the regievoerder (rows from before it was stored: the sender's). */
  readonly regievoerderOrganisatie: string;
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

/** One workflow step to store: projection, task and outbox event, in one transaction (see the application's `OverdrachtRepository.registreerStap`). */
export interface StapRecord {
  readonly sleutel: string;
  readonly overdrachtId: string;
  readonly status: OverdrachtStatus;
  readonly termijn?: OverdrachtRecord['termijn'];
  readonly taak?: TaakRecord;
  readonly gebeurtenis: UitgaandeGebeurtenis;
}
