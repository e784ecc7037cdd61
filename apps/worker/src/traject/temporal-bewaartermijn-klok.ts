import { Inject, Injectable } from '@nestjs/common';
import {
  BEWAARTERMIJN_WORKFLOW_TYPE,
  bewaartermijnTrajectBeeindigdSignal,
  bewaartermijnTrajectGestartSignal,
  bewaartermijnWorkflowId,
  CONSENT_TASK_QUEUE,
} from '@ketenregie/consent-contracts';
import type { BewaartermijnKlok } from '@ketenregie/traject-application';
import type { IsoDate } from '@ketenregie/shared-kernel';
import { Client, WorkflowNotFoundError } from '@temporalio/client';

/**
 * The deelnemer's retention clock as the traject activities tell it: signals to the consent
 * context's retention workflow (`bewaartermijn-<deelnemerId>`, its contracts), the end of a
 * traject with start. Its payloads hold opaque ids and dates only; the codec finds no deelnemer
 * for that workflow id and encrypts them with the system key, so the workflow still runs after
 * the deelnemer's key is destroyed.
 */
@Injectable()
export class TemporalBewaartermijnKlok implements BewaartermijnKlok {
  /** @param temporal the worker's Temporal client */
  constructor(@Inject(Client) private readonly temporal: Client) {}

  async trajectGestart(m: { readonly deelnemerId: string; readonly trajectId: string }): Promise<void> {
    try {
      await this.temporal.workflow.getHandle(bewaartermijnWorkflowId(m.deelnemerId)).signal(bewaartermijnTrajectGestartSignal, { trajectId: m.trajectId });
    } catch (error) {
      // No retention period runs for the deelnemer (their first traject, or the workflow ended): nothing to stop.
      if (!(error instanceof WorkflowNotFoundError)) throw error;
    }
  }

  async trajectBeeindigd(m: {
    readonly deelnemerId: string;
    readonly trajectId: string;
    readonly einddatum: IsoDate;
    readonly gemeente: string;
  }): Promise<void> {
    await this.temporal.workflow.signalWithStart(BEWAARTERMIJN_WORKFLOW_TYPE, {
      taskQueue: CONSENT_TASK_QUEUE,
      workflowId: bewaartermijnWorkflowId(m.deelnemerId),
      args: [{ deelnemerId: m.deelnemerId, gemeente: m.gemeente }],
      signal: bewaartermijnTrajectBeeindigdSignal,
      signalArgs: [{ trajectId: m.trajectId, einddatum: m.einddatum }],
    });
  }
}
