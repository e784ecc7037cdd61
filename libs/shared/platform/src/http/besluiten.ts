import type { DomainError } from '@ketenregie/shared-kernel';
import { z } from 'zod';
import { callService } from './service-call';

/** What a disclosure decision is asked about; the caller's organisation (from its token) is the source. */
export interface BesluitAanvraag {
  readonly deelnemerId: string;
  readonly ontvanger: { readonly organisatie: string; readonly type: string };
  readonly doel: string;
  readonly categorieen: readonly string[];
}

/** The decision's id and the categories it permits. */
export interface BesluitUitkomst {
  readonly id: string;
  readonly toegestaan: readonly string[];
}

/** The part of consent-service's decision a disclosing context reads (the platform does not import a context's contracts). */
const besluitAntwoordSchema = z.object({
  id: z.string(),
  categorieen: z.array(z.object({ categorie: z.string(), uitkomst: z.string() })),
});

/**
 * consent-service's decision point (`POST /api/v1/besluiten`) over {@link callService}, asked
 * with the caller's own token: the caller's organisation is the source, and consent-service logs
 * the decision. A 403 (the caller may not ask about this deelnemer) is no decision (`undefined`),
 * which permits nothing; an unreachable service or another non-2xx answer is the caller's
 * `unreachable` error (503), so nothing is disclosed.
 */
export class HttpBesluiten {
  /**
   * @param endpoint full URL of the decision point, e.g. `${CONSENT_SERVICE_URL}${BESLUITEN_PATH}`
   * @param unreachable the caller's typed error when no decision could be made
   */
  constructor(
    private readonly endpoint: string,
    private readonly unreachable: (cause: unknown) => DomainError,
    private readonly timeoutMs = 10_000,
  ) {}

  async besluit(vraag: BesluitAanvraag, bearer: string | undefined): Promise<BesluitUitkomst | undefined> {
    if (!bearer) return undefined;
    const res = await callService(this.endpoint, { bearer, json: vraag, timeoutMs: this.timeoutMs, unreachable: this.unreachable });
    if (res.status === 403) return undefined;
    if (!res.ok) throw this.unreachable(new Error(`HTTP ${res.status}`));
    const besluit = besluitAntwoordSchema.parse(await res.json());
    return { id: besluit.id, toegestaan: besluit.categorieen.filter((c) => c.uitkomst === 'toegestaan').map((c) => c.categorie) };
  }
}
