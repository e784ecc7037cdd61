import type { IsoDate } from '@ketenregie/shared-kernel';
import { berekenVoortgang, type Voortgang } from './instrumenten';
import type { TermijnSoort, Verantwoordelijke } from './termijn';
import { type TrajectState, volgendeTermijn } from './traject';

/** What `GET /api/v1/trajecten/{id}` shows: phase, status, next deadline, lead and progress. */
export interface TrajectOverzicht extends Pick<
  TrajectState,
  | 'trajectId'
  | 'programma'
  | 'fase'
  | 'status'
  | 'startdatum'
  | 'geplandeEinddatum'
  | 'regie'
  | 'coach'
  | 't0'
  | 't1'
  | 'gepauzeerdeWerkdagen'
  | 'heropeningen'
  | 'uitval'
> {
  readonly volgendeTermijn?: {
    readonly id: string;
    readonly soort: TermijnSoort;
    readonly vervalt: IsoDate;
    readonly voor: Verantwoordelijke;
    readonly verlopen: boolean;
  };
  /**
   * Every open deadline, earliest first, also those whose task has not appeared yet (the next
   * call attempt, the re-approach a month after a "nee"): what `GET /taken` lists as planned.
   * Absent in projections written before it was added.
   */
  readonly termijnen?: readonly OpenTermijn[];
  /** The GAS goals of the plan van aanpak (id, description and the five levels), which evaluations score. */
  readonly gasDoelen?: readonly { readonly id: string; readonly omschrijving: string; readonly niveaus: Readonly<Record<string, string>> }[];
  readonly evaluaties: number;
  readonly laatsteEvaluatie?: IsoDate;
  readonly voortgang: Voortgang;
  /** Number of the latest timeline event reflected here (for optimistic projections). */
  readonly versie: number;
}

/** An open deadline of a traject as the overview lists it. */
export interface OpenTermijn {
  readonly id: string;
  readonly soort: TermijnSoort;
  readonly voor: Verantwoordelijke;
  /** The day its task appears on the responsible professional's list. */
  readonly taakVanaf?: IsoDate;
  readonly vervalt: IsoDate;
  /** Whether its task is on the list already. */
  readonly taakAangemaakt: boolean;
  readonly verlopen: boolean;
  readonly geescaleerd: boolean;
}

/** Builds the overview of a traject from its state (the workflow's query answer and the projection). Pure. */
export function trajectOverzicht(s: TrajectState): TrajectOverzicht {
  const t = volgendeTermijn(s);
  return {
    trajectId: s.trajectId,
    programma: s.programma,
    fase: s.fase,
    status: s.status,
    startdatum: s.startdatum,
    geplandeEinddatum: s.geplandeEinddatum,
    regie: s.regie,
    coach: s.coach,
    volgendeTermijn: t ? { id: t.id, soort: t.soort, vervalt: t.vervalt, voor: t.voor, verlopen: t.verlopenGemeld } : undefined,
    termijnen: [...s.termijnen]
      .filter((o) => o.soort !== 'nazorg-einde')
      .sort((a, b) => (a.vervalt < b.vervalt ? -1 : a.vervalt > b.vervalt ? 1 : 0))
      .map((o) => ({
        id: o.id,
        soort: o.soort,
        voor: o.voor,
        ...(o.taakVanaf ? { taakVanaf: o.taakVanaf } : {}),
        vervalt: o.vervalt,
        taakAangemaakt: o.taakAangemaakt,
        verlopen: o.verlopenGemeld,
        geescaleerd: o.geescaleerd,
      })),
    ...(s.plan && s.plan.gasDoelen.length > 0
      ? { gasDoelen: s.plan.gasDoelen.map((g) => ({ id: g.id, omschrijving: g.omschrijving, niveaus: g.niveaus })) }
      : {}),
    evaluaties: s.evaluaties.length,
    laatsteEvaluatie: s.evaluaties.at(-1)?.datum,
    t0: s.t0,
    t1: s.t1,
    gepauzeerdeWerkdagen: s.gepauzeerdeWerkdagen,
    heropeningen: s.heropeningen,
    uitval: s.uitval,
    voortgang: berekenVoortgang(s.metingen),
    versie: s.tijdlijn.at(-1)?.nr ?? 0,
  };
}
