-- Visibility: what the list filter reads of a run, written with every commit of the run, so
-- ListWorkflowExecutions / CountWorkflowExecutions filter, order and page in SQL.
-- Rows of an older server have task_queue NULL until PgStore.open backfills them from `state`.
ALTER TABLE temporal.runs
  ADD COLUMN task_queue text,
  ADD COLUMN execution_time bigint,
  ADD COLUMN history_length integer,
  -- Decoded search attributes (Datetime values in epoch ms).
  ADD COLUMN search_attributes jsonb NOT NULL DEFAULT '{}',
  -- Words of every string-valued search attribute, for `=` on Text attributes.
  ADD COLUMN text_tokens jsonb NOT NULL DEFAULT '{}';

-- Temporal's default order (open first, then CloseTime, StartTime descending, RunId), so a page
-- of the unfiltered or status-filtered list is read in index order.
DROP INDEX temporal.runs_visibility;
CREATE INDEX runs_visibility_order ON temporal.runs (namespace, close_time DESC NULLS FIRST, start_time DESC, run_id COLLATE "C");
CREATE INDEX runs_workflow_type ON temporal.runs (namespace, workflow_type);
-- Equality on custom Keyword attributes and KeywordList membership (`@>` containment).
CREATE INDEX runs_search_attributes ON temporal.runs USING gin (search_attributes jsonb_path_ops);
