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
  readonly evaluaties: number;
  readonly laatsteEvaluatie?: IsoDate;
  readonly voortgang: Voortgang;
  /** Number of the latest timeline event reflected here (for optimistic projections). */
  readonly versie: number;
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
