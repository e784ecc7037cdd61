import type { IsoDate } from '@ketenregie/shared-kernel';
import type { BesluitUitkomst, OverdrachtStatus, OverdrachtTaak, Vrijgave } from '@ketenregie/exchange-domain';
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

/** A task on someone's list (sender, receiver, or the regievoerder): the domain's {@link OverdrachtTaak}. */
export type TaakOpdracht = OverdrachtTaak;

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
 * Activities of the exchange context. The worker implements them: the handover's own steps
 * in-process over the exchange application services, the consent decision over consent-service's
 * HTTP API (another context, with a service token), and the consent and traject workflows
 * through their contracts. Every one is idempotent.
 */
export interface ExchangeActivities {
  /** Decision of the consent service (purpose `warme-overdracht`); the decision is logged there. */
  requestDecision(aanvraag: BesluitAanvraag): Promise<BesluitUitkomst>;
  /**
   * Registers the workflow as dependant of each consent, so consent's lifecycle workflow signals
   * it when one ends. `actief: false` when one has already ended.
   */
  registerDependency(input: { readonly toestemmingen: readonly string[]; readonly workflowId: string }): Promise<{ readonly actief: boolean }>;
  /** Assembles the minimal dossier from the sender's data, stores it for the receiver and logs the disclosure. */
  deliverDossier(input: {
    readonly sleutel: string;
    readonly namens: Namens;
    readonly overdrachtId: string;
    readonly besluitId: string;
    readonly vrijgaven: readonly Vrijgave[];
  }): Promise<{
    readonly categorieen: readonly string[];
  }>;
  /** Withdraws the dossier from the receiver at once; later reads are denied (and logged as denied). */
  withdrawDossier(input: {
    readonly sleutel: string;
    readonly namens: Namens;
    readonly overdrachtId: string;
    readonly reden: 'toestemming-ingetrokken' | 'toestemming-verlopen' | 'afgewezen' | 'beeindigd';
  }): Promise<void>;
  /** See {@link StapRegistratie}. */
  recordStep(stap: StapRegistratie): Promise<void>;
  /** Tells the traject workflow its new lead organisation (traject contract `regiewissel`). */
  reportLeadTransfer(input: {
    readonly sleutel: string;
    readonly trajectId: string;
    readonly datum: IsoDate;
    readonly regie: { readonly regievoerderId: string; readonly organisatieId: string };
  }): Promise<void>;
}

/**
 * The activity type names handovers used before the English names (workflow patch
 * {@link ENGLISH_ACTIVITY_NAMES_PATCH}), mapped to the activity each stands for. Activity type
 * names are recorded in workflow histories, so a handover started before the patch keeps
 * scheduling these: the worker registers them as aliases of the English ones until no such
 * handover runs any more (then the patch is deprecated and the aliases go).
 */
export const EXCHANGE_ACTIVITY_ALIASES = {
  vraagBesluit: 'requestDecision',
  registreerAfhankelijkheid: 'registerDependency',
  leverDossier: 'deliverDossier',
  trekDossierIn: 'withdrawDossier',
  registreerStap: 'recordStep',
  meldRegiewissel: 'reportLeadTransfer',
} as const satisfies Record<string, keyof ExchangeActivities>;

/** The exchange activities under their pre-patch Dutch names (see {@link EXCHANGE_ACTIVITY_ALIASES}). */
export type ExchangeActivityAliases = { readonly [K in keyof typeof EXCHANGE_ACTIVITY_ALIASES]: ExchangeActivities[(typeof EXCHANGE_ACTIVITY_ALIASES)[K]] };

/** Patch id under which the overdracht workflow schedules the English activity names. */
export const ENGLISH_ACTIVITY_NAMES_PATCH = 'english-activity-names';
