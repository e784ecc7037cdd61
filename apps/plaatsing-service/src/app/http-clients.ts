import type { BesluitPoort, BesluitVraag, TrajectGegevens, TrajectPoort } from '@ketenregie/plaatsing-application';
import { BESLUITEN_PATH, besluitSchema } from '@ketenregie/consent-contracts';
import { plaatsingError } from '@ketenregie/plaatsing-domain';
import { z } from 'zod';

/** The part of traject-service's `GET /api/v1/trajecten/{id}` a placement needs. */
const trajectOverzichtSchema = z.object({
  regie: z.object({ regievoerderId: z.string(), organisatieId: z.string() }),
  coach: z.object({ coachId: z.string(), organisatieId: z.string() }).optional(),
});

/** {@link TrajectPoort} over traject-service's API with the caller's own token (the read is logged there). */
export class HttpTraject implements TrajectPoort {
  constructor(
    private readonly trajectServiceUrl: string,
    private readonly timeoutMs = 5_000,
  ) {}

  async gegevens(trajectId: string, bearer: string | undefined): Promise<TrajectGegevens | undefined> {
    if (!bearer) return undefined;
    let res: Response;
    try {
      res = await fetch(`${this.trajectServiceUrl}/api/v1/trajecten/${encodeURIComponent(trajectId)}`, {
        headers: { authorization: `Bearer ${bearer}` },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch {
      throw plaatsingError('PLAATSING.TRAJECT_ONBEKEND', 'The traject context cannot be reached; nothing was proposed.');
    }
    if (res.status === 403 || res.status === 404) return undefined;
    if (!res.ok) throw plaatsingError('PLAATSING.TRAJECT_ONBEKEND', 'The traject context did not answer; nothing was proposed.');
    return trajectOverzichtSchema.parse(await res.json());
  }
}

/** {@link BesluitPoort} over consent-service's `POST /api/v1/besluiten` with the caller's own token (the decision is logged there). */
export class HttpPlaatsingBesluiten implements BesluitPoort {
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
    } catch {
      throw plaatsingError('PLAATSING.BESLUIT_ONBEREIKBAAR', 'The consent decision could not be made, so nothing was proposed. Try again later.');
    }
    if (res.status === 403) return undefined;
    if (!res.ok) throw plaatsingError('PLAATSING.BESLUIT_ONBEREIKBAAR', 'The consent decision could not be made, so nothing was proposed. Try again later.');
    const besluit = besluitSchema.parse(await res.json());
    return { id: besluit.id, toegestaan: besluit.categorieen.filter((c) => c.uitkomst === 'toegestaan').map((c) => c.categorie) };
  }
}
