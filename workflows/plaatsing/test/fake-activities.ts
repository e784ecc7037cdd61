import type { PlaatsingActivities, PlaatsingTaak, PlaatsingUitkomstVerwerken } from '@ketenregie/plaatsing-contracts';
import type { PlaatsingGebeurtenis, PlaatsingOverzicht } from '@ketenregie/plaatsing-domain';

/**
 * In-memory plaatsing activities that behave like the real adapter where the workflow can
 * notice: idempotent on the timeline number and the task key; the projection never goes back.
 */
export class FakePlaatsingActivities {
  readonly tijdlijn: PlaatsingGebeurtenis[] = [];
  readonly taken: PlaatsingTaak[] = [];
  overzicht?: PlaatsingOverzicht;

  get soorten(): string[] {
    return this.tijdlijn.map((g) => g.soort);
  }

  /** The plaatsing activities; the warm return's calls go to `exchange` (exchange-service's stand-in). */
  alsActiviteiten(exchange: Pick<PlaatsingActivities, 'requestReturn' | 'returnStatus'>): PlaatsingActivities {
    return {
      ...exchange,
      applyOutcome: async (i: PlaatsingUitkomstVerwerken) => {
        if (!this.overzicht || this.overzicht.versie <= i.overzicht.versie) this.overzicht = i.overzicht;
        for (const g of i.gebeurtenissen) if (!this.tijdlijn.some((x) => x.nr === g.nr)) this.tijdlijn.push(g);
        for (const t of i.taken) if (!this.taken.some((x) => x.sleutel === t.sleutel)) this.taken.push(t);
      },
    };
  }
}
