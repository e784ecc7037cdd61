import type { BesluitPoort, BesluitVraag } from '@ketenregie/exchange-application';
import { BESLUITEN_PATH, besluitSchema } from '@ketenregie/consent-contracts';
import { DomainError } from '@ketenregie/shared-kernel';

/**
 * {@link BesluitPoort} over consent-service's `POST /api/v1/besluiten`, with the caller's own
 * token: the caller's organisation is the source, and consent-service logs the decision.
 */
export class HttpBesluiten implements BesluitPoort {
  constructor(
    private readonly consentServiceUrl: string,
    private readonly timeoutMs = 10_000,
  ) {}

  async besluit(vraag: BesluitVraag, bearer: string | undefined): Promise<{ readonly id: string; readonly toegestaan: readonly string[] } | undefined> {
    if (!bearer) return undefined;
    let res: Response;
    try {
      res = await fetch(`${this.consentServiceUrl}${BESLUITEN_PATH}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
        body: JSON.stringify(vraag),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (cause) {
      throw onbereikbaar(cause);
    }
    if (res.status === 403) return undefined;
    if (!res.ok) throw onbereikbaar(new Error(`HTTP ${res.status}`));
    const besluit = besluitSchema.parse(await res.json());
    return { id: besluit.id, toegestaan: besluit.categorieen.filter((c) => c.uitkomst === 'toegestaan').map((c) => c.categorie) };
  }
}

function onbereikbaar(cause: unknown): DomainError {
  return new DomainError({
    code: 'EXCHANGE.BESLUIT_ONBEREIKBAAR',
    kind: 'unavailable',
    detail: 'The consent decision could not be made, so nothing was disclosed. Try again later.',
    cause,
  });
}
