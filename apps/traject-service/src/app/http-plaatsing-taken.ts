import { PLAATSING_TAKEN_PATH, plaatsingTakenSchema } from '@ketenregie/plaatsing-contracts';
import type { PlaatsingTakenPoort } from '@ketenregie/traject-application';
import type { TaakRegel } from '@ketenregie/traject-contracts';
import { callService, unavailable } from '@ketenregie/shared-platform';
import { Logger } from '@nestjs/common';

/** The werkgever lane's parties as the task list names them: the gemeente's decisions are the regievoerder's. */
const VOOR: Readonly<Record<string, TaakRegel['voor'] | undefined>> = { coach: 'coach', jobcoach: 'jobcoach', gemeente: 'regievoerder' };

/**
 * {@link PlaatsingTakenPoort} over plaatsing-service's `GET /api/v1/plaatsingen/taken`, with the
 * caller's own token (plaatsing-service answers only the caller's own tasks). When plaatsing-service
 * cannot be reached, the task list still shows the traject's own tasks; the gap is logged.
 */
export class HttpPlaatsingTaken implements PlaatsingTakenPoort {
  private readonly logger = new Logger(HttpPlaatsingTaken.name);

  constructor(
    private readonly plaatsingServiceUrl: string,
    private readonly timeoutMs = 5_000,
  ) {}

  async voor(bearer: string | undefined): Promise<TaakRegel[]> {
    if (!bearer) return [];
    let res: Response;
    try {
      res = await callService(`${this.plaatsingServiceUrl}${PLAATSING_TAKEN_PATH}`, {
        bearer,
        timeoutMs: this.timeoutMs,
        unreachable: unavailable('TRAJECT.PLAATSINGEN_ONBEREIKBAAR', 'The placements cannot be reached.'),
      });
    } catch {
      this.logger.warn({ msg: 'plaatsing-service unreachable: the task list holds traject tasks only' });
      return [];
    }
    // A caller with no part in any placement (or a role that lists none) has no placement tasks.
    if (res.status === 401 || res.status === 403) return [];
    if (!res.ok) {
      this.logger.warn({ msg: 'plaatsing-service refused the task list: it holds traject tasks only', status: res.status });
      return [];
    }
    return plaatsingTakenSchema.parse(await res.json()).taken.flatMap((t) => {
      const voor = VOOR[t.voor];
      if (!voor) return [];
      return [
        {
          trajectId: t.trajectId,
          plaatsingId: t.plaatsingId,
          termijnId: t.taakId,
          soort: t.soort,
          voor,
          toegewezenAan: t.toegewezenAan,
          vervalt: t.vervalt,
          status: t.status,
        },
      ];
    });
  }
}
