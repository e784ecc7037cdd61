import { addMonths, type IsoDate } from '@ketenregie/shared-kernel';
import { type Meting } from '../instrumenten';
import { type PlanInvoer } from '../plan-van-aanpak';
import { type ProgrammaDefinitie } from '../programma';
import { startTraject, type TrajectActie, type TrajectOpdracht, type TrajectState, type TrajectUitkomst, verwerkTijd, voerUit } from '../traject';

export const REGIE = { regievoerderId: 'km-1', organisatieId: 'gemeente-den-bosch' } as const;
export const COACH = { coachId: 'coach-1', organisatieId: 'weener-xl' } as const;

export function geldigPlan(datum: IsoDate): PlanInvoer {
  return {
    grow: {
      goal: 'vrijwilligerswerk vinden',
      reality: 'thuis, weinig contacten',
      options: 'buurthuis, kringloop',
      will: 'start met een oriëntatie',
      zekerheid: 7,
    },
    doelen: [
      {
        id: 'd1',
        omschrijving: 'twee dagdelen vrijwilligerswerk',
        smart: {
          specifiek: 'kringloopwinkel',
          meetbaar: 'twee dagdelen per week',
          actiegericht: 'zelf bellen',
          realistisch: 'past bij energie',
          tijdgebonden: addMonths(datum, 9),
        },
      },
    ],
    gasDoelen: [
      { id: 'g1', omschrijving: 'dagritme', niveaus: { '-2': 'geen ritme', '-1': 'soms', '0': 'drie dagen', '1': 'vier dagen', '2': 'elke werkdag' } },
    ],
    ondertekening: { datum, door: 'deelnemer' },
  };
}

export function t0Metingen(datum: IsoDate): Meting[] {
  const scorer = { rol: 'coach', professionalId: COACH.coachId } as const;
  return [
    { instrument: 'participatieladder', trede: 1, datum, scorer, instrumentVersie: 'participatieladder-6' },
    {
      instrument: 'zrm',
      datum,
      scorer,
      instrumentVersie: 'zrm-2017',
      relevanteDomeinen: ['financien', 'sociaal-netwerk'],
      scores: { financien: 2, 'sociaal-netwerk': 1 },
    },
  ];
}

/** Drives a traject through the pure domain, collecting every action. */
export class Scenario {
  state: TrajectState;
  readonly acties: TrajectActie[] = [];

  constructor(
    readonly p: ProgrammaDefinitie,
    start: IsoDate,
    opties: { coach?: boolean } = {},
  ) {
    const u = startTraject(
      { trajectId: 'tr-1', datum: start, regie: REGIE, coach: opties.coach === false ? undefined : COACH, aanmeldreden: 'activering' },
      p,
      start,
    );
    this.state = u.state;
    this.acties.push(...u.acties);
  }

  private neem(u: TrajectUitkomst): TrajectUitkomst {
    this.state = u.state;
    this.acties.push(...u.acties);
    return u;
  }

  doe(opdracht: TrajectOpdracht, vandaag: IsoDate = opdracht.datum): TrajectUitkomst {
    return this.neem(voerUit(this.state, opdracht, this.p, vandaag));
  }

  tijd(vandaag: IsoDate): TrajectUitkomst {
    return this.neem(verwerkTijd(this.state, this.p, vandaag));
  }

  /** Walks to uitvoering: afspraak on `d1`, kennismaking closed on `d2`, diagnose on `d3`, signed plan on `d4`. */
  naarUitvoering(d1: IsoDate, d2: IsoDate, d3: IsoDate, d4: IsoDate): this {
    this.doe({ soort: 'contactpoging', datum: d1, kanaal: 'telefoon', uitkomst: 'afspraak-gemaakt' });
    this.doe({ soort: 'contactmoment', datum: d2, vorm: 'huisbezoek', verschenen: true });
    this.doe({ soort: 'kennismaking-afronden', datum: d2, klik: true });
    this.doe({ soort: 'diagnose', datum: d3, metingen: t0Metingen(d3) });
    if (this.p.fasen.includes('plan-van-aanpak')) this.doe({ soort: 'plan', datum: d4, plan: geldigPlan(d4) });
    return this;
  }

  termijn(soort: string) {
    return this.state.termijnen.find((t) => t.soort === soort);
  }

  actiesVan<S extends TrajectActie['soort']>(soort: S): Extract<TrajectActie, { soort: S }>[] {
    return this.acties.filter((a): a is Extract<TrajectActie, { soort: S }> => a.soort === soort);
  }
}

export function foutcode(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (e) {
    return (e as { code?: string }).code ?? 'no-code';
  }
}
