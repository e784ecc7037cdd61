import type { OverdrachtOpdracht, OverdrachtWorkflowPoort } from '@ketenregie/exchange-application';
import {
  acceptatieUpdate,
  afwijzingUpdate,
  annuleringUpdate,
  driegesprekUpdate,
  EXCHANGE_TASK_QUEUE,
  heraanbiedingUpdate,
  OVERDRACHT_WORKFLOW_TYPE,
  OverdrachtWeergave,
  OverdrachtWorkflowInput,
  overdrachtWorkflowId,
  toestemmingUpdate,
} from '@ketenregie/exchange-contracts';
import { PreconditionError } from '@ketenregie/shared-kernel';
import { ApplicationFailure, Client, Connection, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';

/**
 * {@link OverdrachtWorkflowPoort} over a Temporal client (lazy connection). A step the workflow's
 * validator refuses comes back as a `PreconditionError` with the workflow's stable code.
 */
export class TemporalOverdrachten implements OverdrachtWorkflowPoort {
  private readonly connection: Connection;
  private readonly client: Client;

  constructor(options: { readonly address: string; readonly namespace: string }) {
    this.connection = Connection.lazy({ address: options.address });
    this.client = new Client({ connection: this.connection, namespace: options.namespace });
  }

  async start(input: OverdrachtWorkflowInput): Promise<void> {
    await this.client.workflow.start(OVERDRACHT_WORKFLOW_TYPE, {
      taskQueue: EXCHANGE_TASK_QUEUE,
      workflowId: overdrachtWorkflowId(input.overdrachtId),
      args: [input],
    });
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
      if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure && error.cause.type) {
        throw new PreconditionError({ code: error.cause.type, detail: error.cause.message });
      }
      if (error instanceof WorkflowNotFoundError || (error instanceof Error && error.name === 'WorkflowNotFoundError')) {
        throw new PreconditionError({ code: 'EXCHANGE.OVERDRACHT_AFGESLOTEN', detail: 'The handover has ended; nothing more can be changed.' });
      }
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.connection.close();
  }
}

