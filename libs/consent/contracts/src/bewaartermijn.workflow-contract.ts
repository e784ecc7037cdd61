import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { BewaartermijnEinde, BewaartermijnStand } from '@ketenregie/consent-domain';
import { opaakWorkflowId } from '@ketenregie/shared-workflow';

/** Workflow type name of the retention workflow (the exported function in `workflows/consent`). */
export const BEWAARTERMIJN_WORKFLOW_TYPE = 'bewaartermijnWorkflow';

/** Workflow id of the retention workflow of one deelnemer: `bewaartermijn-<uuid>` from the opaque id only ({@link opaakWorkflowId}). */
export const bewaartermijnWorkflowId = (deelnemerId: string): string => opaakWorkflowId('bewaartermijn', deelnemerId);

/** Input of `bewaartermijnWorkflow`. */
export interface BewaartermijnInput {
  readonly deelnemerId: string;
  /** The gemeente (organisation id) whose fg the erasure is made for: the controller of the deelnemer's data. */
  readonly gemeente: string;
}

/** A traject of the deelnemer ended (afgerond or uitgevallen) on `einddatum` (Dutch date). */
export interface TrajectBeeindigdBericht {
  readonly trajectId: string;
  readonly einddatum: string;
}

/** Signal (with start: the first end starts the workflow): a traject of the deelnemer ended. */
export const bewaartermijnTrajectBeeindigdSignal = defineSignal<[TrajectBeeindigdBericht]>('bewaartermijn.trajectBeeindigd');

/** Signal: a traject of the deelnemer started (or reopened); the retention period stops running. */
export const bewaartermijnTrajectGestartSignal = defineSignal<[{ readonly trajectId: string }]>('bewaartermijn.trajectGestart');

/** What the retention workflow shows: its state, the period it waits for, and whether it erased. */
export interface BewaartermijnStatus extends BewaartermijnStand {
  readonly termijn?: BewaartermijnEinde;
  readonly uitkomst?: WissingUitkomst;
}

/** Query: the retention workflow's state. */
export const bewaartermijnStatusQuery = defineQuery<BewaartermijnStatus>('bewaartermijn.status');

/**
 * What an erasure by retention came to: `gewist` (the keys are destroyed now), `al-gewist` (an
 * earlier erasure, e.g. on request, did it already), `traject-loopt` (a traject the workflow did
 * not know of still runs: nothing was erased, the workflow waits for its end).
 */
export type WissingUitkomst = 'gewist' | 'al-gewist' | 'traject-loopt';

/** Activities of the retention workflow (consent task queue). Both are idempotent. */
export interface BewaartermijnActivities {
  /** The erasure date for an end date, from the processing register in force (`bewaartermijnNaEinde`); null when it declares none. */
  determineRetention(input: { readonly einddatum: string }): Promise<BewaartermijnEinde | null>;
  /**
   * Erases the deelnemer (ground `bewaartermijn-verstreken`) through traject-service, the
   * context that holds them, acting for the gemeente's fg. `sleutel`: `<workflowId>:wissing:<wisOp>`.
   */
  eraseDeelnemer(input: { readonly sleutel: string; readonly deelnemerId: string; readonly gemeente: string }): Promise<WissingUitkomst>;
}
