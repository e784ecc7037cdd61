import { activityInfo, sleep } from '@temporalio/activity';
import type { Pool } from 'pg';

/** DDL of the side-effect table: one row per workflow step, however often the step ran. */
export const EFFECTS_DDL = `CREATE SCHEMA IF NOT EXISTS chaos;
CREATE TABLE IF NOT EXISTS chaos.effects (
  workflow_id text NOT NULL,
  step integer NOT NULL,
  value integer NOT NULL,
  executions integer NOT NULL DEFAULT 1,
  PRIMARY KEY (workflow_id, step)
)`;

/**
 * Activities of the chaos workflows. `applyStep` writes its side effect idempotently: the
 * unique key (workflow id, step) lets a retried attempt count itself instead of adding a row.
 */
export function chaosActivities(pool: Pool) {
  return {
    async applyStep(step: number, value: number, activityMs: number): Promise<number> {
      const workflowId = activityInfo().workflowExecution?.workflowId ?? '';
      await sleep(activityMs);
      const result = value * (step + 1);
      await pool.query(
        `INSERT INTO chaos.effects (workflow_id, step, value) VALUES ($1, $2, $3)
         ON CONFLICT (workflow_id, step) DO UPDATE SET executions = chaos.effects.executions + 1`,
        [workflowId, step, result],
      );
      return result;
    },
  };
}

/** Activity interface seen by the workflows. */
export type ChaosActivities = ReturnType<typeof chaosActivities>;
