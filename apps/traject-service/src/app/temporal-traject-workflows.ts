import { DomainError, DOMAIN_ERROR_KINDS, type DomainErrorKind } from '@ketenregie/shared-kernel';
import type { TrajectWorkflows } from '@ketenregie/traject-application';
import {
  caseloadOverdrachtSignal,
  opdrachtUpdate,
  overzichtQuery,
  stateQuery,
  tijdlijnQuery,
  TRAJECT_TASK_QUEUE,
  TRAJECT_WORKFLOW_TYPE,
} from '@ketenregie/traject-contracts';
import type {
  CaseloadOverdracht,
  OpdrachtResultaat,
  TijdlijnGebeurtenis,
  TrajectOpdrachtInvoer,
  TrajectOverzicht,
  TrajectState,
  TrajectWorkflowInput,
  Uitvoerder,
} from '@ketenregie/traject-contracts';
import { TRAJECT_ERRORS, trajectError, vindProgramma } from '@ketenregie/traject-domain';
import type { Meting, ProgrammaDefinitie, TrajectErrorCode } from '@ketenregie/traject-domain';
import { ApplicationFailure, type Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';

interface FoutDetails {
  readonly kind?: string;
  readonly fields?: Record<string, string>;
}

/** The workflow's typed rejection as the `DomainError` it was; other failures pass unchanged. */
export function alsDomeinfout(error: unknown): unknown {
  if (error instanceof WorkflowNotFoundError) return trajectError('TRAJECT.NOT_FOUND', 'No such traject');
  const cause = error instanceof WorkflowUpdateFailedError ? error.cause : undefined;
  if (!(cause instanceof ApplicationFailure) || !cause.type || !(cause.type in TRAJECT_ERRORS)) return error;
  const details = (cause.details?.[0] ?? {}) as FoutDetails;
  const kind = DOMAIN_ERROR_KINDS.includes(details.kind as DomainErrorKind)
    ? (details.kind as DomainErrorKind)
    : TRAJECT_ERRORS[cause.type as TrajectErrorCode];
  return new DomainError({ code: cause.type, kind, detail: cause.message, fields: details.fields });
}

/** {@link TrajectWorkflows} over the Temporal client: start, update, query. */
export class TemporalTrajectWorkflows implements TrajectWorkflows {
  /**
   * @param programma finds the version a reopened traject follows (the programme store); by
   * default the shipped catalogue.
   */
  constructor(
    private readonly client: Client,
    private readonly programma: (code: string, versie: number) => Promise<ProgrammaDefinitie | undefined> = async (code, versie) => vindProgramma(code, versie),
  ) {}

  async start(workflowId: string, input: TrajectWorkflowInput): Promise<void> {
    await this.client.workflow.start(TRAJECT_WORKFLOW_TYPE, { taskQueue: TRAJECT_TASK_QUEUE, workflowId, args: [input] });
  }

  async opdracht(workflowId: string, invoer: TrajectOpdrachtInvoer, door?: Uitvoerder): Promise<OpdrachtResultaat> {
    const args: [TrajectOpdrachtInvoer] | [TrajectOpdrachtInvoer, Uitvoerder] = door ? [invoer, door] : [invoer];
    try {
      return await this.client.workflow.getHandle(workflowId).executeUpdate(opdrachtUpdate, { args });
    } catch (error) {
      if (invoer.soort === 'heropening' && (await this.isVoltooid(workflowId))) return this.heropen(workflowId, args);
      throw alsDomeinfout(error);
    }
  }

  private async isVoltooid(workflowId: string): Promise<boolean> {
    try {
      return (await this.client.workflow.getHandle(workflowId).describe()).status.name === 'COMPLETED';
    } catch {
      return false;
    }
  }

  /**
   * A dropped-out or closed traject whose workflow has ended (after a year without heropening)
   * continues in a new run of the same workflow id, from the final state the old run returned,
   * so the history is kept.
   */
  private async heropen(workflowId: string, args: [TrajectOpdrachtInvoer] | [TrajectOpdrachtInvoer, Uitvoerder]): Promise<OpdrachtResultaat> {
    const state = (await this.client.workflow.getHandle(workflowId).result()) as TrajectState;
    const programma = await this.programma(state.programma.code, state.programma.versie);
    if (!programma) throw trajectError('TRAJECT.PROGRAMME_NOT_FOUND', `Programme ${state.programma.code}@${state.programma.versie} is no longer available`);
    const input: TrajectWorkflowInput = {
      trajectId: state.trajectId,
      programma,
      start: { regie: state.regie, coach: state.coach, aanmeldreden: 'heropening' },
      voortzetting: { state },
    };
    const handle = await this.client.workflow.start(TRAJECT_WORKFLOW_TYPE, { taskQueue: TRAJECT_TASK_QUEUE, workflowId, args: [input] });
    try {
      return await handle.executeUpdate(opdrachtUpdate, { args });
    } catch (error) {
      throw alsDomeinfout(error);
    }
  }

  async beeindig(workflowId: string): Promise<void> {
    try {
      await this.client.workflow.getHandle(workflowId).terminate('gewist');
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
    }
  }

  async caseloadOverdracht(workflowId: string, overdracht: CaseloadOverdracht): Promise<void> {
    try {
      await this.client.workflow.getHandle(workflowId).signal(caseloadOverdrachtSignal, overdracht);
    } catch (error) {
      throw alsDomeinfout(error);
    }
  }

  async overzicht(workflowId: string): Promise<TrajectOverzicht> {
    try {
      return await this.client.workflow.getHandle(workflowId).query(overzichtQuery);
    } catch (error) {
      throw alsDomeinfout(error);
    }
  }

  async metingen(workflowId: string): Promise<{ readonly metingen: readonly Meting[]; readonly t0?: string }> {
    try {
      const state = await this.client.workflow.getHandle(workflowId).query(stateQuery);
      return { metingen: state.metingen, ...(state.t0 ? { t0: state.t0 } : {}) };
    } catch (error) {
      throw alsDomeinfout(error);
    }
  }

  async tijdlijn(workflowId: string): Promise<readonly TijdlijnGebeurtenis[]> {
    try {
      return await this.client.workflow.getHandle(workflowId).query(tijdlijnQuery);
    } catch (error) {
      throw alsDomeinfout(error);
    }
  }
}
