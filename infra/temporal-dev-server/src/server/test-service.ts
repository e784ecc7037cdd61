import type { Engine } from '../engine/engine';
import { fromDuration, fromTimestamp, timestamp } from '../proto/proto';
import { answeredEmpty } from './answered-empty';
import type { Handler } from './grpc-server';

/** Handlers of `temporal.api.testservice.v1.TestService` (time skipping). */
export function testHandlers(engine: Engine): Record<string, Handler> {
  return {
    LockTimeSkipping: answeredEmpty(() => engine.skipping.lock()),
    UnlockTimeSkipping: answeredEmpty(() => engine.skipping.unlock()),
    Sleep: answeredEmpty((request) => engine.skipping.sleepUntil(engine.clock.now() + fromDuration(request.duration))),
    SleepUntil: answeredEmpty((request) => engine.skipping.sleepUntil(fromTimestamp(request.timestamp) ?? engine.clock.now())),
    UnlockTimeSkippingWithSleep: answeredEmpty((request) => engine.skipping.unlockWithSleep(fromDuration(request.duration))),
    GetCurrentTime: async () => ({ time: timestamp(engine.clock.now()) }),
  };
}
