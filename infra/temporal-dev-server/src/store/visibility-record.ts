import { decodeSearchAttribute } from '../model/search-attributes';
import type { RunState } from '../model/run-state';
import type { SearchAttributeType, VisibilityRecord } from '../visibility';

/** A run as the in-memory list filter sees it, its search attributes decoded by the registered types. */
export function visibilityRecordOf(run: RunState, types: Record<string, SearchAttributeType>): VisibilityRecord {
  const searchAttributes: Record<string, unknown> = {};
  for (const [name, payload] of Object.entries(run.searchAttributes)) {
    const value = decodeSearchAttribute(payload, types[name]);
    if (value !== undefined) searchAttributes[name] = value;
  }
  return {
    namespace: run.namespace,
    workflowId: run.workflowId,
    runId: run.runId,
    workflowType: run.workflowType,
    taskQueue: run.taskQueue,
    status: run.status,
    startTime: new Date(run.startTime),
    executionTime: new Date(run.executionTime),
    closeTime: run.closeTime !== undefined ? new Date(run.closeTime) : undefined,
    historyLength: run.nextEventId - 1,
    searchAttributes,
  };
}
