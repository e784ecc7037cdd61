import type { IsoDate } from '@ketenregie/shared-kernel';
import type {
  Afwijzing,
  AfwijzingReden,
  Deelnemende,
  Eindstatus,
  OntvangerType,
  OverdrachtInstellingen,
  OverdrachtStatus,
  OverdrachtToestand,
  Termijn,
} from '@ketenregie/exchange-domain';
import { opaakWorkflowId } from '@ketenregie/shared-workflow';
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';

/** Task queue of the exchange context's workflows and activities. */
export const EXCHANGE_TASK_QUEUE = 'exchange';

/** Workflow type name of the warm handover (the exported function in `workflows/exchange`). */
export const OVERDRACHT_WORKFLOW_TYPE = 'overdrachtWorkflow';

/** Workflow id of one warm handover: `overdracht-<uuid>` from the opaque id only ({@link opaakWorkflowId}). */
export const overdrachtWorkflowId = (overdrachtId: string): string => opaakWorkflowId('overdracht', overdrachtId);

/** An organisation taking part, with its type (the release profile depends on it). */
export interface Partij {
  readonly organisatie: string;
  readonly type: OntvangerType;
}

/**
 * Input of the overdracht workflow: a child of the traject workflow (on {@link EXCHANGE_TASK_QUEUE},
 * requested through the traject contract's `overdrachtVerzoekUpdate`). Opaque ids only; the
 * dossier's content never travels through workflow history, it stays in the exchange database.
 */
export interface OverdrachtWorkflowInput {
  readonly overdrachtId: string;
  readonly deelnemerId: string;
  /**
   * Traject whose lead moves at the end; its workflow learns the new lead through the traject
   * contract. Always set for new handovers; optional only for histories of handovers started
   * before it was required.
   */
  readonly trajectId?: string;
  readonly zender: Partij & {
    /** Subject id of the sending professional, who stays responsible until the transfer. */
    readonly professional: string;
    /** The professional's role (the workflow's steps act on their behalf); default `klantmanager`. */
    readonly rol?: string;
  };
  readonly ontvanger: Partij;
  /** Subject id of the regievoerder who is escalated to. */
  readonly regievoerder: string;
  /** Coded reason of the handover (e.g. `ggz-behandeling`, `schuldhulp`). */
  readonly reden: string;
  /** What the receiver is asked to take on (e.g. `regie`, `begeleiding`). */
  readonly overTeNemen: readonly string[];
  readonly voorgesteldEersteGesprek?: IsoDate;
  /** Data categories asked for; defaults to what the receiver's role needs. */
  readonly categorieen?: readonly string[];
  /** Programme settings; defaults per {@link OverdrachtInstellingen}. */
  readonly instellingen?: Partial<OverdrachtInstellingen>;
}

/** Where an overdracht stands, as the query and every update answer it. */
export interface OverdrachtWeergave {
  readonly overdrachtId: string;
  readonly status: OverdrachtStatus;
  readonly aanZet: 'zender' | 'ontvanger' | 'beiden' | 'niemand';
  readonly toestand: OverdrachtToestand;
  /** The running term: consent (sender) or acceptance (receiver). */
  readonly termijn?: Termijn & { readonly soort: 'toestemming' | 'acceptatie' };
  readonly herinneringVerstuurd: boolean;
  readonly geescaleerd: boolean;
  /** The receiving professional who takes the lead, once accepted. */
  readonly nieuweRegievoerder?: string;
}

/** How the overdracht ended; the traject workflow (as parent) may read it from the child's result. */
export interface OverdrachtUitkomst {
  readonly overdrachtId: string;
  readonly status: Eindstatus;
  readonly afwijzingen: readonly Afwijzing[];
  /** Set when the lead transferred. */
  readonly nieuweRegie?: { readonly regievoerderId: string; readonly organisatieId: string };
}

/** The receiver accepts; `regievoerderId` is its professional who takes the lead (default: the caller). */
export interface AcceptatieOpdracht {
  readonly door: string;
  readonly regievoerderId: string;
}

/** The receiver rejects, with a coded reason and advice back to the sender. */
export interface AfwijzingOpdracht {
  readonly door: string;
  readonly reden: AfwijzingReden;
  readonly advies: string;
}

/** The sender reports on consent: asked, recorded (re-check now), or refused by the deelnemer. */
export interface ToestemmingOpdracht {
  readonly door: string;
  readonly soort: 'gevraagd' | 'vastgelegd' | 'geweigerd';
}

/** Planning and outcome of the driegesprek (deelnemer, sender, receiver). */
export type DriegesprekOpdracht =
  | { readonly door: string; readonly soort: 'gepland'; readonly datum: IsoDate }
  | { readonly door: string; readonly soort: 'gehouden' }
  | { readonly door: string; readonly soort: 'no-show'; readonly wie: Deelnemende };

/** The sender cancels (coded reason). */
export interface AnnuleringOpdracht {
  readonly door: string;
  readonly reden: 'deelnemer-wil-niet' | 'andere-partner' | 'situatie-gewijzigd' | 'overig';
}

/** Updates: validated against the state machine before anything is written to history. */
export const acceptatieUpdate = defineUpdate<OverdrachtWeergave, [AcceptatieOpdracht]>('exchange.acceptatie');
export const afwijzingUpdate = defineUpdate<OverdrachtWeergave, [AfwijzingOpdracht]>('exchange.afwijzing');
export const toestemmingUpdate = defineUpdate<OverdrachtWeergave, [ToestemmingOpdracht]>('exchange.toestemming');
export const driegesprekUpdate = defineUpdate<OverdrachtWeergave, [DriegesprekOpdracht]>('exchange.driegesprek');
export const annuleringUpdate = defineUpdate<OverdrachtWeergave, [AnnuleringOpdracht]>('exchange.annulering');
/** After a first rejection, the sender offers the handover to the same receiver once more. */
export const heraanbiedingUpdate = defineUpdate<OverdrachtWeergave, [{ readonly door: string }]>('exchange.heraanbieding');

/**
 * exchange-service's outbox gave up delivering one of the handover's notifications to a webhook
 * of `organisatie` after `pogingen` failed attempts (its retries exhausted). Sent only for the
 * receiving organisation's subscriptions. While the receiver has yet to answer
 * (`dossier-geleverd`), the handover ends as `ontvanger-onbereikbaar`; in any other state the
 * signal changes nothing (a receiver that answered is reachable).
 */
export interface OntvangerOnbereikbaar {
  readonly organisatie: string;
  /** CloudEvents id of the notification that could not be delivered. */
  readonly eventId: string;
  readonly pogingen: number;
}

/** See {@link OntvangerOnbereikbaar}. */
export const ontvangerOnbereikbaarSignal = defineSignal<[OntvangerOnbereikbaar]>('exchange.ontvangerOnbereikbaar');

/** Current state of the overdracht. */
export const overdrachtQuery = defineQuery<OverdrachtWeergave>('exchange.overdracht');
