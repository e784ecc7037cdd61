import type { TrajectGegevens, TrajectPoort } from '@ketenregie/plaatsing-application';
import { plaatsingError } from '@ketenregie/plaatsing-domain';
import { callService } from '@ketenregie/shared-platform';
import type { DomainError } from '@ketenregie/shared-kernel';
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
    const res = await callService(`${this.trajectServiceUrl}/api/v1/trajecten/${encodeURIComponent(trajectId)}`, {
      bearer,
      timeoutMs: this.timeoutMs,
      unreachable: () => plaatsingError('PLAATSING.TRAJECT_ONBEKEND', 'The traject context cannot be reached; nothing was proposed.'),
    });
    if (res.status === 403 || res.status === 404) return undefined;
    if (!res.ok) throw plaatsingError('PLAATSING.TRAJECT_ONBEKEND', 'The traject context did not answer; nothing was proposed.');
    return trajectOverzichtSchema.parse(await res.json());
  }
}

/** No consent decision could be made (503), so nothing was proposed (the platform's `HttpBesluiten` `unreachable`). */
export const besluitOnbereikbaar = (): DomainError =>
  plaatsingError('PLAATSING.BESLUIT_ONBEREIKBAAR', 'The consent decision could not be made, so nothing was proposed. Try again later.');
