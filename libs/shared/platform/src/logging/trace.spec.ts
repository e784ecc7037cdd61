import { formatTraceparent, newTraceId, parseTraceparent, traceIdFromHeaders } from './trace';

describe('trace ids', () => {
  const id = '4bf92f3577b34da6a3ce929d0e0e4736';

  it('takes the trace id of a valid W3C traceparent', () => {
    expect(parseTraceparent(`00-${id}-00f067aa0ba902b7-01`)).toBe(id);
    expect(parseTraceparent(`00-${id.toUpperCase()}-00f067aa0ba902b7-00`)).toBe(id);
  });

  it('ignores malformed, all-zero and version ff traceparents', () => {
    expect(parseTraceparent('garbage')).toBeUndefined();
    expect(parseTraceparent(`00-${'0'.repeat(32)}-00f067aa0ba902b7-01`)).toBeUndefined();
    expect(parseTraceparent(`00-${id}-${'0'.repeat(16)}-01`)).toBeUndefined();
    expect(parseTraceparent(`ff-${id}-00f067aa0ba902b7-01`)).toBeUndefined();
    expect(parseTraceparent(undefined)).toBeUndefined();
  });

  it('generates a new id otherwise, and continues a trace for outgoing calls', () => {
    expect(traceIdFromHeaders({})).toMatch(/^[0-9a-f]{32}$/);
    expect(newTraceId()).not.toBe(newTraceId());
    expect(traceIdFromHeaders({ traceparent: formatTraceparent(id) })).toBe(id);
  });
});
