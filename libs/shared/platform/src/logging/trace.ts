import { randomFillSync } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** W3C Trace Context request header. */
export const TRACEPARENT_HEADER = 'traceparent';
/** Response header carrying the trace id of the request, for support and correlation. */
export const TRACE_ID_HEADER = 'x-trace-id';

const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/** Random bytes for ids, drawn from the operating system 4 KiB at a time; each byte is handed out once. */
const voorraad = Buffer.alloc(4096);
let positie = voorraad.length;

/**
 * `bytes` random bytes as lower-case hex, never all zeros (a trace or span id). One system call
 * per 4 KiB instead of one per id: every request gets a trace id and every log line a span id.
 */
function randomHexId(bytes: number): string {
  for (;;) {
    if (positie + bytes > voorraad.length) {
      randomFillSync(voorraad);
      positie = 0;
    }
    const id = voorraad.toString('hex', positie, positie + bytes);
    positie += bytes;
    if (!/^0+$/.test(id)) return id;
  }
}

/** A new random W3C trace id (32 lower-case hex characters, never all zeros). */
export function newTraceId(): string {
  return randomHexId(16);
}

/** A new random W3C span (parent) id (16 lower-case hex characters, never all zeros). */
export function newSpanId(): string {
  return randomHexId(8);
}

/**
 * The trace id of a valid `traceparent` value (`00-<trace-id>-<parent-id>-<flags>`), or
 * `undefined` when the header is absent or malformed (the W3C spec says to restart the trace).
 */
export function parseTraceparent(value: string | string[] | undefined): string | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw) return undefined;
  const m = TRACEPARENT.exec(raw.trim().toLowerCase());
  if (!m || m[1] === 'ff' || /^0+$/.test(m[2]) || /^0+$/.test(m[3])) return undefined;
  return m[2];
}

/** A `traceparent` header value continuing `traceId` with a fresh span id, for outgoing calls. */
export function formatTraceparent(traceId: string): string {
  return `00-${traceId}-${newSpanId()}-01`;
}

/** The incoming trace id, or a new one. */
export function traceIdFromHeaders(headers: IncomingHttpHeaders): string {
  return parseTraceparent(headers[TRACEPARENT_HEADER]) ?? newTraceId();
}

/**
 * The trace id assigned to a request by the logging middleware (`req.id`), if any.
 * Used by the problem filter so error responses carry the id the logs carry.
 */
export function getTraceId(req: unknown): string | undefined {
  const id = (req as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' ? id : undefined;
}
