import { LIBRARY_SOURCES_SIDE_EFFECT_FREE, WORKFLOW_PRELOAD_MODULES } from '@ketenregie/shared-workflow';
import type { IsoDate } from '@ketenregie/shared-kernel';
import type { Coach, Fase, ProgrammaDefinitie, Regie, Termijn, TijdlijnGebeurtenis, TrajectState, TrajectStatus, Uitvoerder } from '@ketenregie/traject-domain';
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { TrajectOpdrachtInvoer } from './traject.dto';
import type { TrajectOverdracht } from './traject.overdracht';
import type { TrajectOverzicht } from './traject.overzicht';

/** Task queue of the traject workflow and its activities. */
export const TRAJECT_TASK_QUEUE = 'traject';

/** Modules of the traject bundle shared by every cached traject ({@link WORKFLOW_PRELOAD_MODULES}). */
export const TRAJECT_PRELOAD_MODULES = WORKFLOW_PRELOAD_MODULES;

/** The library modules the traject bundle may leave out when unused ({@link LIBRARY_SOURCES_SIDE_EFFECT_FREE}). */
export const TRAJECT_SIDE_EFFECT_FREE_MODULES = LIBRARY_SOURCES_SIDE_EFFECT_FREE;

/** Workflow type name (the exported function in `workflows/traject`). */
export const TRAJECT_WORKFLOW_TYPE = 'trajectWorkflow';

const OPAQUE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/**
 * Workflow id of a traject: `traject-<trajectId>`. The traject id is an opaque token (a UUID);
 * BSN, names or other personal data never appear in workflow ids.
 * @throws TypeError when `trajectId` is not an opaque token.
 */
export function trajectWorkflowId(trajectId: string): string {
  if (!OPAQUE.test(trajectId) || /^\d{8,9}$/.test(trajectId)) throw new TypeError('A traject id must be an opaque token (not a BSN, not a name)');
  return `traject-${trajectId}`;
}

/**
 * Input of the traject workflow. The programme definition travels with it (workflows never read
 * configuration); `voortzetting` is set only by continue-as-new.
 */
export interface TrajectWorkflowInput {
  readonly trajectId: string;
  readonly programma: ProgrammaDefinitie;
  readonly start: {
    /** Date of the aanmelding; defaults to the workflow's current Dutch date. */
    readonly datum?: IsoDate;
    readonly regie: Regie;
    readonly coach?: Coach;
    readonly aanmeldreden: string;
  };
  /** Continue-as-new after this many history events (default 2,000). */
  readonly historieLimiet?: number;
  /** Set by continue-as-new only: the state, and the handovers the traject started (all ended). */
  readonly voortzetting?: { readonly state: TrajectState; readonly overdrachten?: readonly TrajectOverdracht[] };
}

/** Answer to a command: where the traject stands afterwards and what was recorded. */
export interface OpdrachtResultaat {
  readonly fase: Fase;
  readonly status: TrajectStatus;
  readonly volgendeTermijn?: TrajectOverzicht['volgendeTermijn'];
  readonly gebeurtenissen: readonly TijdlijnGebeurtenis[];
}

/**
 * A command that needs an answer (every API command sub-resource), with who issued it (recorded
 * on the timeline; absent in histories from before it was). The validator rejects with a
 * `TRAJECT.*`-typed `ApplicationFailure` before anything is written to history.
 */
export const opdrachtUpdate = defineUpdate<OpdrachtResultaat, [TrajectOpdrachtInvoer] | [TrajectOpdrachtInvoer, Uitvoerder]>('opdracht');

/** Bulk caseload transfer when a coach leaves: applied only where `vanCoachId` is still the coach. */
export interface CaseloadOverdracht {
  readonly vanCoachId: string;
  readonly naar: Coach;
  readonly datum?: IsoDate;
}

/** Fire-and-forget, idempotent per traject (safe to send to a whole caseload). */
export const caseloadOverdrachtSignal = defineSignal<[CaseloadOverdracht]>('caseloadOverdracht');

/** Phase, status, next deadline, lead and progress. */
export const overzichtQuery = defineQuery<TrajectOverzicht>('overzicht');

/** The full timeline, oldest first. */
export const tijdlijnQuery = defineQuery<readonly TijdlijnGebeurtenis[]>('tijdlijn');

/** Open deadlines. */
export const termijnenQuery = defineQuery<readonly Termijn[]>('termijnen');

/** The raw state (tests, replay diagnostics). */
export const stateQuery = defineQuery<TrajectState>('state');
