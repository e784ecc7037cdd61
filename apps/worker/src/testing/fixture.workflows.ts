import { addWorkingDays } from '@ketenregie/shared-kernel';
import { proxyActivities } from '@temporalio/workflow';
import type { FixtureActivities } from './fixture.activities';

const { greet } = proxyActivities<FixtureActivities>({ startToCloseTimeout: '10 seconds' });

/**
 * Fixture workflow of the worker host's integration spec. It imports the kernel through its
 * `@ketenregie/*` alias, so running it proves the host's bundler resolves workspace paths.
 */
export async function fixtureWorkflow(name: string): Promise<string> {
  return `${await greet(name)}; three working days after Christmas Eve 2025 is ${addWorkingDays('2025-12-24', 3)}`;
}
