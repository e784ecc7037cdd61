/** Nanoseconds per millisecond, as a bigint: datetimes are compared in Unix nanoseconds. */
export const NANOS_PER_MILLI = 1_000_000n;

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Parses an RFC 3339 timestamp with up to nanosecond precision (Go's `time.RFC3339Nano`, which
 * Temporal uses for datetime literals) into Unix nanoseconds. Returns undefined if it is not one.
 */
export function parseRfc3339Nanos(text: string): bigint | undefined {
  const m = RFC3339.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return undefined;
  let offsetMinutes = 0;
  if (zone !== 'Z') {
    const oh = Number(zone.slice(1, 3));
    const om = Number(zone.slice(4, 6));
    if (oh > 23 || om > 59) return undefined;
    offsetMinutes = (zone[0] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const utcMillis = Date.UTC(year, month - 1, day, Number(h), Number(mi), Number(s)) - offsetMinutes * 60_000;
  const fraction = BigInt((frac ?? '').padEnd(9, '0'));
  return BigInt(utcMillis) * NANOS_PER_MILLI + fraction;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Unix nanoseconds of a decoded datetime search attribute value, or undefined if it is none. */
export function toNanos(value: unknown): bigint | undefined {
  if (value instanceof Date) {
    const ms = value.getTime();
    return Number.isNaN(ms) ? undefined : BigInt(ms) * NANOS_PER_MILLI;
  }
  if (typeof value === 'string') {
    const parsed = parseRfc3339Nanos(value);
    if (parsed !== undefined) return parsed;
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? undefined : BigInt(ms) * NANOS_PER_MILLI;
  }
  return undefined;
}

const DURATION_UNITS: Record<string, bigint> = {
  ns: 1n,
  us: 1_000n,
  µs: 1_000n,
  μs: 1_000n,
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
  d: 86_400_000_000_000n,
  w: 604_800_000_000_000n,
};

/**
 * Parses a compound duration (`90s`, `1h30m`, `2w3d`; units ns, us, µs, ms, s, m, h, d, w, any
 * case) into nanoseconds. Returns undefined if the text is not a duration.
 */
export function parseDurationNanos(text: string): bigint | undefined {
  const parts = /^(?:\d+[^\d]+)+$/.test(text) ? text.match(/\d+[^\d]+/g) : null;
  if (!parts) return undefined;
  let total = 0n;
  for (const part of parts) {
    const [, digits, unit] = /^(\d+)(.+)$/.exec(part) as RegExpExecArray;
    const scale = DURATION_UNITS[unit.toLowerCase()];
    if (scale === undefined) return undefined;
    total += BigInt(digits) * scale;
  }
  return total;
}

/**
 * Parses an `ExecutionDuration` literal: a compound duration (`1h30m`) or a clock duration
 * (`01:30:00`), into nanoseconds.
 */
export function parseExecutionDurationNanos(text: string): bigint | undefined {
  const clock = /^(\d+):([0-5]\d):([0-5]\d)$/.exec(text);
  if (clock) {
    const [, h, m, s] = clock;
    return ((BigInt(h) * 60n + BigInt(m)) * 60n + BigInt(s)) * 1_000_000_000n;
  }
  return parseDurationNanos(text);
}

/**
 * Words of a Text value for full-text matching: lower-cased runs of letters and digits, as a
 * standard full-text analyzer splits `my-business-id` into `my`, `business`, `id`.
 */
export function textTokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Workflow execution statuses by the names the list filter accepts, with their enum numbers. */
const STATUSES: ReadonlyArray<[string, number]> = [
  ['Running', 1],
  ['Completed', 2],
  ['Failed', 3],
  ['Canceled', 4],
  ['Terminated', 5],
  ['ContinuedAsNew', 6],
  ['TimedOut', 7],
  ['Paused', 8],
];

/** Temporal's enum spelling, e.g. `WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW`. */
const screaming = (name: string): string => 'WORKFLOW_EXECUTION_STATUS_' + name.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();

/**
 * Canonical status name (`Running`, `ContinuedAsNew`, ...) of a status literal given as the
 * PascalCase name, the `WORKFLOW_EXECUTION_STATUS_*` enum name or the enum number.
 */
export function canonicalStatus(value: string | number): string | undefined {
  for (const [name, code] of STATUSES) {
    if (value === name || value === screaming(name) || value === code) return name;
  }
  return undefined;
}
