import { Logger } from '@nestjs/common';
import type { ToestemmingLevenscyclusPoort } from '@ketenregie/consent-application';
import {
  CONSENT_TASK_QUEUE,
  type IntrekkingSignaal,
  toestemmingBeeindigdDoorServiceSignal,
  type ToestemmingLevenscyclusInput,
  toestemmingWorkflowId,
} from '@ketenregie/consent-contracts';
import type { Toestemming } from '@ketenregie/consent-domain';
import { type Client, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';

/** Name of the lifecycle workflow type on {@link CONSENT_TASK_QUEUE}. */
export const LEVENSCYCLUS_WORKFLOW = 'toestemmingLevenscyclusWorkflow';

/**
 * {@link ToestemmingLevenscyclusPoort} over the service's Temporal client. The connection is lazy, so
 * the service starts (and records consents) while Temporal is still coming up.
 */
export class TemporalToestemmingLevenscyclus implements ToestemmingLevenscyclusPoort {
  private readonly logger = new Logger(TemporalToestemmingLevenscyclus.name);

  constructor(
    private readonly client: Client,
    private readonly herinneringDagen: number,
  ) {}

  async gestart(toestemming: Toestemming): Promise<void> {
    const gegeven = toestemming.historie[0];
    const input: ToestemmingLevenscyclusInput = {
      toestemmingId: toestemming.id,
      geldigTot: toestemming.geldigTot.toISOString(),
      herinneringDagenVoorEinde: this.herinneringDagen,
      coach: gegeven && 'door' in gegeven ? gegeven.door : '',
    };
    try {
      await this.client.workflow.start(LEVENSCYCLUS_WORKFLOW, {
        taskQueue: CONSENT_TASK_QUEUE,
        workflowId: toestemmingWorkflowId(toestemming.id),
        args: [input],
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      this.logger.debug({ toestemmingId: toestemming.id }, 'Lifecycle workflow already running');
    }
  }

  /** Signals the lifecycle workflow; one that no longer runs (or never started) has nobody to tell, so that counts as delivered. */
  async beeindigd(signaal: IntrekkingSignaal): Promise<void> {
    try {
      await this.client.workflow.getHandle(toestemmingWorkflowId(signaal.toestemmingId)).signal(toestemmingBeeindigdDoorServiceSignal, signaal);
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
      this.logger.debug({ toestemmingId: signaal.toestemmingId }, 'Lifecycle workflow no longer running');
    }
  }
}
