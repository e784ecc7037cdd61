-- Runs (executions): the run state as one row, plus the columns the server queries by.
CREATE TABLE temporal.namespaces (
  name text PRIMARY KEY,
  record jsonb NOT NULL
);

CREATE TABLE temporal.runs (
  namespace text NOT NULL,
  run_id text NOT NULL,
  workflow_id text NOT NULL,
  workflow_type text NOT NULL,
  status text NOT NULL,
  version integer NOT NULL,
  start_time bigint NOT NULL,
  close_time bigint,
  -- Earliest timer or timeout of the run (epoch ms); NULL when none is pending.
  next_deadline bigint,
  -- A workflow or activity task is waiting in a task queue (rebuilt into matching at start).
  has_queued_task boolean NOT NULL,
  -- The outbox of transfers is not empty (resumed at start).
  has_transfers boolean NOT NULL,
  sticky_queue text,
  -- Serialized RunState (v8 structured clone format).
  state bytea NOT NULL,
  PRIMARY KEY (namespace, run_id)
);

CREATE INDEX runs_next_deadline ON temporal.runs (next_deadline) WHERE next_deadline IS NOT NULL;
CREATE INDEX runs_queued_task ON temporal.runs (namespace) WHERE has_queued_task;
CREATE INDEX runs_transfers ON temporal.runs (namespace) WHERE has_transfers;
CREATE INDEX runs_sticky ON temporal.runs (namespace, sticky_queue) WHERE sticky_queue IS NOT NULL;
CREATE INDEX runs_close_time ON temporal.runs (namespace, close_time) WHERE close_time IS NOT NULL;
CREATE INDEX runs_workflow ON temporal.runs (namespace, workflow_id);
CREATE INDEX runs_visibility ON temporal.runs (namespace, status, start_time);

-- The current (latest) run of every workflow id.
CREATE TABLE temporal.current_runs (
  namespace text NOT NULL,
  workflow_id text NOT NULL,
  run_id text NOT NULL,
  PRIMARY KEY (namespace, workflow_id)
);

-- History events, dense per run.
CREATE TABLE temporal.history_events (
  namespace text NOT NULL,
  run_id text NOT NULL,
  event_id integer NOT NULL,
  event bytea NOT NULL,
  PRIMARY KEY (namespace, run_id, event_id)
);
