import { proxyActivities } from '@temporalio/workflow';
import type { PeerActivities } from './peer.activities';

const { askPeer } = proxyActivities<PeerActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '100 milliseconds', backoffCoefficient: 2, maximumInterval: '1 second' },
});

/** Fixture workflow of the activity retry spec: one activity that calls another service. */
export async function peerWorkflow(url: string): Promise<string> {
  return askPeer(url);
}
