import { ACTIVITY_HEARTBEAT_MS, ACTIVITY_HEARTBEAT_TIMEOUT_MS, ACTIVITY_TIMEOUTS } from './activity-timeouts';

describe('activity timeouts', () => {
  it('leave a heartbeating attempt several heartbeats before the server times it out', () => {
    expect(ACTIVITY_TIMEOUTS.heartbeatTimeout).toBe(ACTIVITY_HEARTBEAT_TIMEOUT_MS);
    expect(ACTIVITY_HEARTBEAT_TIMEOUT_MS).toBeGreaterThanOrEqual(4 * ACTIVITY_HEARTBEAT_MS);
  });

  it('notice a dead worker well before the start-to-close timeout', () => {
    expect(ACTIVITY_TIMEOUTS.startToCloseTimeout).toBe('1 minute');
    expect(ACTIVITY_HEARTBEAT_TIMEOUT_MS + ACTIVITY_HEARTBEAT_MS).toBeLessThanOrEqual(60_000 / 2);
  });
});
