import type { IsoDate } from '@ketenregie/shared-kernel';
import type { Voortgang } from './instrumenten';
import type { Coach, GebeurtenisSoort, Regie, TijdlijnGebeurtenis } from './traject';

/** The timeline events the traject context publishes to other contexts (monitoring), in its own words. */
export const GEPUBLICEERDE_SOORTEN = [
  'aangemeld',
  'fase-gewijzigd',
  'coach-toegewezen',
  'coach-gewijzigd',
  'regie-gewijzigd',
  'meting',
  'evaluatie',
  'termijn-verlopen',
  'gepauzeerd',
  'hervat',
  'uitgevallen',
  'afgesloten',
  'casuistiekoverleg-gehouden',
] as const satisfies readonly GebeurtenisSoort[];
/** One of {@link GEPUBLICEERDE_SOORTEN}. */
export type GepubliceerdeSoort = (typeof GEPUBLICEERDE_SOORTEN)[number];

/** The traject as it stands after the events: what every published event carries. */
export interface PublicatieStand {
  readonly trajectId: string;
  readonly programma: { readonly code: string; readonly versie: number };
  readonly regie: Regie;
  readonly coach?: Coach;
  readonly voortgang: Voortgang;
}

/**
 * A fact the traject context publishes: codes, dates, opaque ids of the traject and of
 * professionals, organisation ids, never a deelnemer id, a name, a BSN or free text.
 */
export interface GepubliceerdFeit {
  /** Unique per traject event (`<trajectId>:<nr>`): the outbox keeps one row per key. */
  readonly sleutel: string;
  readonly soort: GepubliceerdeSoort;
  readonly trajectId: string;
  readonly datum: IsoDate;
  readonly data: Readonly<Record<string, string | number | boolean | Readonly<Record<string, unknown>>>>;
}

const PUBLIEK = new Set<string>(GEPUBLICEERDE_SOORTEN);

/** The coded details of each kind that may leave the context (everything else on the timeline stays inside). */
const VELDEN: Readonly<Record<GepubliceerdeSoort, readonly string[]>> = {
  aangemeld: ['aanmeldreden'],
  'fase-gewijzigd': ['van', 'naar'],
  'coach-toegewezen': [],
  'coach-gewijzigd': ['reden'],
  'regie-gewijzigd': [],
  meting: ['meetmoment'],
  evaluatie: ['nr', 'besluit'],
  'termijn-verlopen': ['termijn'],
  gepauzeerd: ['reden'],
  hervat: [],
  uitgevallen: ['reden'],
  afgesloten: [],
  'casuistiekoverleg-gehouden': ['overleg', 'genodigd', 'aanwezig'],
};

/**
 * The published facts of new timeline events: each carries the traject's programme, lead and
 * coach organisation and coach after the events (so a consumer needs no other source), plus its
 * own coded details; a measurement carries the ladder and ZRM progress so far. Pure.
 */
export function gepubliceerdeFeiten(stand: PublicatieStand, gebeurtenissen: readonly TijdlijnGebeurtenis[]): GepubliceerdFeit[] {
  return gebeurtenissen
    .filter((g) => PUBLIEK.has(g.soort))
    .map((g) => {
      const soort = g.soort as GepubliceerdeSoort;
      const eigen: Record<string, string | number | boolean | Readonly<Record<string, unknown>>> = {};
      for (const veld of VELDEN[soort]) if (g.gegevens[veld] !== undefined) eigen[veld] = g.gegevens[veld];
      if (soort === 'meting') {
        const { ladder, zrm } = stand.voortgang;
        if (ladder) eigen['ladder'] = { eerste: ladder.eerste, eersteDatum: ladder.eersteDatum, laatste: ladder.laatste, laatsteDatum: ladder.laatsteDatum };
        const domeinen = Object.fromEntries(Object.entries(zrm).map(([d, v]) => [d, { eerste: v.eerste, laatste: v.laatste, laatsteDatum: v.laatsteDatum }]));
        if (Object.keys(domeinen).length > 0) eigen['zrm'] = domeinen;
      }
      return {
        sleutel: `${stand.trajectId}:${g.nr}`,
        soort,
        trajectId: stand.trajectId,
        datum: g.datum,
        data: {
          programma: stand.programma.code,
          regieOrganisatie: stand.regie.organisatieId,
          ...(stand.coach ? { coachOrganisatie: stand.coach.organisatieId, coach: stand.coach.coachId } : {}),
          ...eigen,
        },
      };
    });
}
