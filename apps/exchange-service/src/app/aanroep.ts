import type { Aanroep } from '@ketenregie/exchange-application';
import { getTraceId, traceIdFromHeaders } from '@ketenregie/shared-platform';
import type { Request } from 'express';

/** Trace id and bearer token of the incoming request (the token is forwarded to consent's log). */
export function aanroepVan(req: Request): Aanroep {
  const auth = req.headers.authorization ?? '';
  const bearer = /^Bearer\s+(.+)$/i.exec(auth)?.[1];
  return { traceId: getTraceId(req) ?? traceIdFromHeaders(req.headers), ...(bearer ? { bearer } : {}) };
}
