import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { BesluitInstellingen, PilotAgenda } from '@ketenregie/monitoring-domain';

/** Task queue of the monitoring workflows (its own worker registration). */
export const MONITORING_TASK_QUEUE = 'monitoring';

/** Workflow id of a pilot's evaluation (opaque pilot id). */
export const pilotWorkflowId = (pilotId: string): string => `pilot-evaluatie-${pilotId}`;
/** Workflow id of a convenant's quarterly monitor. */
export const convenantMonitorWorkflowId = (convenantId: string): string => `convenant-monitor-${convenantId}`;

/** Input of `pilotEvaluatieWorkflow`: the moments and the decision settings travel in the input. */
export interface PilotEvaluatieInput {
  readonly pilotId: string;
  readonly stuurgroepId: string;
  readonly t0: string;
  readonly t1: string;
  readonly eind: string;
  readonly instellingen: BesluitInstellingen;
}

/** The stuurgroep's extension decision. */
export interface PilotBesluit {
  readonly besluit: 'verlengen' | 'beeindigen';
  /** The organisation of the stuurgroeplid that recorded it. */
  readonly door: string;
}

/** Signal: the stuurgroep decided on the extension. */
export const pilotBesluitSignal = defineSignal<[PilotBesluit]>('pilotBesluit');

/** The pilot as the workflow holds it. */
export interface PilotStand {
  readonly agenda: PilotAgenda;
  readonly status: 'loopt' | 'besluit-gevraagd' | 'verlengd' | 'beeindigd';
  readonly verlengingen: number;
  readonly rapportages: readonly string[];
}

/** Query: the pilot's agenda and status. */
export const pilotStandQuery = defineQuery<PilotStand>('pilotStand');

/** Input of `convenantMonitorWorkflow`. */
export interface ConvenantMonitorInput {
  readonly convenantId: string;
  readonly stuurgroepId: string;
  /** The report of a quarter is published on this working day of the next quarter. */
  readonly werkdagNaKwartaal: number;
  /** Stop after the report of the quarter this date falls in (the convenant's end). */
  readonly einddatum: string;
}

/** Every side effect of the monitoring workflows; each input carries `sleutel` (`<workflowId>:<step>`), the activity is a no-op for a key seen before. */
export interface MonitoringActivities {
  /** Freezes and publishes a pilot report for a moment (immutable once published). */
  publishPilotReport(i: { sleutel: string; pilotId: string; moment: string; peildatum: string }): Promise<void>;
  /** Records the stuurgroep's decision and the new end, if extended. */
  recordPilotDecision(i: {
    sleutel: string;
    pilotId: string;
    besluit: PilotBesluit['besluit'] | 'geen-besluit';
    door?: string;
    nieuweEinddatum?: string;
  }): Promise<void>;
  /** Freezes and publishes the quarterly report of a convenant. */
  publishQuarterReport(i: { sleutel: string; convenantId: string; kwartaal: string; peildatum: string }): Promise<void>;
  /** Tells the stuurgroep (or its chair): an item in the stuurgroep's inbox, no personal data. */
  notifyStuurgroep(i: {
    sleutel: string;
    stuurgroepId: string;
    aan: 'stuurgroep' | 'voorzitter';
    onderwerp:
      | 'rapportage-gepubliceerd'
      | 'verlengingsbesluit-gevraagd'
      | 'herinnering-verlengingsbesluit'
      | 'escalatie-verlengingsbesluit'
      | 'kwartaalrapport-gepubliceerd';
    verwijzing: string;
  }): Promise<void>;
}
