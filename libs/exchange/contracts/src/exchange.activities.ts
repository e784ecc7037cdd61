import type { IsoDate } from '@ketenregie/shared-kernel';
import type { OverdrachtStatus, Vrijgave } from '@ketenregie/exchange-domain';
import type { ExchangeEventType } from './exchange.cloudevents';
import type { Partij } from './overdracht.workflow-contract';

/**
 * On whose behalf an activity acts: the sending professional, who stays responsible for the
 * handover until the lead transfers. Adapters call the services as the worker's service identity
 * acting for this professional (a service token that names them; see shared-platform).
 */
export interface Namens {
  readonly professional: string;
  readonly organisatie: string;
  readonly type: Partij['type'];
  readonly rol: string;
}

/** Asks the consent service whether the sender may disclose `categorieen` to the receiver for `warme-overdracht`. */
export interface BesluitAanvraag {
  readonly overdrachtId: string;
  readonly deelnemerId: string;
  readonly zender: Partij & { readonly professional: string; readonly rol?: string };
  readonly ontvanger: Partij;
  readonly categorieen: readonly string[];
}

/**
 * The consent service's decision, reduced to what the handover needs. `toestemming-nodig`: a
 * category the role needs can only travel with consent the deelnemer has not (yet) given.
 */
export interface BesluitUitkomst {
  readonly besluitId: string;
  readonly uitkomst: 'toegestaan' | 'toestemming-nodig';
  /** Fields released per category (empty categories left out). */
  readonly vrijgaven: readonly Vrijgave[];
  /** Consents the released categories rely on; the workflow registers as their dependant. */
  readonly toestemmingen: readonly string[];
  /** Categories that need consent first. */
  readonly ontbrekend: readonly string[];
}

/** A task on someone's list (sender, receiver, or the regievoerder). */
export interface TaakOpdracht {
  readonly voor: 'zender' | 'ontvanger' | 'regievoerder';
  readonly soort:
    | 'toestemming-verkrijgen'
    | 'toestemming-herinnering'
    | 'toestemming-escalatie'
    | 'acceptatie-herinnering'
    | 'acceptatie-escalatie'
    | 'afwijzing-opvolgen'
    | 'driegesprek-plannen'
    | 'nazorg-checkin'
    | 'overdracht-beeindigd';
  readonly vervalt?: IsoDate;
}

/**
 * One step of the handover, recorded in one database transaction: the projection the inbox
 * reads, the CloudEvent in the outbox, and the task, if any. Idempotent on `sleutel` (derived
 * from the workflow id and the step), because activities are retried.
 */
export interface StapRegistratie {
  readonly sleutel: string;
  readonly namens: Namens;
  readonly overdrachtId: string;
  readonly status: OverdrachtStatus;
  readonly gebeurtenis: ExchangeEventType;
  readonly termijn?: { readonly soort: 'toestemming' | 'acceptatie'; readonly uiterlijk: IsoDate };
  readonly taak?: TaakOpdracht;
  /** Extra event data: codes and dates only, never personal data. */
  readonly gegevens?: Readonly<Record<string, string | number | boolean>>;
}

/**
 * Activities of the exchange context. The worker implements them with adapters over HTTP (the
 * exchange and consent services) and the Temporal client (consent and traject contracts). Every
 * one is idempotent.
 */
export interface ExchangeActivities {
  /** Decision of the consent service (purpose `warme-overdracht`); the decision is logged there. */
  vraagBesluit(aanvraag: BesluitAanvraag): Promise<BesluitUitkomst>;
  /**
   * Registers the workflow as dependant of each consent, so consent's lifecycle workflow signals
   * it when one ends. `actief: false` when one has already ended.
   */
  registreerAfhankelijkheid(input: { readonly toestemmingen: readonly string[]; readonly workflowId: string }): Promise<{ readonly actief: boolean }>;
  /** Assembles the minimal dossier from the sender's data, stores it for the receiver and logs the disclosure. */
  leverDossier(input: {
    readonly sleutel: string;
    readonly namens: Namens;
    readonly overdrachtId: string;
    readonly besluitId: string;
    readonly vrijgaven: readonly Vrijgave[];
  }): Promise<{
    readonly categorieen: readonly string[];
  }>;
  /** Withdraws the dossier from the receiver at once; later reads are denied (and logged as denied). */
  trekDossierIn(input: {
    readonly sleutel: string;
    readonly namens: Namens;
    readonly overdrachtId: string;
    readonly reden: 'toestemming-ingetrokken' | 'toestemming-verlopen' | 'afgewezen' | 'beeindigd';
  }): Promise<void>;
  /** See {@link StapRegistratie}. */
  registreerStap(stap: StapRegistratie): Promise<void>;
  /** Tells the traject workflow its new lead organisation (traject contract `regiewissel`). */
  meldRegiewissel(input: {
    readonly sleutel: string;
    readonly trajectId: string;
    readonly datum: IsoDate;
    readonly regie: { readonly regievoerderId: string; readonly organisatieId: string };
  }): Promise<void>;
}
