import { Injectable, Module } from '@nestjs/common';
import { callService, readServiceAnswer, runActivity, unavailable } from '@ketenregie/shared-platform';

/** An activity that calls another service the way the worker's adapters do (`callService`, `readServiceAnswer`). */
@Injectable()
export class PeerActivities {
  askPeer(url: string): Promise<string> {
    return runActivity(async () => {
      const res = await callService(url, { timeoutMs: 2_000, unreachable: unavailable('PEER.ONBEREIKBAAR', 'the peer did not answer') });
      return (await readServiceAnswer<{ antwoord: string }>(res, 'peer', 'PEER.HTTP')).antwoord;
    });
  }
}

@Module({ providers: [PeerActivities], exports: [PeerActivities] })
export class PeerActivitiesModule {}
