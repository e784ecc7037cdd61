import { proxyActivities, sleep } from '@temporalio/workflow';
import type { ChaosActivities } from './chaos.activities';

const { applyStep } = proxyActivities<ChaosActivities>({
  startToCloseTimeout: '8s',
  retry: { initialInterval: '500ms', backoffCoefficient: 2, maximumInterval: '2s' },
});

/** One step of a chaos workflow: an activity that takes `activityMs`, then a timer of `timerMs`. */
export interface ChaosStep {
  activityMs: number;
  timerMs: number;
}

/**
 * Runs its steps one after another; each activity records a side effect keyed by workflow id
 * and step and returns `value * (step + 1)`. The result is the sum, so a lost or repeated
 * step shows in it.
 */
export async function chaosWorkflow(value: number, steps: ChaosStep[]): Promise<number> {
  let total = 0;
  for (let step = 0; step < steps.length; step++) {
    const { activityMs, timerMs } = steps[step] as ChaosStep;
    total += await applyStep(step, value, activityMs);
    await sleep(timerMs);
  }
  return total;
}
