import { condition, defineQuery, defineSignal, proxyActivities, setHandler, sleep } from '@temporalio/workflow';
import type { ReferenceActivities } from './reference.activities';

/** Signal that lets the reference workflow finish. */
export const approveSignal = defineSignal<[string]>('approve');
/** Query for the step the reference workflow has reached. */
export const stepQuery = defineQuery<string>('step');

const { echo } = proxyActivities<ReferenceActivities>({ startToCloseTimeout: '10 seconds' });

/**
 * The bench's reference workflow: one activity, one short timer, one signal (and the bench
 * sends one query). Returns the activity's result and the signal's payload.
 */
export async function referenceWorkflow(input: string, timerMs: number): Promise<string> {
  let step = 'started';
  let approvedBy: string | undefined;
  setHandler(stepQuery, () => step);
  setHandler(approveSignal, (by) => {
    approvedBy = by;
  });
  const echoed = await echo(input);
  step = 'activity-completed';
  await sleep(timerMs);
  step = 'timer-fired';
  await condition(() => approvedBy !== undefined);
  step = 'approved';
  return `${echoed}/${approvedBy}`;
}
