import type { PlaatsingFase, PlaatsingGebeurtenis, PlaatsingOverzicht, PlaatsingStart, PlaatsingState, Termijn } from '@ketenregie/plaatsing-domain';
import { LIBRARY_SOURCES_SIDE_EFFECT_FREE, opaakWorkflowId, WORKFLOW_PRELOAD_MODULES } from '@ketenregie/shared-workflow';
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { PlaatsingOpdrachtInvoer } from './plaatsing.dto';

/** Task queue of the plaatsing workflow and its activities. */
export const PLAATSING_TASK_QUEUE = 'plaatsing';

/** Workflow type name (the exported function in `workflows/plaatsing`). */
export const PLAATSING_WORKFLOW_TYPE = 'plaatsingWorkflow';

/** Modules of the bundle shared by every cached placement (no per-workflow state). */
export const PLAATSING_PRELOAD_MODULES = WORKFLOW_PRELOAD_MODULES;

/** Library sources have no import side effects: the bundle leaves out what the workflow does not use. */
export const PLAATSING_SIDE_EFFECT_FREE_MODULES = LIBRARY_SOURCES_SIDE_EFFECT_FREE;

/** Workflow id of a placement: `plaatsing-<uuid>` from the opaque id only ({@link opaakWorkflowId}). */
export const plaatsingWorkflowId = (plaatsingId: string): string => opaakWorkflowId('plaatsing', plaatsingId);

/** Input of the plaatsing workflow: the start of the placement with its programme settings (never read from the environment). */
export interface PlaatsingWorkflowInput {
  readonly start: PlaatsingStart;
}

/** A warm return to the traject the workflow started (a child overdracht on the exchange task queue). */
export interface PlaatsingTerugleiding {
  readonly overdrachtId: string;
  readonly workflowId: string;
  readonly reden: string;
  readonly naar: string;
  /** Set once the child ended. */
  readonly uitkomst?: string;
}

/** How a placement ended: its final state and the warm return, if any. */
export interface PlaatsingResultaat {
  readonly state: PlaatsingState;
  readonly terugleiding?: PlaatsingTerugleiding;
}

/** Answer to a command: where the placement stands afterwards and what was recorded. */
export interface PlaatsingOpdrachtResultaat {
  readonly fase: PlaatsingFase;
  readonly termijnen: readonly Termijn[];
  readonly gebeurtenissen: readonly PlaatsingGebeurtenis[];
}

/**
 * A command on the placement (update `plaatsing.opdracht`). The validator refuses with an
 * `ApplicationFailure` typed `PLAATSING.*` before anything is written to history.
 */
export const plaatsingOpdrachtUpdate = defineUpdate<PlaatsingOpdrachtResultaat, [PlaatsingOpdrachtInvoer]>('plaatsing.opdracht');

/** The read model of the placement now. */
export const plaatsingOverzichtQuery = defineQuery<PlaatsingOverzicht>('plaatsing.overzicht');

/** The raw state (tests, diagnostics). */
export const plaatsingStateQuery = defineQuery<PlaatsingState>('plaatsing.state');

/** The warm return the placement started, if any. */
export const terugleidingQuery = defineQuery<PlaatsingTerugleiding | undefined>('plaatsing.terugleiding');
