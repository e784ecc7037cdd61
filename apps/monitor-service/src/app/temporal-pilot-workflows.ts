import type { Client } from '@temporalio/client';
import type { ConvenantMonitor, PilotWorkflows } from '@ketenregie/monitoring-application';
import { convenantMonitorWorkflowId, MONITORING_TASK_QUEUE, pilotBesluitSignal, pilotWorkflowId } from '@ketenregie/monitoring-contracts';
import { type Pilot, STANDAARD_BESLUIT_INSTELLINGEN } from '@ketenregie/monitoring-domain';

/** The pilot workflows through the Temporal client (workflow id from the opaque pilot id). */
export class TemporalPilotWorkflows implements PilotWorkflows {
  constructor(private readonly client: Client) {}

  async start(p: Pilot): Promise<void> {
    await this.client.workflow.start('pilotEvaluatieWorkflow', {
      taskQueue: MONITORING_TASK_QUEUE,
      workflowId: pilotWorkflowId(p.id),
      args: [{ pilotId: p.id, stuurgroepId: p.stuurgroepId, t0: p.t0, t1: p.t1, eind: p.eind, instellingen: STANDAARD_BESLUIT_INSTELLINGEN }],
    });
  }

  async besluit(pilotId: string, besluit: { besluit: 'verlengen' | 'beeindigen'; door: string }): Promise<void> {
    await this.client.workflow.getHandle(pilotWorkflowId(pilotId)).signal(pilotBesluitSignal, besluit);
  }
}

/** The report on the 5th working day after each quarter. */
const WERKDAG_NA_KWARTAAL = 5;

/** The convenant's quarterly monitor through the Temporal client. */
export class TemporalConvenantMonitor implements ConvenantMonitor {
  constructor(private readonly client: Client) {}

  async start(c: { convenantId: string; stuurgroepId: string; einddatum: string }): Promise<void> {
    await this.client.workflow.start('convenantMonitorWorkflow', {
      taskQueue: MONITORING_TASK_QUEUE,
      workflowId: convenantMonitorWorkflowId(c.convenantId),
      args: [{ ...c, werkdagNaKwartaal: WERKDAG_NA_KWARTAAL }],
    });
  }
}
