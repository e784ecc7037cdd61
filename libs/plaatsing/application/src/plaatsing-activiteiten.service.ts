import { Inject, Injectable } from '@nestjs/common';
import { PLAATSING_EVENT_TYPES, type PlaatsingUitkomstVerwerken } from '@ketenregie/plaatsing-contracts';
import { randomUUID } from 'node:crypto';
import { PLAATSING_REPOSITORY, type PlaatsingRepository, type UitgaandeGebeurtenis } from './plaatsing.ports';

/**
 * The placement's monitoring events: the timeline entries the stuurgroep's figures need
 * (placements, proefplaatsing → contract, lasting at 6/12 months, returns), as CloudEvents with
 * codes and opaque ids only. The key `<plaatsingId>/<nr>` makes a retried outcome publish nothing twice.
 */
export function monitoringGebeurtenissen(u: PlaatsingUitkomstVerwerken): UitgaandeGebeurtenis[] {
  return u.gebeurtenissen.flatMap((g) => {
    const type = (PLAATSING_EVENT_TYPES as Readonly<Record<string, string>>)[g.soort];
    if (!type) return [];
    const data: Record<string, string | number | boolean> = { plaatsingId: u.plaatsingId, datum: g.datum, werkgever: u.overzicht.werkgever.organisatieId };
    for (const veld of ['maanden', 'reden', 'urenPerWeek'] as const) if (g.gegevens[veld] !== undefined) data[veld] = g.gegevens[veld];
    return [{ id: randomUUID(), sleutel: `${u.plaatsingId}/${g.nr}`, type, subject: `plaatsing/${u.plaatsingId}`, data }];
  });
}

/** What the plaatsing workflow's activities do, in-process in the worker. */
@Injectable()
export class PlaatsingActiviteitenService {
  constructor(@Inject(PLAATSING_REPOSITORY) private readonly plaatsingen: PlaatsingRepository) {}

  /** Read model, timeline, tasks and monitoring events of one or more outcomes, in one transaction; idempotent. */
  applyOutcome(u: PlaatsingUitkomstVerwerken): Promise<void> {
    return this.plaatsingen.verwerk(u, monitoringGebeurtenissen(u));
  }
}
