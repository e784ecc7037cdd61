import { ACTIVITY_TIMEOUTS } from '@ketenregie/shared-kernel';
import { proxyActivities } from '@temporalio/workflow';
import type { LongActivities } from './long.activities';
import type { PeerActivities } from './peer.activities';

const { askPeer } = proxyActivities<PeerActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '100 milliseconds', backoffCoefficient: 2, maximumInterval: '1 second' },
});

/** Fixture workflow of the activity retry spec: one activity that calls another service. */
export async function peerWorkflow(url: string): Promise<string> {
  return askPeer(url);
}

/**
 * Fixture workflow of the activity heartbeat spec: one long activity on `taskQueue`, with the
 * timeouts and backoff of the real workflows; answers the attempt that finished it.
 */
export async function longActivityWorkflow(taskQueue: string, ms: number): Promise<number> {
  const { takesLong } = proxyActivities<LongActivities>({
    ...ACTIVITY_TIMEOUTS,
    taskQueue,
    retry: { initialInterval: '1 second', maximumInterval: '5 minutes' },
  });
  return takesLong(ms);
}
