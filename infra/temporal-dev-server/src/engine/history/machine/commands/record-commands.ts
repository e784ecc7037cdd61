/** Commands that only record something on the run: a marker, search attributes, the memo. */
import type { Msg } from '../../../../proto/proto';
import type { Transition } from '../../transition';
import { isEmptyPayload } from '../run';
import type { CompletionContext } from './command-table';

/** RecordMarker (side effects, local activities, patches). */
export function recordMarker(tr: Transition, a: Msg, completedEventId: number): boolean {
  tr.write('EVENT_TYPE_MARKER_RECORDED', { ...a, workflow_task_completed_event_id: completedEventId });
  return false;
}

/** UpsertWorkflowSearchAttributes: an empty payload removes the attribute. */
export function upsertWorkflowSearchAttributes(tr: Transition, a: Msg, completedEventId: number, ctx: CompletionContext): boolean {
  const fields = ctx.normalizeSearchAttributes(a?.search_attributes?.indexed_fields) ?? {};
  tr.write('EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES', {
    workflow_task_completed_event_id: completedEventId,
    search_attributes: { indexed_fields: fields },
  });
  for (const [name, payload] of Object.entries(fields)) {
    if (isEmptyPayload(payload)) delete tr.run.searchAttributes[name];
    else tr.run.searchAttributes[name] = payload;
  }
  return false;
}

/** ModifyWorkflowProperties: upserts the memo; an empty payload removes a field. */
export function modifyWorkflowProperties(tr: Transition, a: Msg, completedEventId: number): boolean {
  const run = tr.run;
  const memo = a?.upserted_memo;
  tr.write('EVENT_TYPE_WORKFLOW_PROPERTIES_MODIFIED', { workflow_task_completed_event_id: completedEventId, upserted_memo: memo });
  const fields = { ...(run.memo?.fields ?? {}) };
  for (const [name, payload] of Object.entries((memo?.fields ?? {}) as Record<string, Msg>)) {
    if (isEmptyPayload(payload)) delete fields[name];
    else fields[name] = payload;
  }
  run.memo = { fields };
  return false;
}
