import type { Aanroep } from '@ketenregie/consent-application';
import { getTraceId, TRACEPARENT_HEADER, traceIdFromHeaders } from '@ketenregie/shared-platform';
import type { Request } from 'express';

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$/;

/** The W3C trace context of a request: the request's trace id and, when the caller sent one, its span as parent. */
export function aanroepVan(req: Request): Aanroep {
  const traceId = getTraceId(req) ?? traceIdFromHeaders(req.headers);
  const header = req.headers[TRACEPARENT_HEADER];
  const m = TRACEPARENT.exec(
    String(Array.isArray(header) ? header[0] : (header ?? ''))
      .trim()
      .toLowerCase(),
  );
  const parentSpanId = m && m[1] === traceId && !/^0+$/.test(m[2] ?? '') ? m[2] : undefined;
  const bearer = /^Bearer\s+(\S+)$/i.exec(String(req.headers['authorization'] ?? ''))?.[1];
  return { traceId, ...(parentSpanId ? { parentSpanId } : {}), ...(bearer ? { bearer } : {}) };
}
