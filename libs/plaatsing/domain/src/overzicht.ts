import type { IsoDate } from '@ketenregie/shared-kernel';
import {
  plaatsingBetrokkenen,
  termijnen,
  type Contract,
  type PlaatsingBetrokkenen,
  type PlaatsingFase,
  type PlaatsingState,
  type Termijn,
  type TerugleidingReden,
} from './plaatsing';

/**
 * The read model of a placement (`plaatsing.plaatsing`), derived from the workflow's state after
 * each step: phase, agreements and the upcoming deadlines. The deelnemer appears by opaque id only.
 */
export interface PlaatsingOverzicht extends PlaatsingBetrokkenen {
  readonly fase: PlaatsingFase;
  readonly gestart: IsoDate;
  readonly proefplaatsing?: {
    readonly start: IsoDate;
    readonly einde: IsoDate;
    readonly evaluatieUiterlijk: IsoDate;
    readonly uitkeringBehouden: true;
    readonly verlengd: boolean;
  };
  readonly loonwaarde?: number;
  readonly subsidie?: { readonly percentage: number; readonly ingang: IsoDate; readonly einde: IsoDate; readonly volgendeHerbeoordeling: IsoDate };
  readonly contract?: Contract;
  readonly laatsteCheckin?: IsoDate;
  readonly termijnen: readonly Termijn[];
  readonly terugleiding?: { readonly reden: TerugleidingReden; readonly datum: IsoDate; readonly naar: string };
  /** Number of the latest timeline entry reflected (a projection never goes back). */
  readonly versie: number;
}

/** Builds the read model from the state. Pure. */
export function plaatsingOverzicht(s: PlaatsingState): PlaatsingOverzicht {
  const p = s.proefplaatsing;
  return {
    ...plaatsingBetrokkenen(s),
    fase: s.fase,
    gestart: s.gestart,
    ...(p
      ? { proefplaatsing: { start: p.start, einde: p.einde, evaluatieUiterlijk: p.evaluatieUiterlijk, uitkeringBehouden: true as const, verlengd: p.verlengd } }
      : {}),
    ...(s.loonwaarde ? { loonwaarde: s.loonwaarde.percentage } : {}),
    ...(s.subsidie
      ? {
          subsidie: {
            percentage: s.subsidie.percentage,
            ingang: s.subsidie.ingang,
            einde: s.subsidie.einde,
            volgendeHerbeoordeling: s.subsidie.volgendeHerbeoordeling,
          },
        }
      : {}),
    ...(s.contract ? { contract: s.contract } : {}),
    ...(s.laatsteCheckin ? { laatsteCheckin: s.laatsteCheckin } : {}),
    termijnen: termijnen(s),
    ...(s.terugleiding ? { terugleiding: { reden: s.terugleiding.reden, datum: s.terugleiding.datum, naar: s.terugleiding.naar.organisatieId } } : {}),
    versie: s.tijdlijn.length,
  };
}
