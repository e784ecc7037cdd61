/**
 * The commands of a workflow task completion, one handler per command type (Temporal's history
 * service has a handler per command as well). A command type without a handler is refused.
 */
import type { Msg } from '../../../../proto/proto';
import { RpcError } from '../../../errors';
import type { Transition } from '../../transition';
import { requestCancelActivityTask, scheduleActivityTask } from './activity-commands';
import { cancelWorkflowExecution, completeWorkflowExecution, continueAsNewWorkflowExecution, failWorkflowExecution } from './close-commands';
import { requestCancelExternalWorkflowExecution, signalExternalWorkflowExecution, startChildWorkflowExecution } from './cross-run-commands';
import { modifyWorkflowProperties, recordMarker, upsertWorkflowSearchAttributes } from './record-commands';
import { cancelTimer, startTimer } from './timer-commands';

/** Context the engine supplies for validating commands. */
export interface CompletionContext {
  /** Checks search attributes against the namespace's registered ones and stamps their types. */
  normalizeSearchAttributes(fields: Record<string, Msg> | undefined): Record<string, Msg> | undefined;
}

/**
 * Applies one command's attributes (`<command>_command_attributes`) to the run, writing its
 * events with `completedEventId` as their WorkflowTaskCompleted. Returns true when it produced
 * an event the workflow must see (a new workflow task follows).
 */
export type CommandHandler = (tr: Transition, attributes: Msg, completedEventId: number, ctx: CompletionContext) => boolean;

const HANDLERS: ReadonlyMap<string, CommandHandler> = new Map(
  Object.entries({
    COMMAND_TYPE_SCHEDULE_ACTIVITY_TASK: scheduleActivityTask,
    COMMAND_TYPE_REQUEST_CANCEL_ACTIVITY_TASK: requestCancelActivityTask,
    COMMAND_TYPE_START_TIMER: startTimer,
    COMMAND_TYPE_CANCEL_TIMER: cancelTimer,
    COMMAND_TYPE_RECORD_MARKER: recordMarker,
    COMMAND_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES: upsertWorkflowSearchAttributes,
    COMMAND_TYPE_MODIFY_WORKFLOW_PROPERTIES: modifyWorkflowProperties,
    COMMAND_TYPE_COMPLETE_WORKFLOW_EXECUTION: completeWorkflowExecution,
    COMMAND_TYPE_FAIL_WORKFLOW_EXECUTION: failWorkflowExecution,
    COMMAND_TYPE_CANCEL_WORKFLOW_EXECUTION: cancelWorkflowExecution,
    COMMAND_TYPE_CONTINUE_AS_NEW_WORKFLOW_EXECUTION: continueAsNewWorkflowExecution,
    COMMAND_TYPE_START_CHILD_WORKFLOW_EXECUTION: startChildWorkflowExecution,
    COMMAND_TYPE_SIGNAL_EXTERNAL_WORKFLOW_EXECUTION: signalExternalWorkflowExecution,
    COMMAND_TYPE_REQUEST_CANCEL_EXTERNAL_WORKFLOW_EXECUTION: requestCancelExternalWorkflowExecution,
  } satisfies Record<string, CommandHandler>),
);

/** Command types that close the run. */
export const CLOSE_COMMANDS: ReadonlySet<string> = new Set([
  'COMMAND_TYPE_COMPLETE_WORKFLOW_EXECUTION',
  'COMMAND_TYPE_FAIL_WORKFLOW_EXECUTION',
  'COMMAND_TYPE_CANCEL_WORKFLOW_EXECUTION',
  'COMMAND_TYPE_CONTINUE_AS_NEW_WORKFLOW_EXECUTION',
]);

/** `COMMAND_TYPE_START_TIMER` -> `start_timer_command_attributes`. */
function attributesOf(commandType: string): string {
  return `${commandType.replace(/^COMMAND_TYPE_/, '').toLowerCase()}_command_attributes`;
}

/** Applies one command by its type's handler; returns true when the workflow must see a new event. */
export function applyCommand(tr: Transition, command: Msg, completedEventId: number, ctx: CompletionContext): boolean {
  const type = command.command_type;
  const handler = HANDLERS.get(type);
  if (!handler) throw new RpcError('INVALID_ARGUMENT', `Unsupported command ${String(type)}`);
  return handler(tr, command[attributesOf(type)], completedEventId, ctx);
}
