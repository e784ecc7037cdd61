import fc from 'fast-check';
import { canonicalStatus, parseDurationNanos, parseExecutionDurationNanos, parseRfc3339Nanos, textTokens, toNanos } from './values';

describe('parseRfc3339Nanos', () => {
  it('reads UTC timestamps with and without fractions', () => {
    expect(parseRfc3339Nanos('2024-01-31T09:30:00Z')).toBe(BigInt(Date.UTC(2024, 0, 31, 9, 30)) * 1_000_000n);
    expect(parseRfc3339Nanos('1970-01-01T00:00:00.000000001Z')).toBe(1n);
    expect(parseRfc3339Nanos('1970-01-01T00:00:01.5Z')).toBe(1_500_000_000n);
  });

  it('applies the zone offset', () => {
    expect(parseRfc3339Nanos('2024-01-31T10:30:00+01:00')).toBe(parseRfc3339Nanos('2024-01-31T09:30:00Z'));
    expect(parseRfc3339Nanos('2024-01-31T04:00:00-05:30')).toBe(parseRfc3339Nanos('2024-01-31T09:30:00Z'));
  });

  it.each([
    '2024-01-31',
    '2024-01-31 09:30:00Z',
    '2024-01-31T09:30:00',
    '2024-02-30T00:00:00Z',
    '2024-13-01T00:00:00Z',
    '2024-01-01T24:00:00Z',
    '2024-01-01T00:00:00.1234567890Z',
    'yesterday',
  ])('rejects %s', (text) => {
    expect(parseRfc3339Nanos(text)).toBeUndefined();
  });

  it('agrees with Date for every millisecond instant', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }), (d) => {
        expect(parseRfc3339Nanos(d.toISOString())).toBe(BigInt(d.getTime()) * 1_000_000n);
      }),
    );
  });
});

describe('toNanos', () => {
  it('reads Date values and ISO strings, nothing else', () => {
    expect(toNanos(new Date(1234))).toBe(1_234_000_000n);
    expect(toNanos('1970-01-01T00:00:01Z')).toBe(1_000_000_000n);
    expect(toNanos(new Date(Number.NaN))).toBeUndefined();
    expect(toNanos(42)).toBeUndefined();
  });
});

describe('durations', () => {
  it('parses compound durations in any case', () => {
    expect(parseDurationNanos('90s')).toBe(90_000_000_000n);
    expect(parseDurationNanos('1h30m')).toBe(5_400_000_000_000n);
    expect(parseDurationNanos('2W1D')).toBe(15n * 86_400_000_000_000n);
    expect(parseDurationNanos('5µs')).toBe(5_000n);
    expect(parseDurationNanos('1y')).toBeUndefined();
    expect(parseDurationNanos('h')).toBeUndefined();
    expect(parseDurationNanos('10')).toBeUndefined();
  });

  it('parses clock durations for ExecutionDuration', () => {
    expect(parseExecutionDurationNanos('01:30:05')).toBe(5_405_000_000_000n);
    expect(parseExecutionDurationNanos('1:61:00')).toBeUndefined();
    expect(parseExecutionDurationNanos('2m')).toBe(120_000_000_000n);
  });
});

describe('canonicalStatus', () => {
  it('accepts the name, the enum name and the enum number', () => {
    expect(canonicalStatus('ContinuedAsNew')).toBe('ContinuedAsNew');
    expect(canonicalStatus('WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW')).toBe('ContinuedAsNew');
    expect(canonicalStatus('WORKFLOW_EXECUTION_STATUS_TIMED_OUT')).toBe('TimedOut');
    expect(canonicalStatus(1)).toBe('Running');
    expect(canonicalStatus('running')).toBeUndefined();
    expect(canonicalStatus(0)).toBeUndefined();
  });
});

describe('textTokens', () => {
  it('splits on anything but letters and digits and lower-cases', () => {
    expect(textTokens('my-business-id Foobar')).toEqual(['my', 'business', 'id', 'foobar']);
    expect(textTokens('Overdracht naar Gemeente Zaanstad, 2e fase')).toEqual(['overdracht', 'naar', 'gemeente', 'zaanstad', '2e', 'fase']);
    expect(textTokens(' - ')).toEqual([]);
  });
});
