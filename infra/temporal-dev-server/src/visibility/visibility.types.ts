/** Value types a search attribute can be registered with (Temporal's `IndexedValueType`). */
export type SearchAttributeType = 'Keyword' | 'Text' | 'Int' | 'Double' | 'Bool' | 'Datetime' | 'KeywordList';

/**
 * One row of the visibility store as the list filter sees it.
 * `searchAttributes` holds decoded values: string, number, boolean, Date or string[].
 */
export interface VisibilityRecord {
  namespace: string;
  workflowId: string;
  runId: string;
  workflowType: string;
  taskQueue: string;
  /** 'Running' | 'Completed' | 'Failed' | 'Canceled' | 'Terminated' | 'ContinuedAsNew' | 'TimedOut' */
  status: string;
  startTime: Date;
  executionTime: Date;
  closeTime?: Date;
  historyLength: number;
  searchAttributes: Record<string, unknown>;
}

/** A compiled list filter: a predicate and the ordering the query asks for (or Temporal's default). */
export interface CompiledListQuery {
  matches(r: VisibilityRecord): boolean;
  compare(a: VisibilityRecord, b: VisibilityRecord): number;
}

/** Optional compile settings. */
export interface CompileListQueryOptions {
  /** The instant `NOW()` stands for (default: the wall clock at compile time). */
  now?: Date;
}
