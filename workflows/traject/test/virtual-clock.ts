import { amsterdamDate, startOfAmsterdamDate } from '@ketenregie/shared-kernel';
import { eventually } from '@ketenregie/shared-testing';
import type { TestWorkflowEnvironment } from '@temporalio/testing';

const UUR = 3_600_000;

/** The Dutch calendar on a time-skipping test server's virtual clock. */
export function virtualClock(env: () => TestWorkflowEnvironment) {
  return {
    /** Current Dutch date on the server's (virtual) clock. */
    vandaag: async (): Promise<string> => amsterdamDate(await env().currentTimeMs()),
    /** Skips to 10:00 Dutch time on `datum` (timers due that midnight have fired and settled by then). */
    naar: async (datum: string): Promise<void> => {
      const doel = startOfAmsterdamDate(datum) + 10 * UUR;
      const nu = await env().currentTimeMs();
      if (doel > nu) await env().sleep(doel - nu);
    },
  };
}

/** Polls until `check` passes: activities run asynchronously to the test. */
export function uiteindelijk(check: () => void | Promise<void>, ms = 10_000): Promise<void> {
  return eventually(check, ms, 25);
}
