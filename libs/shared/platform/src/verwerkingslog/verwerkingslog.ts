import { ForbiddenError } from '@ketenregie/shared-kernel';
import { identityOf } from '../auth/auth.decorators';
import type { ServiceIdentity } from '../auth/service-identity';
import type { VerifiedIdentity } from '../auth/token-verifier';
import { callService, unavailable } from '../http/service-call';
import { getTraceId, newSpanId, traceIdFromHeaders } from '../logging/trace';

/** consent-service cannot be reached, so nothing is handed out without its log line (503). */
const logOnbereikbaar = unavailable(
  'VERWERKINGSLOG.ONBEREIKBAAR',
  'The processing log (consent-service) cannot be reached, so the data cannot be processed now. Try again later.',
);

/** The caller of a request: its W3C trace id, the bearer token and the verified identity it came with. */
export interface Aanroep {
  readonly traceId: string;
  /** The caller's bearer token (to read the caller's own facts from another context). */
  readonly bearer?: string;
  /** Who called: the professional, or the worker acting for one (`actor` set). */
  readonly namens?: VerifiedIdentity;
}

/** Trace id (the logging middleware's, else the incoming `traceparent`'s, else new), bearer token and identity of an incoming request. */
export function aanroepVan(req: { readonly headers: Record<string, string | string[] | undefined> }): Aanroep {
  const auth = req.headers['authorization'];
  const bearer = /^Bearer\s+(.+)$/i.exec(String(Array.isArray(auth) ? auth[0] : (auth ?? '')))?.[1];
  const namens = identityOf(req) as VerifiedIdentity | undefined;
  return { traceId: getTraceId(req) ?? traceIdFromHeaders(req.headers), ...(bearer ? { bearer } : {}), ...(namens ? { namens } : {}) };
}

/**
 * One processing of one deelnemer's data, as reported to consent-service's processing log
 * (Logboek Dataverwerkingen). The wire contract is consent-contracts' `verwerkingMeldingSchema`;
 * the trace fields are added by {@link HttpVerwerkingslog}.
 */
export interface VerwerkingMelding {
  /** `raadpleging`: the caller read another organisation's data; `verstrekking`: it disclosed its own; `wissing`: it erased a deelnemer's data. */
  readonly handeling: 'raadpleging' | 'verstrekking' | 'wissing';
  /** `geweigerd`: the read was refused; it appears in the deelnemer's log all the same. */
  readonly status?: 'ok' | 'geweigerd';
  /** Opaque deelnemer id; consent-service pseudonymises it before writing. */
  readonly deelnemerId: string;
  /** Purpose code of the processing register, e.g. `re-integratie`. */
  readonly doel: string;
  readonly categorieen: readonly string[];
  readonly ontvanger?: { readonly organisatie: string; readonly type: string };
  /** The decision that permitted a disclosure (required for `verstrekking`). */
  readonly besluitId?: string;
}

/** The processing log as a service sees it: resolves once the line is written, rejects otherwise. */
export interface VerwerkingslogPoort {
  meld(melding: VerwerkingMelding, aanroep: Aanroep): Promise<void>;
}

/**
 * {@link VerwerkingslogPoort} over consent-service's `POST /api/v1/verwerkingen`, which only the
 * services themselves may call: with a service token of this process acting for the caller (the
 * log line names the organisation that really read or disclosed), or the worker's own service
 * token when the worker is the caller; and a new span of the caller's trace. Anything but a 2xx
 * answer, a timeout or a missing caller rejects, so a caller that awaits it never hands out data
 * without a log line; an unreachable log is a 503 problem (`VERWERKINGSLOG.ONBEREIKBAAR`).
 */
export class HttpVerwerkingslog implements VerwerkingslogPoort {
  /**
   * @param endpoint full URL of the processing log, e.g. `${CONSENT_SERVICE_URL}${VERWERKINGEN_PATH}`
   * @param identiteit this process's service identity
   */
  constructor(
    private readonly endpoint: string,
    private readonly identiteit: ServiceIdentity,
    private readonly timeoutMs = 10_000,
  ) {}

  async meld(m: VerwerkingMelding, aanroep: Aanroep): Promise<void> {
    if (!aanroep.namens) throw new Error('A processing is reported for a verified caller; none was present');
    const token = aanroep.namens.actor !== undefined && aanroep.bearer ? aanroep.bearer : await this.identiteit.token(aanroep.namens);
    const spanId = newSpanId();
    const res = await callService(this.endpoint, {
      bearer: token,
      headers: { traceparent: `00-${aanroep.traceId}-${spanId}-01` },
      json: {
        traceId: aanroep.traceId,
        spanId,
        handeling: m.handeling,
        ...(m.status ? { status: m.status } : {}),
        deelnemerId: m.deelnemerId,
        doel: m.doel,
        categorieen: m.categorieen,
        ...(m.ontvanger ? { ontvanger: { organisatie: m.ontvanger.organisatie, type: m.ontvanger.type } } : {}),
        ...(m.besluitId ? { besluitId: m.besluitId } : {}),
      },
      timeoutMs: this.timeoutMs,
      unreachable: logOnbereikbaar,
    });
    if (res.status === 403) {
      const body = (await res.json().catch(() => ({}))) as { code?: unknown };
      // Refused, not unavailable: e.g. a read citing a decision whose consent was withdrawn since.
      throw new ForbiddenError({ code: typeof body.code === 'string' ? body.code : 'VERWERKING.GEWEIGERD', detail: 'consent-service refused the processing' });
    }
    if (!res.ok) throw new Error(`consent-service refused the processing report: HTTP ${res.status}`);
  }
}
