import { amsterdamDate, startOfAmsterdamDate } from '@ketenregie/shared-kernel';
import type { TestWorkflowEnvironment } from '@temporalio/testing';

/** Today and "skip to a date" on the time-skipping server's virtual clock, in Dutch civil time. */
export function kalender(env: () => TestWorkflowEnvironment) {
  return {
    vandaag: async (): Promise<string> => amsterdamDate(await env().currentTimeMs()),
    /** To 10:00 Dutch time on `datum`, so the timers due at its midnight have fired. */
    naar: async (datum: string): Promise<void> => {
      const doel = startOfAmsterdamDate(datum) + 10 * 3_600_000;
      const nu = await env().currentTimeMs();
      if (doel > nu) await env().sleep(doel - nu);
    },
  };
}
