import { type SearchAttributeType, type VisibilityRecord } from './visibility.types';
import { NANOS_PER_MILLI } from './values';

/** How a search attribute name resolves: its type, how to read it and any special literal rules. */
export interface ResolvedAttribute {
  name: string;
  type: SearchAttributeType;
  /** Raw value of the attribute on a record (undefined or null when it has none). */
  read(r: VisibilityRecord): unknown;
  /** Literals of this attribute follow extra rules (status names, duration strings). */
  special?: 'ExecutionStatus' | 'ExecutionDuration';
}

const fromRecord = (
  name: string,
  type: SearchAttributeType,
  read: (r: VisibilityRecord) => unknown,
  special?: ResolvedAttribute['special'],
): ResolvedAttribute => ({ name, type, read, special });

const fromBag = (name: string, type: SearchAttributeType): ResolvedAttribute => ({
  name,
  type,
  read: (r) => r.searchAttributes[name],
});

/**
 * Temporal's system search attributes: set by the server, never registered by users.
 * The ones a `VisibilityRecord` has no field for are read from its `searchAttributes` bag
 * (absent unless the server puts them there).
 */
const SYSTEM: ResolvedAttribute[] = [
  fromRecord('WorkflowId', 'Keyword', (r) => r.workflowId),
  fromRecord('RunId', 'Keyword', (r) => r.runId),
  fromRecord('WorkflowType', 'Keyword', (r) => r.workflowType),
  fromRecord('TaskQueue', 'Keyword', (r) => r.taskQueue),
  fromRecord('ExecutionStatus', 'Keyword', (r) => r.status, 'ExecutionStatus'),
  fromRecord('StartTime', 'Datetime', (r) => r.startTime),
  fromRecord('ExecutionTime', 'Datetime', (r) => r.executionTime),
  fromRecord('CloseTime', 'Datetime', (r) => r.closeTime),
  fromRecord('HistoryLength', 'Int', (r) => r.historyLength),
  fromRecord(
    'ExecutionDuration',
    'Int',
    (r) => (r.closeTime ? Number((BigInt(r.closeTime.getTime()) - BigInt(r.executionTime.getTime())) * NANOS_PER_MILLI) : undefined),
    'ExecutionDuration',
  ),
  fromBag('HistorySizeBytes', 'Int'),
  fromBag('StateTransitionCount', 'Int'),
  fromBag('ParentWorkflowId', 'Keyword'),
  fromBag('ParentRunId', 'Keyword'),
  fromBag('RootWorkflowId', 'Keyword'),
  fromBag('RootRunId', 'Keyword'),
  fromBag('TemporalNamespaceDivision', 'Keyword'),
];

/** Predefined attributes the SDKs and server upsert; a namespace need not register them. */
const PREDEFINED: ResolvedAttribute[] = [
  fromBag('TemporalChangeVersion', 'KeywordList'),
  fromBag('BinaryChecksums', 'KeywordList'),
  fromBag('BuildIds', 'KeywordList'),
  fromBag('BatcherUser', 'Keyword'),
  fromBag('TemporalScheduledStartTime', 'Datetime'),
  fromBag('TemporalScheduledById', 'Keyword'),
  fromBag('TemporalSchedulePaused', 'Bool'),
  fromBag('TemporalWorkerDeployment', 'Keyword'),
  fromBag('TemporalWorkerDeploymentVersion', 'Keyword'),
  fromBag('TemporalWorkflowVersioningBehavior', 'Keyword'),
  fromBag('TemporalPauseInfo', 'KeywordList'),
];

const SYSTEM_BY_NAME = new Map(SYSTEM.map((a) => [a.name, a]));
const PREDEFINED_BY_NAME = new Map(PREDEFINED.map((a) => [a.name, a]));

export const NAMESPACE_DIVISION = 'TemporalNamespaceDivision';

/** True for names the server owns (system or predefined); a namespace cannot register them. */
export function isReservedAttributeName(name: string): boolean {
  return SYSTEM_BY_NAME.has(name) || PREDEFINED_BY_NAME.has(name);
}

/**
 * Resolves a name as Temporal does: system attributes first, then the namespace's registered
 * custom attributes, then predefined ones; `ScheduleId` means `WorkflowId` unless registered.
 */
export function resolveAttribute(name: string, custom: Record<string, SearchAttributeType>): ResolvedAttribute | undefined {
  const system = SYSTEM_BY_NAME.get(name);
  if (system) return system;
  if (Object.prototype.hasOwnProperty.call(custom, name)) return fromBag(name, custom[name]);
  const predefined = PREDEFINED_BY_NAME.get(name);
  if (predefined) return predefined;
  if (name === 'ScheduleId') return SYSTEM_BY_NAME.get('WorkflowId');
  return undefined;
}
