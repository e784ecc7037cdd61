import type { OverdrachtUitkomst, OverdrachtWorkflowInput } from '@ketenregie/exchange-contracts';
import type { IsoDate } from '@ketenregie/shared-kernel';
import { defineUpdate } from '@temporalio/workflow';

/**
 * A warm handover the traject starts as a child workflow: everything the exchange context's
 * `overdrachtWorkflow` needs except the traject id (the traject fills in its own). Opaque ids
 * only; exchange-service has stored the sender's data under `overdrachtId` before asking.
 */
export type OverdrachtVerzoek = Omit<OverdrachtWorkflowInput, 'trajectId'>;

/** Answer to a handover request: the child's workflow id, and whether this call started it. */
export interface OverdrachtVerzoekResultaat {
  readonly overdrachtId: string;
  readonly workflowId: string;
  /** False when the same overdracht was requested before (a retried request changes nothing). */
  readonly nieuw: boolean;
}

/** A handover the traject knows about, carried in the workflow's state. */
export interface TrajectOverdracht {
  readonly overdrachtId: string;
  readonly workflowId: string;
  readonly ontvangerOrganisatie: string;
  readonly aangevraagdOp: IsoDate;
  /**
   * Set once the child has ended; until then the handover is running. `niet-gestart`: the child
   * could not be started (its workflow id was taken); `afgebroken`: the child failed or was
   * terminated without an outcome of its own.
   */
  readonly uitkomst?: OverdrachtUitkomst['status'] | 'niet-gestart' | 'afgebroken';
}

/**
 * Requests a warm handover from the traject workflow (update `traject.overdracht`). The validator
 * refuses, before anything is written to history, with an `ApplicationFailure` typed
 * `TRAJECT.PHASE_INVALID` (not in the domain's `OVERDRACHT_FASEN`), `TRAJECT.STATUS_INVALID` (paused,
 * dropped out, closed), `TRAJECT.FORBIDDEN` (the sender is neither lead nor coach organisation)
 * or `TRAJECT.OVERDRACHT_LOPEND` (another handover is still running). The same `overdrachtId`
 * again answers `nieuw: false` and starts nothing: safe to retry.
 */
export const overdrachtVerzoekUpdate = defineUpdate<OverdrachtVerzoekResultaat, [OverdrachtVerzoek]>('traject.overdracht');
