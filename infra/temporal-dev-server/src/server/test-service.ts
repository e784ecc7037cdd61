import type { Engine } from '../engine/engine';
import { fromDuration, fromTimestamp, timestamp } from '../proto/proto';
import type { Handler } from './grpc-server';

/** Handlers of `temporal.api.testservice.v1.TestService` (time skipping). */
export function testHandlers(engine: Engine): Record<string, Handler> {
  return {
    LockTimeSkipping: async () => {
      engine.lockTimeSkipping();
      return {};
    },
    UnlockTimeSkipping: async () => {
      engine.unlockTimeSkipping();
      return {};
    },
    Sleep: async (request) => {
      await engine.sleepUntil(engine.clock.now() + fromDuration(request.duration));
      return {};
    },
    SleepUntil: async (request) => {
      await engine.sleepUntil(fromTimestamp(request.timestamp) ?? engine.clock.now());
      return {};
    },
    UnlockTimeSkippingWithSleep: async (request) => {
      await engine.unlockWithSleep(fromDuration(request.duration));
      return {};
    },
    GetCurrentTime: async () => ({ time: timestamp(engine.clock.now()) }),
  };
}
