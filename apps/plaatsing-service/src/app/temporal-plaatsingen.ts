import type { PlaatsingWorkflowPoort } from '@ketenregie/plaatsing-application';
import {
  PLAATSING_TASK_QUEUE,
  PLAATSING_WORKFLOW_TYPE,
  plaatsingOpdrachtUpdate,
  plaatsingWorkflowId,
  type PlaatsingOpdrachtInvoer,
  type PlaatsingOpdrachtResultaat,
  type PlaatsingWorkflowInput,
} from '@ketenregie/plaatsing-contracts';
import { plaatsingError, PLAATSING_ERRORS, type PlaatsingErrorCode } from '@ketenregie/plaatsing-domain';
import { DomainError } from '@ketenregie/shared-kernel';
import { ApplicationFailure, type Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';

/** {@link PlaatsingWorkflowPoort} over the Temporal client; a refused update comes back as the workflow's own `PLAATSING.*` error. */
export class TemporalPlaatsingen implements PlaatsingWorkflowPoort {
  constructor(private readonly client: Client) {}

  async start(input: PlaatsingWorkflowInput): Promise<void> {
    await this.client.workflow.start(PLAATSING_WORKFLOW_TYPE, {
      taskQueue: PLAATSING_TASK_QUEUE,
      workflowId: plaatsingWorkflowId(input.start.plaatsingId),
      args: [input],
    });
  }

  async voerUit(plaatsingId: string, opdracht: PlaatsingOpdrachtInvoer): Promise<PlaatsingOpdrachtResultaat> {
    try {
      return await this.client.workflow.getHandle(plaatsingWorkflowId(plaatsingId)).executeUpdate(plaatsingOpdrachtUpdate, { args: [opdracht] });
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure && error.cause.type && error.cause.type in PLAATSING_ERRORS) {
        const details = (error.cause.details?.[0] ?? {}) as { fields?: Record<string, string> };
        throw plaatsingError(error.cause.type as PlaatsingErrorCode, error.cause.message, details.fields);
      }
      if (error instanceof WorkflowNotFoundError || (error instanceof Error && error.name === 'WorkflowNotFoundError')) {
        throw plaatsingError('PLAATSING.AFGELOPEN', 'The placement has ended.');
      }
      throw new DomainError({
        code: 'PLAATSING.WORKFLOW_ONBEREIKBAAR',
        kind: 'unavailable',
        detail: 'The placement cannot be reached. Try again later.',
        cause: error,
      });
    }
  }
}
