import type { Identity } from '@ketenregie/shared-kernel';
import type { ServiceIdentity } from '../auth/service-identity';
import { callService, unavailable } from '../http/service-call';
import { readServiceAnswer } from '../temporal/activity-failure';

/**
 * What an erasure at the end of the retention period came to: `gewist` (the keys are destroyed
 * now), `al-gewist` (an earlier erasure did it already), `traject-loopt` (a traject still runs:
 * nothing was erased).
 */
export type WissingAntwoord = 'gewist' | 'al-gewist' | 'traject-loopt';

/** The traject context's erasure, as the consent context's retention workflow asks for it. */
export interface DeelnemerWissingPoort {
  /**
   * Erases the deelnemer with ground `bewaartermijn-verstreken`, acting for `namens` (the fg of
   * the deelnemer's gemeente). Idempotent: an already erased deelnemer is `al-gewist`.
   * @throws DomainError 503 when traject-service cannot be reached (retried); a failure for any other refusal
   */
  wisNaBewaartermijn(deelnemerId: string, namens: Identity): Promise<WissingAntwoord>;
}

/** Injection token of {@link DeelnemerWissingPoort}. */
export const DEELNEMER_WISSING_POORT = Symbol('DEELNEMER_WISSING_POORT');

/** What traject-service's refusals of an erasure mean to the retention workflow. */
const WEIGERINGEN: Readonly<Record<string, WissingAntwoord>> = {
  'TRAJECT.DEELNEMER_NOT_FOUND': 'al-gewist',
  'TRAJECT.WISSING_LOPEND_TRAJECT': 'traject-loopt',
};

/** {@link DeelnemerWissingPoort} over traject-service's `POST /api/v1/deelnemers/{id}/wissing`, with a service token. */
export class HttpDeelnemerWissing implements DeelnemerWissingPoort {
  constructor(
    private readonly trajectServiceUrl: string,
    private readonly identiteit: ServiceIdentity,
    private readonly timeoutMs = 30_000,
  ) {}

  async wisNaBewaartermijn(deelnemerId: string, namens: Identity): Promise<WissingAntwoord> {
    const pad = `/api/v1/deelnemers/${encodeURIComponent(deelnemerId)}/wissing`;
    const res = await callService(`${this.trajectServiceUrl}${pad}`, {
      method: 'POST',
      bearer: await this.identiteit.token(namens),
      json: { grond: 'bewaartermijn-verstreken' },
      timeoutMs: this.timeoutMs,
      unreachable: unavailable('CONSENT.TRAJECT_ONBEREIKBAAR', 'traject-service did not answer'),
    });
    if (res.status === 404 || res.status === 422) {
      const { code } = (await res
        .clone()
        .json()
        .catch(() => ({}))) as { code?: unknown };
      const antwoord = typeof code === 'string' ? WEIGERINGEN[code] : undefined;
      if (antwoord) return antwoord;
    }
    await readServiceAnswer<unknown>(res, pad, 'CONSENT.WISSING_HTTP');
    return 'gewist';
  }
}
