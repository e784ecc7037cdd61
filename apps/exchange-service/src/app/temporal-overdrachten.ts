import type { OverdrachtOpdracht, OverdrachtWorkflowPoort } from '@ketenregie/exchange-application';
import {
  acceptatieUpdate,
  afwijzingUpdate,
  annuleringUpdate,
  driegesprekUpdate,
  heraanbiedingUpdate,
  type OverdrachtWeergave,
  type OverdrachtWorkflowInput,
  overdrachtWorkflowId,
  ontvangerOnbereikbaarSignal,
  type OntvangerOnbereikbaar,
  toestemmingUpdate,
  TRAJECT_VEREIST,
} from '@ketenregie/exchange-contracts';
import { PreconditionError, ValidationError } from '@ketenregie/shared-kernel';
import { overdrachtVerzoekUpdate, trajectWorkflowId } from '@ketenregie/traject-contracts';
import { ApplicationFailure, type Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';

const isNietGevonden = (error: unknown) => error instanceof WorkflowNotFoundError || (error instanceof Error && error.name === 'WorkflowNotFoundError');

/**
 * What a failed update becomes: the validator's refusal a `PreconditionError` with the workflow's
 * code, a workflow that does not run (any more) the precondition `zonderWorkflow`; anything else as it is.
 */
function alsStapFout(error: unknown, zonderWorkflow: { readonly code: string; readonly detail: string }): unknown {
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure && error.cause.type) {
    return new PreconditionError({ code: error.cause.type, detail: error.cause.message });
  }
  return isNietGevonden(error) ? new PreconditionError(zonderWorkflow) : error;
}

/**
 * {@link OverdrachtWorkflowPoort} over the service's Temporal client (lazy connection, closed with the application). A step the workflow's
 * validator refuses comes back as a `PreconditionError` with the workflow's stable code.
 */
export class TemporalOverdrachten implements OverdrachtWorkflowPoort {
  constructor(private readonly client: Client) {}

  /**
   * A handover is started by its traject workflow, as its child (update `traject.overdracht`,
   * update id `overdracht-<id>`): a retry of the same request is answered from the first, and the
   * traject's validator refuses a handover it cannot take (paused, closed, another one running)
   * as a `PreconditionError` with its `TRAJECT.*` code. There is no handover without a traject.
   */
  async start(input: OverdrachtWorkflowInput): Promise<void> {
    const { trajectId, ...verzoek } = input;
    if (trajectId === undefined) throw new ValidationError({ code: 'EXCHANGE.TRAJECT_VEREIST', detail: TRAJECT_VEREIST });
    try {
      await this.client.workflow
        .getHandle(trajectWorkflowId(trajectId))
        .executeUpdate(overdrachtVerzoekUpdate, { args: [verzoek], updateId: overdrachtWorkflowId(input.overdrachtId) });
    } catch (error) {
      throw alsStapFout(error, { code: 'EXCHANGE.TRAJECT_NIET_ACTIEF', detail: 'The traject has no running workflow to hand over from.' });
    }
  }

  async voerUit(overdrachtId: string, o: OverdrachtOpdracht): Promise<OverdrachtWeergave> {
    const handle = this.client.workflow.getHandle(overdrachtWorkflowId(overdrachtId));
    try {
      switch (o.soort) {
        case 'acceptatie':
          return await handle.executeUpdate(acceptatieUpdate, { args: [{ door: o.door, regievoerderId: o.regievoerderId }] });
        case 'afwijzing':
          return await handle.executeUpdate(afwijzingUpdate, { args: [{ door: o.door, reden: o.reden, advies: o.advies }] });
        case 'toestemming':
          return await handle.executeUpdate(toestemmingUpdate, { args: [o.opdracht] });
        case 'driegesprek':
          return await handle.executeUpdate(driegesprekUpdate, { args: [o.opdracht] });
        case 'annulering':
          return await handle.executeUpdate(annuleringUpdate, { args: [{ door: o.door, reden: o.reden }] });
        case 'heraanbieding':
          return await handle.executeUpdate(heraanbiedingUpdate, { args: [{ door: o.door }] });
      }
    } catch (error) {
      throw alsStapFout(error, { code: 'EXCHANGE.OVERDRACHT_AFGESLOTEN', detail: 'The handover has ended; nothing more can be changed.' });
    }
  }

  async meldOntvangerOnbereikbaar(overdrachtId: string, melding: OntvangerOnbereikbaar): Promise<void> {
    try {
      await this.client.workflow.getHandle(overdrachtWorkflowId(overdrachtId)).signal(ontvangerOnbereikbaarSignal, melding);
    } catch (error) {
      // A handover that has ended has nothing left to stop.
      if (isNietGevonden(error)) return;
      throw error;
    }
  }
}
